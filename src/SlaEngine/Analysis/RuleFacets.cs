using System.Collections.Generic;
using System.Linq;
using SlaEngine.Policies;

namespace SlaEngine.Analysis;

/// <summary>
/// The facets of a decision a rule sets, by name: <c>owner</c>, <c>approvers</c>, <c>consulted</c>, <c>informed</c>,
/// <c>notice</c>, then <c>targets.CLOCK</c> for each target and <c>escalations.CLOCK</c> for each clock with an
/// escalation ladder. A walk takes each facet from the first matching rule that sets it: the linter proves a rule
/// shadowed when every facet it sets is decided above it, and the diff compares decisions facet by facet.
/// </summary>
internal static class RuleFacets
{
    /// <summary>The facets <paramref name="rule"/> sets, each once, in the order above.</summary>
    public static IEnumerable<string> Of(Rule rule)
    {
        if (rule.Owner is not null)
        {
            yield return "owner";
        }

        if (rule.Approvers is not null)
        {
            yield return "approvers";
        }

        if (rule.Consulted is not null)
        {
            yield return "consulted";
        }

        if (rule.Informed is not null)
        {
            yield return "informed";
        }

        if (rule.Notice is not null)
        {
            yield return "notice";
        }

        foreach (var t in rule.Targets)
        {
            yield return "targets." + t.Clock.Name;
        }

        foreach (var clock in rule.Escalations.Select(e => e.Clock.Name).Distinct())
        {
            yield return "escalations." + clock;
        }
    }
}
