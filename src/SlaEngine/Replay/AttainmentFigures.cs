namespace SlaEngine.Replay;

/// <summary>
/// The figures of a set of clock cycles: how many were met, breached, cancelled, reset, are still running within
/// target or have not started; the attainment; and the elapsed ÷ target distribution of the ended ones.
/// </summary>
public sealed class AttainmentFigures
{
    internal AttainmentFigures(long met, long breached, long cancelled, long reset, long running, long notStarted, RatioDistribution ratio)
    {
        Met = met;
        Breached = breached;
        Cancelled = cancelled;
        Reset = reset;
        Running = running;
        NotStarted = notStarted;
        Ratio = ratio;
    }

    /// <summary>Cycles ended by stop within their target.</summary>
    public long Met { get; }

    /// <summary>Cycles whose elapsed passed their target, ended or still running.</summary>
    public long Breached { get; }

    /// <summary>Cycles ended by cancellation (neither met nor breached).</summary>
    public long Cancelled { get; }

    /// <summary>Cycles ended by a reset within their target (neither met nor breached).</summary>
    public long Reset { get; }

    /// <summary>Cycles still running (or paused) within their target.</summary>
    public long Running { get; }

    /// <summary>Clocks with a target whose first cycle has not started.</summary>
    public long NotStarted { get; }

    /// <summary>Every cycle counted.</summary>
    public long Total => Met + Breached + Cancelled + Reset + Running + NotStarted;

    /// <summary>Met ÷ (met + breached), or null when neither happened.</summary>
    public double? Attainment => Met + Breached == 0 ? null : Met / (double)(Met + Breached);

    /// <summary>Elapsed ÷ target of the ended cycles (cancelled ones left out).</summary>
    public RatioDistribution Ratio { get; }

    /// <summary>The count of one outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>How many cycles have it.</returns>
    public long CountOf(CycleOutcome outcome) => outcome switch
    {
        CycleOutcome.Met => Met,
        CycleOutcome.Breached => Breached,
        CycleOutcome.Cancelled => Cancelled,
        CycleOutcome.Reset => Reset,
        CycleOutcome.Running => Running,
        _ => NotStarted,
    };
}
