namespace SlaEngine.Policies;

/// <summary>A rule's target for one clock: how much time, on which calendar; or <c>none</c>, which waives it.</summary>
public sealed record TargetDefinition
{
    internal TargetDefinition(ClockDefinition clock, SlaAmount within, TargetCalendar calendar)
    {
        Clock = clock;
        Within = within;
        Calendar = calendar;
    }

    /// <summary>The clock the target is for.</summary>
    public ClockDefinition Clock { get; }

    /// <summary>The amount of open time or business days (zero, written <c>none</c>, when <see cref="Waived"/>).</summary>
    public SlaAmount Within { get; }

    /// <summary>The calendar it counts on.</summary>
    public TargetCalendar Calendar { get; }

    /// <summary>
    /// Whether the target is written <c>none</c>: the rule decides the clock's target facet as "no target", so no lower
    /// rule's target applies and the decision has no deadline for the clock (an emergency overlay can waive a target).
    /// </summary>
    public bool Waived { get; internal init; }
}
