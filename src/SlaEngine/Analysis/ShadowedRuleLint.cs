using System;
using System.Collections.Generic;
using System.Linq;
using SlaEngine.Diagnostics;
using SlaEngine.Expressions.Logic;
using SlaEngine.Model;
using SlaEngine.Policies;

namespace SlaEngine.Analysis;

/// <summary>The lint of rules that can never decide anything: shadowed by the rules above them.</summary>
internal static class ShadowedRuleLint
{
    /// <summary>At most this many rules above a rule take part in proving it shadowed (fewer only weakens the proof, never falsifies it).</summary>
    private const int MaxBlockers = 64;

    /// <summary>
    /// A rule is shadowed when no event lets it decide anything: whenever it matches, a <c>final</c> rule above has
    /// matched (the walk never reaches it), or every facet it sets has been decided by a matching rule above. A final
    /// rule that is reached decides (it ends the walk), so it is reported only when a final rule above always stops the
    /// walk first. Proven exactly over enum, bool, team, int and string comparisons (the null rule included); anything
    /// else in a condition (string functions, <c>open()</c>, instants) is an unknown, so the proof holds for every event
    /// or there is no warning. A rule without <c>when</c> is a fallback: only rules above that always match can shadow it.
    /// A rule whose own condition never holds is not reported (the rules above are not the cause).
    /// </summary>
    public static void Check(PolicyDecl declared, Policy policy, LoweredRules lowered, ConditionSolver solver, DiagnosticBag d)
    {
        var rules = policy.Rules;
        var facets = rules.Select(r => RuleFacets.Of(r).ToHashSet(StringComparer.Ordinal)).ToArray();
        var sets = new FacetSets(facets);
        var hints = lowered.Hints;
        var index = new RuleHintIndex(hints, rules.Length);
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            if ((facets[i].Count == 0 && !rule.Final) || lowered.When[i] is ConstFormula { Value: false })
            {
                continue; // nothing to decide, or never matches: not the warning's concern
            }

            // A rule without a condition below rules that happen to cover every value today is a fallback for values
            // added later (the reference policy's triage): only rules above that always match can shadow it. Only a
            // rule with no 'when' at all is one: a written condition that always holds ('true', or 'kind in [...]'
            // naming every value) is a condition like any other, shadowed when the rules above cover it.
            var fallback = !rule.HasWhen;
            var blockers = new List<int>();
            foreach (var j in index.CandidatesAbove(i))
            {
                if ((!fallback || lowered.When[j] is ConstFormula { Value: true }) && (rules[j].Final || facets[j].Overlaps(facets[i])) && RuleHint.MayOverlap(hints[i], hints[j]) && lowered.When[j] is not ConstFormula { Value: false })
                {
                    blockers.Add(j);
                    if (blockers.Count == MaxBlockers)
                    {
                        break;
                    }
                }
            }

            if (blockers.Count == 0 || solver.Solve(ShadowProof.Decides(i, blockers, rules, sets, lowered), LintBudget.Query) != Satisfiability.Unsatisfiable)
            {
                continue;
            }

            var ceiling = solver.LastCeiling;

            if (solver.Solve(lowered.When[i], LintBudget.Query) != Satisfiability.Satisfiable)
            {
                continue; // a condition that can never hold is dead on its own, not because of the rules above
            }

            // Name only the rules the proof needs: drop each one that the rest can do without.
            if (blockers.Count <= 16)
            {
                // Bisection names the same rules as dropping one by one when no query of the latter can run out of
                // budget: each of its queries is over a subset of the proof's parts, so costs at most the ceiling.
                var shadow = new ShadowProof(i, rules, sets, lowered, solver);
                var definite = ceiling <= LintBudget.Query && solver.Remaining >= (blockers.Count + 1) * LintBudget.Query;
                blockers = (definite ? shadow.Bisected(blockers) : null) ?? shadow.Dropped(blockers);
            }

            d.Warning(DiagnosticCodes.ShadowedRule, declared.Rules[i].Id.Location, ShadowMessage(rule, facets[i], blockers.Select(j => rules[j]).ToList()));
        }
    }


    private static string ShadowMessage(Rule rule, HashSet<string> facets, List<Rule> blockers)
    {
        var decides = string.Join(", ", facets.Order(StringComparer.Ordinal));
        if (blockers.Count == 1)
        {
            var b = blockers[0];
            return b.Final
                ? $"rule '{rule.Id}' can never decide anything: rule '{b.Id}' above it always matches first and is final (it ends the walk); move it above or narrow the rule above"
                : $"rule '{rule.Id}' can never decide anything: rule '{b.Id}' above it always matches first and already decides {decides}; move it above or narrow the rule above";
        }

        var names = string.Join(", ", blockers.Take(5).Select(b => $"'{b.Id}'")) + (blockers.Count > 5 ? ", ..." : "");
        return $"rule '{rule.Id}' can never decide anything: whenever it matches, the rules above it ({names}) have already decided {decides} or ended the walk; move it above them or narrow them";
    }
}
