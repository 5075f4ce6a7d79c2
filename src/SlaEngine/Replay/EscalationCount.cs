namespace SlaEngine.Replay;

/// <summary>How many escalation steps of a clock notified a team over a replayed history.</summary>
public sealed class EscalationCount
{
    internal EscalationCount(string team, string clock, long count)
    {
        Team = team;
        Clock = clock;
        Count = count;
    }

    /// <summary>The team notified.</summary>
    public string Team { get; }

    /// <summary>The clock whose steps fired.</summary>
    public string Clock { get; }

    /// <summary>How many fired steps notified the team.</summary>
    public long Count { get; }
}
