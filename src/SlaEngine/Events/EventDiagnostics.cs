using SlaEngine.Diagnostics;

namespace SlaEngine.Events;

/// <summary>
/// Errors about events in the one error shape, <see cref="Diagnostic"/>: an event has no lines and columns, so the
/// location names the input (<c>&lt;event&gt;</c>) and the field at fault as its <see cref="SourceLocation.Path"/>.
/// </summary>
internal static class EventDiagnostics
{
    /// <summary>The input name in the location of an event's errors.</summary>
    public const string Input = "<event>";

    /// <summary>An error about one field of an event, or about the event as a whole.</summary>
    /// <param name="code">The stable code (<c>SLA4001</c> wrong value, <c>SLA4002</c> missing, <c>SLA4004</c> malformed).</param>
    /// <param name="field">The field's name; empty when the event as a whole is malformed.</param>
    /// <param name="message">The message, which names the field and the bad value.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic Error(string code, string field, string message) =>
        new(code, DiagnosticSeverity.Error, message, new SourceLocation(Input, 0, 0) { Path = field.Length == 0 ? null : field });
}
