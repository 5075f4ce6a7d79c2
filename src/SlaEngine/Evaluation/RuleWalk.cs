using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using SlaEngine.Events;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>
/// The facets chosen by walking the rules top to bottom for one event: the first matching rule that sets a facet
/// decides it; a matching rule with <c>final: true</c> ends the walk.
/// </summary>
internal sealed class RuleWalk
{
    // One walk per thread is reused by Decide (a walk never outlives the call that rented it), so a decision does
    // not allocate its scratch: the matched list, the facet slots and the per-clock arrays.
    [ThreadStatic]
    private static RuleWalk? t_spare;

    private RuleWalk(int clockCount)
    {
        Targets = new TargetDefinition?[clockCount];
        TargetRules = new Rule?[clockCount];
        LadderRules = new Rule?[clockCount];
    }

    /// <summary>The ids of the rules that matched, in policy order, for the trace.</summary>
    public List<string> MatchedIds { get; } = new(4);

    /// <summary>Scratch for the decision built from this walk (its plans and out-of-range clocks), reused with it.</summary>
    public List<ClockPlan> Plans { get; } = new(2);

    /// <summary>Scratch: the escalations of the decision built from this walk, before sorting.</summary>
    public List<(ScheduledEscalation Item, int Clock, int Order)> ScheduledEscalations { get; } = [];

    /// <summary>Scratch: the violations of the decision built from this walk.</summary>
    public List<Violation> Violations { get; } = [];

    /// <summary>Scratch: the trace entries of the decision built from this walk.</summary>
    public List<FacetDecision> Facets { get; } = new(8);

    public Rule? OwnerRule { get; private set; }

    public Rule? ApproversRule { get; private set; }

    public Rule? ConsultedRule { get; private set; }

    public Rule? InformedRule { get; private set; }

    public Rule? NoticeRule { get; private set; }

    public TargetDefinition?[] Targets { get; }

    public Rule?[] TargetRules { get; }

    public Rule?[] LadderRules { get; }

    public Team? Owner => OwnerRule?.Owner;

    public ImmutableArray<Team> Approvers => ApproversRule?.Approvers ?? ImmutableArray<Team>.Empty;

    public ApprovalMode Approval => ApproversRule?.Approval ?? ApprovalMode.All;

    public ImmutableArray<Team> Consulted => ConsultedRule?.Consulted ?? ImmutableArray<Team>.Empty;

    public ImmutableArray<Team> Informed => InformedRule?.Informed ?? ImmutableArray<Team>.Empty;

    public NoticeDefinition? Notice => NoticeRule?.Notice;

    public static RuleWalk Run(Policy policy, ChangeEvent e) => new RuleWalk(policy.Clocks.Length).Walk(policy, e);

    /// <summary>Like <see cref="Run"/>, on this thread's spare walk when there is one; hand it back with <see cref="Return"/>.</summary>
    public static RuleWalk Rent(Policy policy, ChangeEvent e)
    {
        var walk = t_spare;
        if (walk is null || walk.Targets.Length != policy.Clocks.Length)
        {
            walk = new RuleWalk(policy.Clocks.Length);
        }
        else
        {
            t_spare = null;
            walk.Reset();
        }

        return walk.Walk(policy, e);
    }

    /// <summary>Keeps this walk as the thread's spare; nothing may use it afterwards.</summary>
    public void Return() => t_spare = this;

    private void Reset()
    {
        MatchedIds.Clear();
        Plans.Clear();
        ScheduledEscalations.Clear();
        Violations.Clear();
        Facets.Clear();
        OwnerRule = ApproversRule = ConsultedRule = InformedRule = NoticeRule = null;
        Array.Clear(Targets);
        Array.Clear(TargetRules);
        Array.Clear(LadderRules);
    }

    private RuleWalk Walk(Policy policy, ChangeEvent e)
    {
        // The facets still open: once the owner is decided, a later rule that only sets an owner is recorded as
        // matched without being read (a long walk then reads its candidate list, not each rule).
        var open = RuleFacetMask.Single | RuleFacetMask.Clocks;
        foreach (var candidate in policy.Index.CandidatesFor(e))
        {
            if (!candidate.Matches(e))
            {
                continue;
            }

            MatchedIds.Add(candidate.Id);
            var facets = candidate.Facets;
            if ((facets & open) != 0)
            {
                Apply(candidate.Rule);
                open &= ~(facets & RuleFacetMask.Single);
            }

            if ((facets & RuleFacetMask.Final) != 0)
            {
                break;
            }
        }

        return this;
    }

    /// <summary>How many rules match the event, walking the candidates as <see cref="Run"/> does (a final rule ends it); allocates nothing.</summary>
    internal static int CountMatches(Policy policy, ChangeEvent e)
    {
        var count = 0;
        foreach (var candidate in policy.Index.CandidatesFor(e))
        {
            if (candidate.Matches(e))
            {
                count++;
                if (candidate.Rule.Final)
                {
                    break;
                }
            }
        }

        return count;
    }

    /// <summary>The first rule that matches the event, or null; allocates nothing.</summary>
    internal static Rule? FirstMatch(Policy policy, ChangeEvent e)
    {
        foreach (var candidate in policy.Index.CandidatesFor(e))
        {
            if (candidate.Matches(e))
            {
                return candidate.Rule;
            }
        }

        return null;
    }

    /// <summary>Takes what a matching rule decides that no earlier rule decided (its id is already in <see cref="MatchedIds"/>).</summary>
    private void Apply(Rule rule)
    {
        if (OwnerRule is null && rule.Owner is not null)
        {
            OwnerRule = rule;
        }

        if (ApproversRule is null && rule.Approvers is not null)
        {
            ApproversRule = rule;
        }

        if (ConsultedRule is null && rule.Consulted is not null)
        {
            ConsultedRule = rule;
        }

        if (InformedRule is null && rule.Informed is not null)
        {
            InformedRule = rule;
        }

        if (NoticeRule is null && rule.DecidesNotice)
        {
            NoticeRule = rule;
        }

        foreach (var target in rule.Targets)
        {
            var i = target.Clock.Index;
            if (Targets[i] is null)
            {
                Targets[i] = target;
                TargetRules[i] = rule;
            }
        }

        foreach (var step in rule.Escalations)
        {
            var i = step.Clock.Index;
            LadderRules[i] ??= rule;
        }
    }
}
