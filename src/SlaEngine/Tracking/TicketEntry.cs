using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Events;

namespace SlaEngine.Tracking;

/// <summary>
/// One entry of a ticket's timeline after it was applied: when, the ticket's fields as they stood after it, and
/// which clocks were paused or stopped from then on.
/// </summary>
public sealed class TicketEntry
{
    internal TicketEntry(int index, Instant at, ChangeEvent fields, ImmutableArray<bool> paused, ImmutableArray<bool> stopped)
    {
        Index = index;
        At = at;
        Fields = fields;
        Paused = paused;
        Stopped = stopped;
    }

    /// <summary>The entry's position (0 is the submission).</summary>
    public int Index { get; }

    /// <summary>When the entry happened.</summary>
    public Instant At { get; }

    /// <summary>The ticket's fields after the entry (its <see cref="ChangeEvent.SubmittedAt"/> is the ticket's submission).</summary>
    public ChangeEvent Fields { get; }

    /// <summary>Per clock (declaration order): whether <c>pauseWhen</c> holds after this entry.</summary>
    public ImmutableArray<bool> Paused { get; }

    /// <summary>Per clock (declaration order): whether the clock has stopped at or before this entry.</summary>
    public ImmutableArray<bool> Stopped { get; }
}
