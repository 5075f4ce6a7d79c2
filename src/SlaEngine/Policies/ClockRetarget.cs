namespace SlaEngine.Policies;

/// <summary>Which target a clock's running cycle is judged against when the decision changes while it runs.</summary>
public enum ClockRetarget
{
    /// <summary>
    /// The target of the decision in force at the instant asked, counted from the cycle's start (a raise from P3 to P1
    /// applies from the start; a lowering loosens it again). An ended cycle keeps the target in force just before the
    /// entry that ended it.
    /// </summary>
    Retroactive = 0,

    /// <summary>
    /// The smallest target (as open time) among the decisions in force at the cycle's start and after each later
    /// entry of the cycle: a raise applies from the start, and a later lowering does not loosen it.
    /// </summary>
    Strictest = 1,
}
