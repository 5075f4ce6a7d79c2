using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Tracking;

/// <summary>Where one SLA clock of a ticket stands at an instant.</summary>
/// <param name="Clock">The clock's name.</param>
/// <param name="State">Running, paused or stopped.</param>
/// <param name="Elapsed">Open time on the target's calendar while the clock ran, up to the instant asked.</param>
/// <param name="Target">The target as open time (a business-day target converted once, at submission).</param>
/// <param name="Remaining">Target − elapsed, never below zero.</param>
/// <param name="Due">While running: when elapsed reaches the target if the clock keeps running (the instant it did, once breached); null while paused or stopped.</param>
/// <param name="Breached">Whether elapsed exceeds the target (a clock stopped exactly at its target has met it).</param>
/// <param name="BreachedAt">When elapsed passed the target, or null.</param>
/// <param name="CalendarId">The calendar the clock counts on.</param>
/// <param name="TargetText">The target as written in the policy.</param>
/// <param name="Escalations">The escalation steps fired by the instant asked, in order.</param>
public sealed record ClockStatus(
    string Clock,
    ClockState State,
    Duration Elapsed,
    Duration Target,
    Duration Remaining,
    Instant? Due,
    bool Breached,
    Instant? BreachedAt,
    string CalendarId,
    string TargetText,
    ImmutableArray<FiredEscalation> Escalations);
