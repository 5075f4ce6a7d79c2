namespace SlaEngine.Replay;

/// <summary>The outcome of a replay: the report, or the bad row that stopped it.</summary>
public sealed class SimulationResult
{
    internal SimulationResult(AttainmentReport? report, HistoryError? error)
    {
        Report = report;
        Error = error;
    }

    /// <summary>The report, when the history was replayed.</summary>
    public AttainmentReport? Report { get; }

    /// <summary>The row that stopped the replay (without <see cref="SimulationOptions.SkipBad"/>), or a history that cannot be read at all.</summary>
    public HistoryError? Error { get; }

    /// <summary>Whether there is a report.</summary>
    public bool Success => Report is not null;
}
