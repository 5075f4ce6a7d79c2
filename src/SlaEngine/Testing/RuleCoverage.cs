using System.Collections.Immutable;

namespace SlaEngine.Testing;

/// <summary>How well the cases exercised one rule: whether any case matched it, and which of its facets never decided anything.</summary>
public sealed record RuleCoverage
{
    internal RuleCoverage(string ruleId, bool matched, ImmutableArray<string> facets, ImmutableArray<string> undecidedFacets)
    {
        RuleId = ruleId;
        Matched = matched;
        Facets = facets;
        UndecidedFacets = undecidedFacets;
    }

    /// <summary>The rule's id.</summary>
    public string RuleId { get; }

    /// <summary>Whether at least one case's event matched the rule.</summary>
    public bool Matched { get; }

    /// <summary>The facets the rule sets (<c>owner</c>, <c>approvers</c>, <c>consulted</c>, <c>informed</c>, <c>notice</c>, <c>targets.&lt;clock&gt;</c>, <c>escalations.&lt;clock&gt;</c>).</summary>
    public ImmutableArray<string> Facets { get; }

    /// <summary>The facets the rule sets that decided no case (a rule above decided them, or the rule never matched).</summary>
    public ImmutableArray<string> UndecidedFacets { get; }
}
