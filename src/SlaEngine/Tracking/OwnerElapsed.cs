using NodaTime;
using SlaEngine.Text;

namespace SlaEngine.Tracking;

/// <summary>The running time of a clock's cycle while one owner team was in force (for operational level agreements).</summary>
public sealed class OwnerElapsed
{
    internal OwnerElapsed(string? owner, Duration elapsed)
    {
        Owner = owner;
        Elapsed = elapsed;
    }

    /// <summary>The owner team's id, or null while no rule gave the ticket an owner (<c>none</c> in JSON).</summary>
    public string? Owner { get; }

    /// <summary>Open time on the cycle's calendar while the cycle ran under this owner.</summary>
    public Duration Elapsed { get; }

    /// <summary>The owner and the time in the policies' duration form: <c>cc-ops: 1h30m</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Owner ?? "none"}: {DurationText.Format(Elapsed)}";
}
