using System.Collections.Immutable;

namespace SlaEngine.Evaluation;

/// <summary>
/// Why a decision came out as it did: for each facet the id of the rule that decided it, and every rule that
/// matched, in order. Facet names: <c>owner</c>, <c>approvers</c>, <c>consulted</c>, <c>informed</c>, <c>notice</c>,
/// <c>targets.&lt;clock&gt;</c>, <c>escalations.&lt;clock&gt;</c>.
/// </summary>
/// <param name="DecidedBy">Facet → rule id, in a fixed facet order.</param>
/// <param name="Matched">The ids of the rules that matched, in policy order (up to and including a final rule).</param>
public sealed record DecisionTrace(ImmutableArray<FacetDecision> DecidedBy, ImmutableArray<string> Matched)
{
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
/// <param name="Facet">The facet name.</param>
/// <param name="RuleId">The rule id.</param>
public sealed record FacetDecision(string Facet, string RuleId);
