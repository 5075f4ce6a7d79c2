using System.Diagnostics.CodeAnalysis;

namespace SlaEngine.Tracking;

/// <summary>The outcome of reading a ticket's timeline: the ticket with every entry applied, or why it was refused.</summary>
public sealed class TimelineReadResult
{
    internal TimelineReadResult(Ticket? ticket, string? error)
    {
        Ticket = error is null ? ticket : null;
        Error = error is null ? null : Diagnostics.VisibleText.Escape(error);
    }

    /// <summary>The ticket; null when the timeline was refused.</summary>
    public Ticket? Ticket { get; }

    /// <summary>Why the timeline was refused, naming the entry (0 is the submission) and the field; null when it was read.</summary>
    public string? Error { get; }

    /// <summary>Whether the timeline was read.</summary>
    [MemberNotNullWhen(true, nameof(Ticket))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Ticket is not null;
}
