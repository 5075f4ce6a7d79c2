namespace SlaEngine.Tracking;

/// <summary>Where an SLA clock stands on a ticket.</summary>
public enum ClockState
{
    /// <summary>Counting open time.</summary>
    Running = 0,

    /// <summary>Not counting, because <c>pauseWhen</c> holds on the ticket's current fields.</summary>
    Paused = 1,

    /// <summary>Stopped for good: <c>stopWhen</c> held at some entry.</summary>
    Stopped = 2,
}
