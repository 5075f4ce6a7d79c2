namespace SlaEngine.Policies;

/// <summary>A rule's target for one clock: how much time, on which calendar.</summary>
/// <param name="Clock">The clock the target is for.</param>
/// <param name="Within">The amount of open time or business days.</param>
/// <param name="Calendar">The calendar it counts on.</param>
public sealed record TargetDefinition(ClockDefinition Clock, SlaAmount Within, TargetCalendar Calendar);
