using System.Collections.Generic;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>
/// The trace entries a rule can contribute to a decision ("owner decided by rule X", "targets.resolve decided by
/// rule X"), built once at load: a <see cref="FacetDecision"/> is immutable, so every decision that a rule decides the
/// same facet of shares one instance instead of allocating it (and the facet's name) per event.
/// </summary>
internal sealed class RuleFacets
{
    private RuleFacets(Rule rule, Dictionary<string, string> names)
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

    /// <summary>The entries of every rule, by <see cref="Rule.Index"/>.</summary>
    public static RuleFacets[] Build(IReadOnlyList<Rule> rules)
    {
        var names = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var max = -1;
        foreach (var rule in rules)
        {
            max = int.Max(max, rule.Index);
        }

        var result = new RuleFacets[max + 1];
        foreach (var rule in rules)
        {
            result[rule.Index] = new RuleFacets(rule, names);
        }

        return result;
    }

    private static string Name(Dictionary<string, string> names, string prefix, string clock)
    {
        var key = prefix + clock;
        if (!names.TryGetValue(key, out var name))
        {
            names[key] = name = key;
        }

        return name;
    }
}
