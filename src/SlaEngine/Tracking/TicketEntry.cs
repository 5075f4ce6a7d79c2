using System.Collections.Generic;
using NodaTime;
using SlaEngine.Events;

namespace SlaEngine.Tracking;

/// <summary>
/// One entry of a ticket's timeline after it was applied under the ticket's policy: when, its id, the changes it
/// made and the ticket's fields as they stood after it.
/// </summary>
public sealed class TicketEntry
{
    internal TicketEntry(int index, TimelineEntry source, ChangeEvent fields, EntryDecision decision)
    {
        Index = index;
        Source = source;
        Fields = fields;
        Decision = decision;
    }

    /// <summary>The entry's position in time order (0 is the submission).</summary>
    public int Index { get; }

    /// <summary>The entry's id, or null.</summary>
    public string? Id => Source.Id;

    /// <summary>When the entry happened.</summary>
    public Instant At => Source.At;

    /// <summary>The field changes the entry made, by field name, as given.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Changes => Source.Changes;

    /// <summary>The ticket's fields after the entry (its <see cref="ChangeEvent.SubmittedAt"/> is the ticket's submission).</summary>
    public ChangeEvent Fields { get; }

    /// <summary>The raw entry, as delivered.</summary>
    public TimelineEntry Source { get; }

    /// <summary>What the rules decided on the fields after the entry: owner, targets and ladders.</summary>
    internal EntryDecision Decision { get; }

    /// <summary>Per clock (declaration order): where its cycles stand after the entry. Set once while the ticket is built.</summary>
    internal ClockPhase[] Phases { get; set; } = [];
}
