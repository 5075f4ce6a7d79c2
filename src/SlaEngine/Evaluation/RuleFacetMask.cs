using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>
/// What a rule can decide, as bits: a walk that has already decided every facet a matching rule sets needs nothing
/// more of that rule than its place in the trace.
/// </summary>
internal static class RuleFacetMask
{
    /// <summary>The rule sets an owner.</summary>
    public const int Owner = 1;

    /// <summary>The rule sets approvers.</summary>
    public const int Approvers = 2;

    /// <summary>The rule sets consulted teams.</summary>
    public const int Consulted = 4;

    /// <summary>The rule sets informed teams.</summary>
    public const int Informed = 8;

    /// <summary>The rule sets or waives the notice.</summary>
    public const int Notice = 16;

    /// <summary>The rule sets a target or an escalation on some clock (decided per clock, so always looked at).</summary>
    public const int Clocks = 32;

    /// <summary>The rule ends the walk (<c>final: true</c>).</summary>
    public const int Final = 64;

    /// <summary>The facets decided once for the whole decision, each by the first matching rule that sets it.</summary>
    public const int Single = Owner | Approvers | Consulted | Informed | Notice;

    /// <summary>The bits of a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>Its mask.</returns>
    public static int Of(Rule rule) =>
        (rule.Owner is not null ? Owner : 0)
        | (rule.Approvers is not null ? Approvers : 0)
        | (rule.Consulted is not null ? Consulted : 0)
        | (rule.Informed is not null ? Informed : 0)
        | (rule.DecidesNotice ? Notice : 0)
        | (rule.Targets.IsDefaultOrEmpty && rule.Escalations.IsDefaultOrEmpty ? 0 : Clocks)
        | (rule.Final ? Final : 0);
}
