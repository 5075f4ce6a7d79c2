using System.Collections.Immutable;

namespace SlaEngine.Policies;

/// <summary>One step of a clock's escalation ladder: at a point, notify teams.</summary>
public sealed record EscalationStepDefinition
{
    internal EscalationStepDefinition(ClockDefinition clock, EscalationPoint at, ImmutableArray<Team> notify, int order)
    {
        Clock = clock;
        At = at;
        Notify = notify;
        Order = order;
    }

    /// <summary>The clock.</summary>
    public ClockDefinition Clock { get; }

    /// <summary>When the step fires.</summary>
    public EscalationPoint At { get; }

    /// <summary>Who is notified.</summary>
    public ImmutableArray<Team> Notify { get; }

    /// <summary>The step's position within its rule's escalations (for stable sorting).</summary>
    public int Order { get; }
}
