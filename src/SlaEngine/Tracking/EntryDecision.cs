using System;
using SlaEngine.Evaluation;
using SlaEngine.Events;
using SlaEngine.Policies;

namespace SlaEngine.Tracking;

/// <summary>
/// The part of a decision a clock's cycles are judged by, kept per timeline entry: the owner, and per clock the
/// target and the rule whose ladder applies. Consecutive entries that decide alike share one instance.
/// </summary>
internal sealed class EntryDecision
{
    private EntryDecision(Team? owner, TargetDefinition?[] targets, Rule?[] ladders)
    {
        Owner = owner;
        Targets = targets;
        Ladders = ladders;
    }

    public Team? Owner { get; }

    /// <summary>Per clock: the target deciding it (a waived target, <c>none</c>, included), or null.</summary>
    public TargetDefinition?[] Targets { get; }

    /// <summary>Per clock: the rule whose escalation ladder applies, or null.</summary>
    public Rule?[] Ladders { get; }

    /// <summary>Walks the rules on the fields; returns <paramref name="previous"/> when it decides the same.</summary>
    public static EntryDecision Of(Policy policy, ChangeEvent fields, EntryDecision? previous)
    {
        var walk = RuleWalk.Rent(policy, fields);
        try
        {
            if (previous is not null
                && previous.Owner == walk.Owner
                && previous.Targets.AsSpan().SequenceEqual(walk.Targets)
                && previous.Ladders.AsSpan().SequenceEqual(walk.LadderRules))
            {
                return previous;
            }

            return new EntryDecision(walk.Owner, (TargetDefinition?[])walk.Targets.Clone(), (Rule?[])walk.LadderRules.Clone());
        }
        finally
        {
            walk.Return();
        }
    }
}
