using System.Diagnostics.CodeAnalysis;
using SlaEngine.Diagnostics;

namespace SlaEngine.Tracking;

/// <summary>The outcome of reading a ticket's timeline: the ticket with every entry applied, or why it was refused.</summary>
public sealed class TimelineReadResult
{
    internal TimelineReadResult(Ticket? ticket, Diagnostic? error)
    {
        Ticket = error is null ? ticket : null;
        Error = error; // a Diagnostic's message shows invisible characters as \uXXXX
    }

    /// <summary>The ticket; null when the timeline was refused.</summary>
    public Ticket? Ticket { get; }

    /// <summary>
    /// Why the timeline was refused: the message names the entry (0 is the submission) and the field, and the location
    /// gives the entry as <see cref="SourceLocation.Entry"/> when one is at fault; null when the timeline was read.
    /// </summary>
    public Diagnostic? Error { get; }

    /// <summary>Whether the timeline was read.</summary>
    [MemberNotNullWhen(true, nameof(Ticket))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Ticket is not null;
}
