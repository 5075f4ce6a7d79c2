using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Events;
using SlaEngine.Tracking;

namespace SlaEngine.Replay;

/// <summary>One cycle of one clock of a replayed ticket, as the figures need it.</summary>
/// <param name="Clock">The clock's name.</param>
/// <param name="Number">The cycle's number, from 1 (0 for a clock that has not started).</param>
/// <param name="Outcome">How the cycle stands.</param>
/// <param name="Owner">The owner team in force when the cycle ended (or at the report's instant while it runs); null for none.</param>
/// <param name="Start">When the cycle started.</param>
/// <param name="End">When it ended, or null while it runs.</param>
/// <param name="Target">The target as open time.</param>
/// <param name="Elapsed">Open time counted while the cycle ran.</param>
/// <param name="Calendar">The calendar the target counts on (its zone dates the cycle's week).</param>
/// <param name="Fields">The ticket's fields when the owner was taken (for the breakdowns by field).</param>
/// <param name="Escalations">The escalation steps the cycle fired.</param>
internal readonly record struct ReplayCycle(
    string Clock,
    int Number,
    CycleOutcome Outcome,
    string? Owner,
    Instant Start,
    Instant? End,
    Duration Target,
    Duration Elapsed,
    BusinessCalendar Calendar,
    ChangeEvent Fields,
    ImmutableArray<FiredEscalation> Escalations)
{
    /// <summary>Whether the cycle has ended (and so enters the elapsed ÷ target distribution unless cancelled).</summary>
    public bool HasEnded => End is not null;
}
