using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>An escalation step of a decision, with the instant it falls due.</summary>
/// <param name="Clock">The clock the step belongs to.</param>
/// <param name="At">When the step fires.</param>
/// <param name="Point">The point as written (<c>75%</c>, <c>breach</c>, <c>breach+4h</c>).</param>
/// <param name="Notify">The ids of the teams notified.</param>
public sealed record ScheduledEscalation(string Clock, Instant At, string Point, ImmutableArray<string> Notify);
