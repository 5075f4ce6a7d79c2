namespace SlaEngine.Replay;

/// <summary>How one cycle of an SLA clock stands in a replay, at the instant the report is made.</summary>
public enum CycleOutcome
{
    /// <summary>Ended by <c>stopWhen</c> without passing its target.</summary>
    Met = 0,

    /// <summary>Elapsed passed the target, whether the cycle has ended (by stop or reset) or is still running.</summary>
    Breached = 1,

    /// <summary>Ended by <c>cancelWhen</c>: neither met nor breached, whatever its elapsed time.</summary>
    Cancelled = 2,

    /// <summary>Ended by <c>resetWhen</c> within its target: neither met nor breached.</summary>
    Reset = 3,

    /// <summary>Still running or paused, within its target.</summary>
    Running = 4,

    /// <summary>The clock has a target but no cycle has started (its <c>startWhen</c> has not held).</summary>
    NotStarted = 5,
}
