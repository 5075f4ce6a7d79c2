namespace SlaEngine.Policies;

/// <summary>A rule's target for one clock: how much time, on which calendar.</summary>
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

    /// <summary>The amount of open time or business days.</summary>
    public SlaAmount Within { get; }

    /// <summary>The calendar it counts on.</summary>
    public TargetCalendar Calendar { get; }
}
