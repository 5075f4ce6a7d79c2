using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Evaluation;

namespace SlaEngine.Tracking;

/// <summary>Where every SLA clock of a ticket stands at an instant, with the decision in force then.</summary>
/// <param name="At">The instant asked about.</param>
/// <param name="Decision">The decision on the ticket's fields as of the last entry at or before <see cref="At"/> (targets count from submission).</param>
/// <param name="Clocks">The status of each clock that has a target, in clock order.</param>
public sealed record TicketStatus(Instant At, Decision Decision, ImmutableArray<ClockStatus> Clocks)
{
    /// <summary>The status of a clock, or null when it has no target.</summary>
    /// <param name="clock">The clock's name.</param>
    /// <returns>The status, or null.</returns>
    public ClockStatus? ClockFor(string clock)
    {
        foreach (var c in Clocks)
        {
            if (c.Clock == clock)
            {
                return c;
            }
        }

        return null;
    }
}
