using System.Collections.Immutable;

namespace SlaEngine.Testing;

/// <summary>How well the cases exercised one rule: whether any case matched it, and which of its facets never decided anything.</summary>
/// <param name="RuleId">The rule's id.</param>
/// <param name="Matched">Whether at least one case's event matched the rule.</param>
/// <param name="Facets">The facets the rule sets (<c>owner</c>, <c>approvers</c>, <c>consulted</c>, <c>informed</c>, <c>notice</c>, <c>targets.&lt;clock&gt;</c>, <c>escalations.&lt;clock&gt;</c>).</param>
/// <param name="UndecidedFacets">The facets the rule sets that decided no case (a rule above decided them, or the rule never matched).</param>
public sealed record RuleCoverage(string RuleId, bool Matched, ImmutableArray<string> Facets, ImmutableArray<string> UndecidedFacets);
