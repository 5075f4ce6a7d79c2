using System.Globalization;

namespace SlaEngine.Replay;

/// <summary>A row of a history that could not be replayed: where it is, which ticket and field, and what is wrong.</summary>
public sealed record HistoryError
{
    internal HistoryError(long line, string? ticket, string? field, string message)
    {
        Line = line;
        Ticket = ticket;
        Field = field;
        Message = message;
    }

    /// <summary>The 1-based line of the history file the row starts on.</summary>
    public long Line { get; }

    /// <summary>The row's ticket, when it could be read.</summary>
    public string? Ticket { get; }

    /// <summary>The field at fault (<c>ticket</c>, <c>at</c> or a policy field), or null when the row as a whole is malformed.</summary>
    public string? Field { get; }

    /// <summary>What is wrong, naming the field and the value.</summary>
    public string Message { get; }

    /// <summary>The error as one line: <c>line 12: priority: 'P9' is not one of P1, P2, P3, P4</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"line {Line}: {(Field is null || Message.StartsWith(Field + ":", System.StringComparison.Ordinal) ? string.Empty : Field + ": ")}{Message}");
}
