using SlaEngine.Expressions;

namespace SlaEngine.Policies;

/// <summary>An SLA clock of the policy (such as <c>acknowledge</c> or <c>resolve</c>) and when it pauses and stops over a ticket's life.</summary>
public sealed class ClockDefinition
{
    internal ClockDefinition(string name, int index, string? description, Condition? pauseWhen, Condition? stopWhen)
    {
        Name = name;
        Index = index;
        Description = description;
        PauseWhen = pauseWhen;
        StopWhen = stopWhen;
    }

    /// <summary>The clock's name.</summary>
    public string Name { get; }

    /// <summary>The clock's position in the policy's <c>clocks:</c> (declaration order).</summary>
    public int Index { get; }

    /// <summary>The clock's description, or null.</summary>
    public string? Description { get; }

    /// <summary>While this holds on the ticket's current fields the clock is paused; null: never paused.</summary>
    public Condition? PauseWhen { get; }

    /// <summary>At the first entry where this holds the clock stops for good; null: never stops.</summary>
    public Condition? StopWhen { get; }

    /// <summary>Returns the clock's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
