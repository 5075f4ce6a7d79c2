using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Tracking;

/// <summary>An escalation step that has fired on a ticket, with the instant the clock's elapsed time passed it.</summary>
/// <param name="Point">The point as written (<c>75%</c>, <c>breach</c>, <c>breach+4h</c>).</param>
/// <param name="At">When the step fired.</param>
/// <param name="Notify">The ids of the teams notified.</param>
public sealed record FiredEscalation(string Point, Instant At, ImmutableArray<string> Notify);
