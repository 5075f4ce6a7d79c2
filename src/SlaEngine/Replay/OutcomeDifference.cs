namespace SlaEngine.Replay;

/// <summary>A cycle of a ticket that two policies judge differently: another owner, or another outcome.</summary>
public sealed class OutcomeDifference
{
    internal OutcomeDifference(string ticket, string clock, int cycle, string? owner, CycleOutcome? outcome, string? otherOwner, CycleOutcome? otherOutcome)
    {
        Ticket = ticket;
        Clock = clock;
        Cycle = cycle;
        Owner = owner;
        Outcome = outcome;
        OtherOwner = otherOwner;
        OtherOutcome = otherOutcome;
    }

    /// <summary>The ticket.</summary>
    public string Ticket { get; }

    /// <summary>The clock.</summary>
    public string Clock { get; }

    /// <summary>The cycle's number.</summary>
    public int Cycle { get; }

    /// <summary>The owner under the first policy (null: none).</summary>
    public string? Owner { get; }

    /// <summary>The outcome under the first policy, or null when it has no such cycle (no target).</summary>
    public CycleOutcome? Outcome { get; }

    /// <summary>The owner under the compared policy (null: none).</summary>
    public string? OtherOwner { get; }

    /// <summary>The outcome under the compared policy, or null when it has no such cycle.</summary>
    public CycleOutcome? OtherOutcome { get; }
}
