using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Replay;

/// <summary>
/// SLA attainment over a replayed ticket history: for each policy (the one replayed and, with a comparison, the
/// other), per clock, how many cycles were met, breached, cancelled or are still running, broken down by owner team,
/// ISO week and the fields asked for; escalations per notified team; and the tickets the two policies judge
/// differently. Partial reports of shards merge into exactly the report of one run (<see cref="AttainmentMerge"/>).
/// </summary>
public sealed class AttainmentReport
{
    /// <summary>The format name written in the report's JSON.</summary>
    public const string FormatName = "slaengine/attainment-v1";

    /// <summary>How many differing cycles a comparison lists.</summary>
    public const int ListedDifferences = 50;

    internal AttainmentReport(Instant at, SimulationShard? shard, ImmutableArray<string> by, HistorySummary history, ImmutableArray<PolicyAttainment> policies, long differenceCount, ImmutableArray<OutcomeDifference> differences)
    {
        At = at;
        Shard = shard;
        By = by;
        History = history;
        Policies = policies;
        DifferenceCount = differenceCount;
        Differences = differences;
    }

    /// <summary>The instant the report is made at.</summary>
    public Instant At { get; }

    /// <summary>The shard this partial report covers, or null for the whole history.</summary>
    public SimulationShard? Shard { get; }

    /// <summary>The fields the figures are broken down by.</summary>
    public ImmutableArray<string> By { get; }

    /// <summary>What was read.</summary>
    public HistorySummary History { get; }

    /// <summary>The policy replayed, then the compared one when there is one.</summary>
    public ImmutableArray<PolicyAttainment> Policies { get; }

    /// <summary>Whether this is a comparison of two policies.</summary>
    public bool IsComparison => Policies.Length > 1;

    /// <summary>How many ticket cycles the two policies judge differently (owner or outcome); 0 without a comparison.</summary>
    public long DifferenceCount { get; }

    /// <summary>The first <see cref="ListedDifferences"/> of them, by ticket, clock and cycle (ordinal order).</summary>
    public ImmutableArray<OutcomeDifference> Differences { get; }
}
