using System.Collections.Generic;
using System.Collections.Immutable;
using SlaEngine.Expressions.Logic;
using SlaEngine.Policies;

namespace SlaEngine.Analysis;

/// <summary>
/// The proof that a rule is shadowed by rules above it, over their lowered conditions, and its witness: the rules
/// above to name in the message.
/// </summary>
internal readonly struct ShadowProof(int rule, ImmutableArray<Rule> rules, FacetSets facets, LoweredRules lowered, ConditionSolver solver)
{
    /// <summary>
    /// The blockers left by dropping, from the last to the first, each one the others can do without (the proof
    /// still holds), until one is left: the rules the message names.
    /// </summary>
    public List<int> Dropped(List<int> blockers)
    {
        var without = new List<int>(blockers.Count);
        for (var k = blockers.Count - 1; k >= 0 && blockers.Count > 1; k--)
        {
            without.Clear();
            for (var n = 0; n < blockers.Count; n++)
            {
                if (n != k)
                {
                    without.Add(blockers[n]);
                }
            }

            if (solver.Solve(Decides(rule, without, rules, facets, lowered), LintBudget.Query) == Satisfiability.Unsatisfiable)
            {
                (blockers, without) = (without, blockers);
            }
        }

        return blockers;
    }

    /// <summary>
    /// The same blockers as <see cref="Dropped"/>, with fewer queries, or null when a query's answer is unknown
    /// (then <see cref="Dropped"/> decides). More blockers only strengthen the formula, so with the blockers kept
    /// so far, "the first m blockers still give a proof" holds from some m on: <see cref="Dropped"/> drops every
    /// blocker past that m and keeps the m-th, so each kept blocker is found by bisection over m, and the search
    /// goes on below it. Without a kept blocker, no blocker at all is no proof (the rule's condition can hold).
    /// </summary>
    public List<int>? Bisected(List<int> blockers)
    {
        var kept = new List<int>(); // positions in blockers, descending
        var set = new List<int>(blockers.Count);
        var high = blockers.Count - 1; // the first high + 1 blockers and the kept ones give a proof
        while (high >= 0)
        {
            var low = -1; // the first low + 1 and the kept ones give none (known for low = -1 when none is kept)
            if (kept.Count > 0)
            {
                var none = Proves(blockers, -1, kept, set);
                if (none is null)
                {
                    return null;
                }

                if (none.Value)
                {
                    break; // the kept ones alone give a proof: every other is dropped
                }
            }

            while (high - low > 1)
            {
                var middle = low + ((high - low) / 2);
                if (Proves(blockers, middle, kept, set) is not { } proves)
                {
                    return null;
                }

                (low, high) = proves ? (low, middle) : (middle, high);
            }

            kept.Add(high);
            high--;
        }

        var named = new List<int>(kept.Count);
        for (var k = kept.Count - 1; k >= 0; k--)
        {
            named.Add(blockers[kept[k]]);
        }

        return named;
    }

    /// <summary>Whether the first <paramref name="last"/> + 1 blockers and the kept ones prove the shadow; null when unknown.</summary>
    private bool? Proves(List<int> blockers, int last, List<int> kept, List<int> set)
    {
        set.Clear();
        for (var n = 0; n <= last; n++)
        {
            set.Add(blockers[n]);
        }

        for (var k = kept.Count - 1; k >= 0; k--)
        {
            set.Add(blockers[kept[k]]);
        }

        return solver.Solve(Decides(rule, set, rules, facets, lowered), LintBudget.Query) switch
        {
            Satisfiability.Unsatisfiable => true,
            Satisfiability.Satisfiable => false,
            _ => null,
        };
    }

    /// <summary>Rule <paramref name="i"/> matches, no final rule among <paramref name="above"/> stops the walk first, and it sets a facet none of them has decided (or it is final).</summary>
    public static Formula Decides(int i, List<int> above, ImmutableArray<Rule> rules, FacetSets facets, LoweredRules lowered)
    {
        var parts = new List<Formula>(above.Count + 2) { lowered.When[i] };
        foreach (var j in above)
        {
            if (rules[j].Final)
            {
                parts.Add(Formula.Not(lowered.When[j]));
            }
        }

        if (!rules[i].Final)
        {
            var own = facets.Of[i];
            var undecided = new Formula[own.Length];
            var setters = new List<Formula>(above.Count);
            for (var k = 0; k < own.Length; k++)
            {
                setters.Clear();
                foreach (var j in above)
                {
                    if (facets.Sets(j, own[k]))
                    {
                        setters.Add(lowered.When[j]);
                    }
                }

                undecided[k] = Formula.Not(Formula.Or(setters));
            }

            parts.Add(Formula.Or(undecided));
        }

        return Formula.And(parts);
    }
}
