using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Text;

namespace SlaEngine.Tracking;

/// <summary>
/// Where one SLA clock of a ticket stands at an instant: the state, figures and fired escalations of its current
/// cycle (or of the last one that ended, when it stopped or was cancelled), and the cycles that ended before.
/// </summary>
public sealed class ClockStatus
{
    internal ClockStatus(string clock, ClockState state, int cycle, Instant? cycleStart, CycleFigures figures, Instant? due, ImmutableArray<ClockCycle> cycles)
    {
        CycleStart = cycleStart;
        Clock = clock;
        State = state;
        Cycle = cycle;
        Elapsed = figures.Elapsed;
        Target = figures.Target;
        Remaining = figures.Target is { } target ? (target > figures.Elapsed ? target - figures.Elapsed : Duration.Zero) : null;
        Due = due;
        BreachedAt = figures.BreachedAt;
        CalendarId = figures.CalendarId;
        TargetText = figures.TargetText;
        Escalations = figures.Fired;
        ElapsedByOwner = figures.ByOwner;
        Cycles = cycles;
    }

    /// <summary>The clock's name.</summary>
    public string Clock { get; }

    /// <summary>Running, paused, stopped, cancelled or not started.</summary>
    public ClockState State { get; }

    /// <summary>The current cycle's number (1 for the first); while no cycle is active, the last ended one's; 0 before any started.</summary>
    public int Cycle { get; }

    /// <summary>When the current cycle started, while it is running or paused; null otherwise (an ended cycle's start is in <see cref="Cycles"/>).</summary>
    public Instant? CycleStart { get; }

    /// <summary>Open time on the target's calendar while the current cycle ran, up to the instant asked (0 when not started).</summary>
    public Duration Elapsed { get; }

    /// <summary>The current cycle's target as open time (a business-day target converted from the cycle's start); null when not started or without a target.</summary>
    public Duration? Target { get; }

    /// <summary>Target − elapsed, never below zero; null when there is no target.</summary>
    public Duration? Remaining { get; }

    /// <summary>While running: when elapsed reaches the target if the cycle keeps running (the instant it did, once breached); null otherwise.</summary>
    public Instant? Due { get; }

    /// <summary>Whether elapsed exceeds the target (a cycle stopped exactly at its target has met it).</summary>
    public bool Breached => Target is { } target && Elapsed > target;

    /// <summary>When elapsed passed the target, or null.</summary>
    public Instant? BreachedAt { get; }

    /// <summary>The calendar the current cycle counts on, or null without a target.</summary>
    public string? CalendarId { get; }

    /// <summary>The target as written in the policy, or null.</summary>
    public string? TargetText { get; }

    /// <summary>The escalation steps of the current cycle fired by the instant asked, in time order.</summary>
    public ImmutableArray<FiredEscalation> Escalations { get; }

    /// <summary>The current cycle's elapsed time split by the owner team in force while it ran, in order of first appearance.</summary>
    public ImmutableArray<OwnerElapsed> ElapsedByOwner { get; }

    /// <summary>The cycles that ended by the instant asked, in order (the current stopped or cancelled one included).</summary>
    public ImmutableArray<ClockCycle> Cycles { get; }

    /// <summary>The clock in brief, amounts in the policies' duration form: <c>resolve: Running cycle 1, 1h30m of 8h</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"{Clock}: {State} cycle {Cycle}, {DurationText.Format(Elapsed)} of {(Target is { } target ? DurationText.Format(target) : "no target")}";
}
