using System.Text;

namespace SlaEngine.Ingestion;

/// <summary>
/// Why a payload could not be mapped, or (as a note) why an optional field was skipped: the stable code, the mapping
/// key it concerns (<c>ticket</c>, <c>at</c>, <c>id</c> or a policy field; empty for the payload as a whole), the
/// pointer read, and a message that names both.
/// </summary>
public sealed class MappingError
{
    internal MappingError(string code, string field, string? pointer, string message)
    {
        Code = code;
        Field = field;
        Pointer = pointer;
        Message = message;
    }

    /// <summary>The stable code, such as <c>SLA8103</c> (see <see cref="Diagnostics.DiagnosticCodes"/>).</summary>
    public string Code { get; }

    /// <summary>The mapping key concerned: <c>ticket</c>, <c>at</c>, <c>id</c>, a policy field, or empty for the whole payload.</summary>
    public string Field { get; }

    /// <summary>The pointer that was read, or null for the whole payload.</summary>
    public string? Pointer { get; }

    /// <summary>What is wrong, naming the field, the pointer and the value.</summary>
    public string Message { get; }

    /// <summary>Formats the error as <c>CODE: message</c>.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() => new StringBuilder(Code).Append(": ").Append(Message).ToString();
}
