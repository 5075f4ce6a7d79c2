using SlaEngine.Expressions;

namespace SlaEngine.Policies;

/// <summary>
/// An SLA clock of the policy (such as <c>acknowledge</c> or <c>resolve</c>) and its lifecycle over a ticket's life:
/// when a cycle starts, pauses, stops, is cancelled or is reset, whether it starts again after it stops, and which
/// target a running cycle is judged against.
/// </summary>
/// <remarks>
/// A clock that declares only <see cref="PauseWhen"/> and <see cref="StopWhen"/> starts at submission, runs once and
/// stops for good. The other keys make its life a sequence of cycles; the rules are in <c>docs/clock-lifecycles.md</c>.
/// </remarks>
public sealed class ClockDefinition
{
    internal ClockDefinition(
        string name,
        int index,
        string? description,
        Condition? pauseWhen,
        Condition? stopWhen,
        Condition? startWhen = null,
        Condition? cancelWhen = null,
        Condition? resetWhen = null,
        bool repeat = false,
        ClockRetarget retarget = ClockRetarget.Retroactive)
    {
        Name = name;
        Index = index;
        Description = description;
        PauseWhen = pauseWhen;
        StopWhen = stopWhen;
        StartWhen = startWhen;
        CancelWhen = cancelWhen;
        ResetWhen = resetWhen;
        Repeat = repeat;
        Retarget = retarget;
    }

    /// <summary>The clock's name.</summary>
    public string Name { get; }

    /// <summary>The clock's position in the policy's <c>clocks:</c> (declaration order).</summary>
    public int Index { get; }

    /// <summary>The clock's description, or null.</summary>
    public string? Description { get; }

    /// <summary>While this holds on the ticket's current fields the active cycle is paused; null: never paused.</summary>
    public Condition? PauseWhen { get; }

    /// <summary>At an entry where this holds the active cycle ends, stopped (met unless breached); null: never stops.</summary>
    public Condition? StopWhen { get; }

    /// <summary>A cycle starts only at an entry where this holds; null: at submission (always).</summary>
    public Condition? StartWhen { get; }

    /// <summary>At an entry where this holds the active cycle ends cancelled: neither met nor breached; null: never.</summary>
    public Condition? CancelWhen { get; }

    /// <summary>At an entry where this holds the active cycle ends and a new one starts at once (when <see cref="StartWhen"/> holds); null: never.</summary>
    public Condition? ResetWhen { get; }

    /// <summary>Whether a new cycle starts after a stopped or cancelled one, at the first entry where neither <see cref="StopWhen"/> nor <see cref="CancelWhen"/> holds (a reopened ticket).</summary>
    public bool Repeat { get; }

    /// <summary>Which target a running cycle is judged against when the decision changes.</summary>
    public ClockRetarget Retarget { get; }

    /// <summary>Whether the clock declares any lifecycle key beyond <c>pauseWhen</c> and <c>stopWhen</c>.</summary>
    internal bool HasLifecycle => StartWhen is not null || CancelWhen is not null || ResetWhen is not null || Repeat || Retarget != ClockRetarget.Retroactive;

    /// <summary>Returns the clock's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
