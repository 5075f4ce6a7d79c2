using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Text;

namespace SlaEngine.Tracking;

/// <summary>
/// One ended cycle of a ticket's clock: when it started and ended, why it ended, the target it was judged against
/// and how much open time it ran. A cycle is <see cref="Met"/> when it ended by stop without breaching; a cancelled
/// cycle is neither met nor breached in reports, whatever <see cref="Breached"/> says.
/// </summary>
public sealed class ClockCycle
{
    internal ClockCycle(
        string clock,
        int number,
        Instant start,
        Instant end,
        CycleEnd endedBy,
        CycleFigures figures)
    {
        Figures = figures;
        Clock = clock;
        Number = number;
        Start = start;
        End = end;
        EndedBy = endedBy;
        Target = figures.Target;
        TargetText = figures.TargetText;
        CalendarId = figures.CalendarId;
        Owner = figures.Owner;
        Elapsed = figures.Elapsed;
        BreachedAt = figures.BreachedAt;
        Escalations = figures.Fired;
        ElapsedByOwner = figures.ByOwner;
    }

    /// <summary>The clock's name.</summary>
    public string Clock { get; }

    /// <summary>What the cycle measured, for the status of a clock whose last cycle ended.</summary>
    internal CycleFigures Figures { get; }

    /// <summary>The cycle's number: 1 for the first.</summary>
    public int Number { get; }

    /// <summary>The instant of the entry that started the cycle.</summary>
    public Instant Start { get; }

    /// <summary>The instant of the entry that ended the cycle.</summary>
    public Instant End { get; }

    /// <summary>Why the cycle ended.</summary>
    public CycleEnd EndedBy { get; }

    /// <summary>
    /// The target the cycle was judged against, as open time (a business-day target converted from the cycle's start);
    /// null when no decision in force gave the clock a target. With <c>retarget: retroactive</c> it is the target in
    /// force just before the entry that ended the cycle; with <c>strictest</c>, the smallest in force during it.
    /// </summary>
    public Duration? Target { get; }

    /// <summary>The target as written in the policy, or null.</summary>
    public string? TargetText { get; }

    /// <summary>The calendar the cycle counted on (the target's), or null without a target.</summary>
    public string? CalendarId { get; }

    /// <summary>The owner team in force just before the entry that ended the cycle, or null when there was none.</summary>
    public string? Owner { get; }

    /// <summary>Open time on the cycle's calendar while it ran.</summary>
    public Duration Elapsed { get; }

    /// <summary>Whether the cycle's elapsed time exceeded its target (a cycle ended exactly at its target met it).</summary>
    public bool Breached => Target is { } target && Elapsed > target;

    /// <summary>When the elapsed time reached the target, for a breached cycle; otherwise null.</summary>
    public Instant? BreachedAt { get; }

    /// <summary>Whether the cycle counts as met: ended by stop and not breached.</summary>
    public bool Met => EndedBy == CycleEnd.Stop && !Breached;

    /// <summary>The escalation steps that fired during the cycle, in time order.</summary>
    public ImmutableArray<FiredEscalation> Escalations { get; }

    /// <summary>The cycle's elapsed time split by the owner team in force while it ran (teams without running time left out), in order of first appearance.</summary>
    public ImmutableArray<OwnerElapsed> ElapsedByOwner { get; }

    /// <summary>The cycle in brief, the elapsed time in the policies' duration form (<c>8h</c>, <c>1h30m</c>).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Clock}#{Number} {Start}..{End} {EndedBy} {DurationText.Format(Elapsed)}";
}
