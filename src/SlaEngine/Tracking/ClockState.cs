namespace SlaEngine.Tracking;

/// <summary>Where an SLA clock stands on a ticket: the state of its current cycle, or of the last one that ended.</summary>
public enum ClockState
{
    /// <summary>The current cycle is counting open time.</summary>
    Running = 0,

    /// <summary>The current cycle is not counting, because <c>pauseWhen</c> holds on the ticket's current fields.</summary>
    Paused = 1,

    /// <summary>The last cycle ended because <c>stopWhen</c> held (met, unless it breached first).</summary>
    Stopped = 2,

    /// <summary>No cycle is running: <c>startWhen</c> has not held yet, or a reset started no new cycle.</summary>
    NotStarted = 3,

    /// <summary>The last cycle ended because <c>cancelWhen</c> held: neither met nor breached in reports.</summary>
    Cancelled = 4,
}
