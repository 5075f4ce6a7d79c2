using System.Collections.Immutable;

namespace SlaEngine.Evaluation;

/// <summary>
/// Why a decision came out as it did: for each facet the id of the rule that decided it, and every rule that
/// matched, in order. Facet names: <c>owner</c>, <c>approvers</c>, <c>consulted</c>, <c>informed</c>, <c>notice</c>,
/// <c>targets.&lt;clock&gt;</c>, <c>escalations.&lt;clock&gt;</c>.
/// </summary>
public sealed record DecisionTrace
{
    internal DecisionTrace(ImmutableArray<FacetDecision> decidedBy, ImmutableArray<string> matched)
    {
        DecidedBy = decidedBy;
        Matched = matched;
    }

    /// <summary>Facet → rule id, in a fixed facet order.</summary>
    public ImmutableArray<FacetDecision> DecidedBy { get; }

    /// <summary>The ids of the rules that matched, in policy order (up to and including a final rule).</summary>
    public ImmutableArray<string> Matched { get; }

    /// <summary>The rule that decided a facet, or null when no rule did.</summary>
    /// <param name="facet">The facet name.</param>
    /// <returns>The rule id, or null.</returns>
    public string? RuleFor(string facet)
    {
        foreach (var f in DecidedBy)
        {
            if (f.Facet == facet)
            {
                return f.RuleId;
            }
        }

        return null;
    }
}

/// <summary>One facet of a decision and the rule that decided it.</summary>
public sealed record FacetDecision
{
    internal FacetDecision(string facet, string ruleId)
    {
        Facet = facet;
        RuleId = ruleId;
    }

    /// <summary>The facet name.</summary>
    public string Facet { get; }

    /// <summary>The rule id.</summary>
    public string RuleId { get; }
}
