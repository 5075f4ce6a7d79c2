namespace SlaEngine.Replay;

/// <summary>How far a replay has got: for a progress line on a terminal.</summary>
public readonly record struct SimulationProgress
{
    internal SimulationProgress(long rows, long tickets, long openTickets)
    {
        Rows = rows;
        Tickets = tickets;
        OpenTickets = openTickets;
    }

    /// <summary>Rows read so far.</summary>
    public long Rows { get; }

    /// <summary>Tickets whose figures are done.</summary>
    public long Tickets { get; }

    /// <summary>Tickets read but not yet done (held in memory).</summary>
    public long OpenTickets { get; }
}
