using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using SlaEngine.Diagnostics;

namespace SlaEngine.Tracking;

/// <summary>The outcome of reading a stored ticket: the ticket with every entry applied, or why it was refused, and warnings (such as another policy digest).</summary>
public sealed class TicketReadResult
{
    internal TicketReadResult(Ticket? ticket, Diagnostic? error, ImmutableArray<string> warnings)
    {
        Ticket = error is null ? ticket : null;
        Error = error;
        Warnings = warnings.IsDefault ? [] : warnings;
    }

    /// <summary>The ticket; null when it was refused.</summary>
    public Ticket? Ticket { get; }

    /// <summary>
    /// Why the ticket was refused, or null: the message names the timeline entry at fault, and the location gives it as
    /// <see cref="SourceLocation.Entry"/> (or the line and column where the JSON is broken).
    /// </summary>
    public Diagnostic? Error { get; }

    /// <summary>What the reader noticed without refusing: the ticket was stored under another policy id, version or digest.</summary>
    public ImmutableArray<string> Warnings { get; }

    /// <summary>Whether the ticket was read.</summary>
    [MemberNotNullWhen(true, nameof(Ticket))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Ticket is not null;
}
