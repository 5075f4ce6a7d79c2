using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SlaEngine.Evaluation;

namespace SlaEngine.Testing;

/// <summary>
/// Rule coverage of one policy by the cases that ran against it, from each decision's trace: rules no case matched,
/// and facets of each rule that never decided anything. Immutable.
/// </summary>
public sealed record PolicyCoverage
{
    internal PolicyCoverage(string policyId, string policyPath, ImmutableArray<RuleCoverage> rules)
    {
        PolicyId = policyId;
        PolicyPath = policyPath;
        Rules = rules;
    }

    /// <summary>The policy's id.</summary>
    public string PolicyId { get; }

    /// <summary>The policy file's full path.</summary>
    public string PolicyPath { get; }

    /// <summary>Every rule, in policy order.</summary>
    public ImmutableArray<RuleCoverage> Rules { get; }

    /// <summary>The ids of the rules no case matched, in policy order.</summary>
    public ImmutableArray<string> UnmatchedRules => [.. Rules.Where(r => !r.Matched).Select(r => r.RuleId)];

    /// <summary>Computes the coverage of a policy from the traces of the decisions its cases produced.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="policyPath">The policy file's full path.</param>
    /// <param name="traces">The traces of the cases run against it.</param>
    /// <returns>The coverage.</returns>
    public static PolicyCoverage Compute(Policy policy, string policyPath, IEnumerable<DecisionTrace> traces)
    {
        System.ArgumentNullException.ThrowIfNull(policy);
        System.ArgumentNullException.ThrowIfNull(traces);
        var matched = new HashSet<string>(System.StringComparer.Ordinal);
        var decided = new HashSet<(string Rule, string Facet)>();
        foreach (var trace in traces)
        {
            matched.UnionWith(trace.Matched);
            foreach (var facet in trace.DecidedBy)
            {
                decided.Add((facet.RuleId, facet.Facet));
            }
        }

        var rules = ImmutableArray.CreateBuilder<RuleCoverage>(policy.Rules.Length);
        foreach (var rule in policy.Rules)
        {
            var facets = FacetsOf(rule);
            rules.Add(new RuleCoverage(
                rule.Id,
                matched.Contains(rule.Id),
                facets,
                [.. facets.Where(f => !decided.Contains((rule.Id, f)))]));
        }

        return new PolicyCoverage(policy.Id, policyPath, rules.MoveToImmutable());
    }

    private static ImmutableArray<string> FacetsOf(Policies.Rule rule)
    {
        var facets = ImmutableArray.CreateBuilder<string>();
        if (rule.Owner is not null)
        {
            facets.Add("owner");
        }

        if (rule.Approvers is not null)
        {
            facets.Add("approvers");
        }

        if (rule.Consulted is not null)
        {
            facets.Add("consulted");
        }

        if (rule.Informed is not null)
        {
            facets.Add("informed");
        }

        if (rule.DecidesNotice)
        {
            facets.Add("notice");
        }

        foreach (var target in rule.Targets)
        {
            facets.Add("targets." + target.Clock.Name);
        }

        foreach (var clock in rule.Escalations.Select(s => s.Clock.Name).Distinct())
        {
            facets.Add("escalations." + clock);
        }

        return facets.ToImmutable();
    }
}
