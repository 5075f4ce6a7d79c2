using System;
using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Replay;

/// <summary>What a replay reports on, and how: see <see cref="HistoryReplay.Simulate"/>.</summary>
public sealed class SimulationOptions
{
    /// <summary>A second policy to replay the same history under, side by side; null for none.</summary>
    public Policy? Compare { get; init; }

    /// <summary>The instant the report is made at; rows after it are left out. Null: the history's last instant.</summary>
    public Instant? At { get; init; }

    /// <summary>Enum, bool or team fields to break every figure down by.</summary>
    public ImmutableArray<string> By { get; init; } = [];

    /// <summary>Skip and count bad rows instead of stopping at the first.</summary>
    public bool SkipBad { get; init; }

    /// <summary>Replay only this shard's tickets (a partial result for <see cref="AttainmentMerge"/>); null for all.</summary>
    public SimulationShard? Shard { get; init; }

    /// <summary>Called once per cycle of every replayed ticket under each policy (for a per-cycle CSV); null for none.</summary>
    public Action<CycleRecord>? OnCycle { get; init; }

    /// <summary>Called every few thousand rows and at the end; null for none.</summary>
    public Action<SimulationProgress>? OnProgress { get; init; }

    /// <summary>
    /// How many threads replay tickets, besides the one reading the history (each ticket is replayed by one of them,
    /// chosen by its hash, so the report does not depend on this). Null: one per processor. With
    /// <see cref="OnCycle"/>, always one, so that the cycles come in the same order every time.
    /// </summary>
    public int? Threads { get; init; }

    /// <summary>The history's name in error messages (a file name); null for <c>&lt;history&gt;</c>.</summary>
    public string? SourceName { get; init; }
}
