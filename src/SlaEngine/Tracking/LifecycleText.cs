namespace SlaEngine.Tracking;

/// <summary>The words clock states and cycle ends are written with in JSON, test files and reports.</summary>
internal static class LifecycleText
{
    /// <summary>The name of a cycle's owner in JSON when no rule gave the ticket an owner.</summary>
    public const string NoOwner = "none";

    public static string State(ClockState state) => state switch
    {
        ClockState.Paused => "paused",
        ClockState.Stopped => "stopped",
        ClockState.Cancelled => "cancelled",
        ClockState.NotStarted => "not-started",
        _ => "running",
    };

    public static string End(CycleEnd end) => end switch
    {
        CycleEnd.Cancel => "cancel",
        CycleEnd.Reset => "reset",
        _ => "stop",
    };
}
