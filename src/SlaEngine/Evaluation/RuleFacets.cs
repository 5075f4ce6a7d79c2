using System.Collections.Generic;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>
/// The trace entries a rule can contribute to a decision ("owner decided by rule X", "targets.resolve decided by
/// rule X"), built once per rule, when first needed: a <see cref="FacetDecision"/> is immutable, so every decision that a rule decides the
/// same facet of shares one instance instead of allocating it (and the facet's name) per event.
/// </summary>
internal sealed class RuleFacets
{
    private RuleFacets(Rule rule, System.Collections.Concurrent.ConcurrentDictionary<string, string> names)
    {
        Owner = rule.Owner is null ? null : new FacetDecision("owner", rule.Id);
        Approvers = rule.Approvers is null ? null : new FacetDecision("approvers", rule.Id);
        Consulted = rule.Consulted is null ? null : new FacetDecision("consulted", rule.Id);
        Informed = rule.Informed is null ? null : new FacetDecision("informed", rule.Id);
        Notice = rule.DecidesNotice ? new FacetDecision("notice", rule.Id) : null;
        var clocks = 0;
        foreach (var target in rule.Targets)
        {
            clocks = int.Max(clocks, target.Clock.Index + 1);
        }

        foreach (var step in rule.Escalations)
        {
            clocks = int.Max(clocks, step.Clock.Index + 1);
        }

        Targets = new FacetDecision?[clocks];
        Escalations = new FacetDecision?[clocks];
        foreach (var target in rule.Targets)
        {
            Targets[target.Clock.Index] ??= new FacetDecision(Name(names, "targets.", target.Clock.Name), rule.Id);
        }

        foreach (var step in rule.Escalations)
        {
            Escalations[step.Clock.Index] ??= new FacetDecision(Name(names, "escalations.", step.Clock.Name), rule.Id);
        }
    }

    public FacetDecision? Owner { get; }

    public FacetDecision? Approvers { get; }

    public FacetDecision? Consulted { get; }

    public FacetDecision? Informed { get; }

    public FacetDecision? Notice { get; }

    /// <summary>By clock index: the entry for <c>targets.{clock}</c>, or null where the rule sets no target on that clock.</summary>
    public FacetDecision?[] Targets { get; }

    /// <summary>By clock index: the entry for <c>escalations.{clock}</c>, or null where the rule has no step on that clock.</summary>
    public FacetDecision?[] Escalations { get; }

    /// <summary>
    /// The entries of every rule, by <see cref="Rule.Index"/>, each built the first time a decision needs it: most
    /// rules of a large policy never decide a facet of any decision.
    /// </summary>
    internal sealed class Table
    {
        private readonly Rule[] _rules;
        private readonly RuleFacets?[] _facets;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _names = new(System.StringComparer.Ordinal);

        /// <summary>Creates the table of these rules.</summary>
        /// <param name="rules">The rules.</param>
        public Table(IReadOnlyList<Rule> rules)
        {
            var max = -1;
            foreach (var rule in rules)
            {
                max = int.Max(max, rule.Index);
            }

            _rules = new Rule[max + 1];
            foreach (var rule in rules)
            {
                _rules[rule.Index] = rule;
            }

            _facets = new RuleFacets?[_rules.Length];
        }

        /// <summary>The entries of the rule at this index.</summary>
        /// <param name="index">The rule's <see cref="Rule.Index"/>.</param>
        public RuleFacets this[int index]
        {
            get
            {
                var facets = System.Threading.Volatile.Read(ref _facets[index]);
                if (facets is null)
                {
                    // Two threads may build the same rule's entries at once; the first stored is the one kept.
                    var built = new RuleFacets(_rules[index], _names);
                    facets = System.Threading.Interlocked.CompareExchange(ref _facets[index], built, null) ?? built;
                }

                return facets;
            }
        }
    }

    private static string Name(System.Collections.Concurrent.ConcurrentDictionary<string, string> names, string prefix, string clock)
    {
        var key = prefix + clock;
        return names.GetOrAdd(key, key);
    }
}
