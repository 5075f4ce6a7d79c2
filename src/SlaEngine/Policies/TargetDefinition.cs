namespace SlaEngine.Policies;

/// <summary>A rule's target for one clock: how much time, on which calendar; or <c>none</c>, which waives it.</summary>
/// <param name="Clock">The clock the target is for.</param>
/// <param name="Within">The amount of open time or business days (zero, written <c>none</c>, when <see cref="Waived"/>).</param>
/// <param name="Calendar">The calendar it counts on.</param>
public sealed record TargetDefinition(ClockDefinition Clock, SlaAmount Within, TargetCalendar Calendar)
{
    /// <summary>
    /// Whether the target is written <c>none</c>: the rule decides the clock's target facet as "no target", so no lower
    /// rule's target applies and the decision has no deadline for the clock (an emergency overlay can waive a target).
    /// </summary>
    public bool Waived { get; internal init; }
}
