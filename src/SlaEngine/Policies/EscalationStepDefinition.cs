using System.Collections.Immutable;

namespace SlaEngine.Policies;

/// <summary>One step of a clock's escalation ladder: at a point, notify teams.</summary>
/// <param name="Clock">The clock.</param>
/// <param name="At">When the step fires.</param>
/// <param name="Notify">Who is notified.</param>
/// <param name="Order">The step's position within its rule's escalations (for stable sorting).</param>
public sealed record EscalationStepDefinition(ClockDefinition Clock, EscalationPoint At, ImmutableArray<Team> Notify, int Order);
