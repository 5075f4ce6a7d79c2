namespace SlaEngine.Analysis;

/// <summary>The part of a policy, outside its rules, that a <see cref="DefinitionChange"/> is about.</summary>
public enum DefinitionSection
{
    /// <summary>A calendar added or removed (changed dates are <see cref="CalendarDifference"/>s).</summary>
    Calendar = 0,

    /// <summary>An SLA clock: added, removed, or its <c>pauseWhen</c> / <c>stopWhen</c> changed.</summary>
    Clock = 1,

    /// <summary>A change freeze: added, removed, its window or its <c>unless</c> changed.</summary>
    Freeze = 2,

    /// <summary>A field of the event schema: added, removed, its type, values, default or requiredness changed.</summary>
    Field = 3,

    /// <summary>A team: added, removed, or its calendar changed.</summary>
    Team = 4,
}
