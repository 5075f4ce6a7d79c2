using NodaTime;

namespace SlaEngine.Replay;

/// <summary>One cycle of one clock of one replayed ticket under one policy: a row of the per-cycle CSV.</summary>
public sealed class CycleRecord
{
    internal CycleRecord(string policyId, string ticket, string clock, int cycle, string? owner, Instant start, Instant? end, Duration target, Duration elapsed, CycleOutcome outcome)
    {
        PolicyId = policyId;
        Ticket = ticket;
        Clock = clock;
        Cycle = cycle;
        Owner = owner;
        Start = start;
        End = end;
        Target = target;
        Elapsed = elapsed;
        Outcome = outcome;
    }

    /// <summary>The policy that judged the cycle.</summary>
    public string PolicyId { get; }

    /// <summary>The ticket.</summary>
    public string Ticket { get; }

    /// <summary>The clock.</summary>
    public string Clock { get; }

    /// <summary>The cycle's number, from 1.</summary>
    public int Cycle { get; }

    /// <summary>The owner team in force when the cycle ended (or at the report's instant), null for none.</summary>
    public string? Owner { get; }

    /// <summary>When the cycle started.</summary>
    public Instant Start { get; }

    /// <summary>When it ended, or null while it runs.</summary>
    public Instant? End { get; }

    /// <summary>The target as open time.</summary>
    public Duration Target { get; }

    /// <summary>Open time counted while the cycle ran.</summary>
    public Duration Elapsed { get; }

    /// <summary>How the cycle stands.</summary>
    public CycleOutcome Outcome { get; }
}
