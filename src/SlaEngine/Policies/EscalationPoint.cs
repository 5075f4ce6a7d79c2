using NodaTime;

namespace SlaEngine.Policies;

/// <summary>When an escalation step fires: a percentage of the target's open time, or the breach plus optional open time.</summary>
/// <param name="IsPercent">True for <c>N%</c>; false for <c>breach</c> / <c>breach+D</c>.</param>
/// <param name="Percent">The percentage for <c>N%</c> (above 0, at most 1000).</param>
/// <param name="AfterBreach">The open time after the breach for <c>breach+D</c>; zero for <c>breach</c>.</param>
/// <param name="Text">The point as written.</param>
public readonly record struct EscalationPoint(bool IsPercent, decimal Percent, Duration AfterBreach, string Text)
{
    /// <summary>Returns the point as written.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Text;
}
