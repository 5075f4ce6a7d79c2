namespace SlaEngine.Events;

/// <summary>Why an event was refused: the field at fault and what is wrong with its value.</summary>
/// <param name="Code">The stable code (<c>SLA4001</c> wrong value, <c>SLA4002</c> missing, <c>SLA4004</c> malformed).</param>
/// <param name="Field">The field's name; empty when the event as a whole is malformed.</param>
/// <param name="Message">The message, which names the field and the bad value.</param>
public sealed record EventError(string Code, string Field, string Message)
{
    /// <summary>The message, which names the field and the bad value; invisible characters in it are written <c>\uXXXX</c>.</summary>
    public string Message { get; init; } = Diagnostics.VisibleText.Escape(Message);

    /// <summary>Returns the message.</summary>
    /// <returns>The message.</returns>
    public override string ToString() => Message;
}
