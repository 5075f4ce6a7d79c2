using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Evaluation;

namespace SlaEngine.Tracking;

/// <summary>
/// Where every SLA clock of a ticket stands at an instant, with the decision in force then, and what a scheduler
/// needs: when next to look (<see cref="NextChangeAt"/>) and the escalation steps still to come (<see cref="Pending"/>).
/// </summary>
public sealed class TicketStatus
{
    internal TicketStatus(Instant at, Decision decision, ImmutableArray<ClockStatus> clocks, Instant? nextChangeAt, ImmutableArray<PendingEscalation> pending)
    {
        At = at;
        Decision = decision;
        Clocks = clocks;
        NextChangeAt = nextChangeAt;
        Pending = pending;
    }

    /// <summary>The instant asked about.</summary>
    public Instant At { get; }

    /// <summary>The decision on the ticket's fields as of the last entry at or before <see cref="At"/> (its deadlines count from submission).</summary>
    public Decision Decision { get; }

    /// <summary>The status of each clock that has a target or has run a cycle, in clock order.</summary>
    public ImmutableArray<ClockStatus> Clocks { get; }

    /// <summary>
    /// The earliest instant after <see cref="At"/> at which, with no new entry, a running clock reaches its target or
    /// an escalation step's point; null when none will (paused, ended and not-started clocks have none).
    /// </summary>
    public Instant? NextChangeAt { get; }

    /// <summary>The escalation steps of running clocks not fired yet, by due instant (then clock, then ladder order).</summary>
    public ImmutableArray<PendingEscalation> Pending { get; }

    /// <summary>The status of a clock, or null when it is not listed.</summary>
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
