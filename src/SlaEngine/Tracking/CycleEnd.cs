namespace SlaEngine.Tracking;

/// <summary>How a clock's cycle ended.</summary>
public enum CycleEnd
{
    /// <summary><c>stopWhen</c> held: the cycle is met unless it breached.</summary>
    Stop = 0,

    /// <summary><c>cancelWhen</c> held: the cycle is neither met nor breached in reports.</summary>
    Cancel = 1,

    /// <summary><c>resetWhen</c> held: the cycle ended and a new one started at the same instant (when <c>startWhen</c> held).</summary>
    Reset = 2,
}
