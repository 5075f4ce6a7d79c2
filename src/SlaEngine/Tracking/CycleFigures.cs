using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;

namespace SlaEngine.Tracking;

/// <summary>What a cycle measured up to an instant: its target and calendar, elapsed time, breach, fired steps, time by owner, and its ladder for what is still to come.</summary>
internal sealed class CycleFigures
{
    public static readonly CycleFigures NotStarted = new(null, null, null, null, null, Duration.Zero, null, [], [], []);

    public CycleFigures(
        Duration? target,
        string? targetText,
        BusinessCalendar? calendar,
        string? calendarId,
        string? owner,
        Duration elapsed,
        Instant? breachedAt,
        ImmutableArray<FiredEscalation> fired,
        ImmutableArray<OwnerElapsed> byOwner,
        PlannedStep[] steps)
    {
        Target = target;
        TargetText = targetText;
        Calendar = calendar;
        CalendarId = calendarId;
        Owner = owner;
        Elapsed = elapsed;
        BreachedAt = breachedAt;
        Fired = fired;
        ByOwner = byOwner;
        Steps = steps;
    }

    public Duration? Target { get; }

    public string? TargetText { get; }

    public BusinessCalendar? Calendar { get; }

    public string? CalendarId { get; }

    public string? Owner { get; }

    public Duration Elapsed { get; }

    public Instant? BreachedAt { get; }

    public ImmutableArray<FiredEscalation> Fired { get; }

    public ImmutableArray<OwnerElapsed> ByOwner { get; }

    /// <summary>The ladder of the cycle, each step's point as open time into the cycle.</summary>
    public PlannedStep[] Steps { get; }
}
