using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Samples.SlaService.Storage;

/// <summary>An escalation step recorded for delivery: recorded once per ticket and step key, delivered once.</summary>
/// <param name="Id">The row's id.</param>
/// <param name="Ticket">The ticket.</param>
/// <param name="Key">The step's stable key, <c>clock/cycle/index</c>.</param>
/// <param name="Clock">The clock.</param>
/// <param name="Cycle">The clock's cycle (from 1).</param>
/// <param name="Point">The step's point: <c>N%</c>, <c>breach</c> or <c>breach+D</c>.</param>
/// <param name="Due">When the step fell due.</param>
/// <param name="Notify">The teams to notify.</param>
/// <param name="Attempts">How many deliveries were tried and failed.</param>
public sealed record EscalationDelivery(long Id, string Ticket, string Key, string Clock, int Cycle, string Point, Instant Due, ImmutableArray<string> Notify, int Attempts);
