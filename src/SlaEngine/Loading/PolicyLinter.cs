using System;
using System.Collections.Generic;
using System.Linq;
using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Expressions.Logic;
using SlaEngine.Expressions;
using SlaEngine.Model;

namespace SlaEngine.Loading;

/// <summary>
/// Lint warnings for a policy that loads: rules that can never decide anything, teams and calendars never used,
/// enum values no rule gives an owner, calendars with no holidays in the next twelve months.
/// </summary>
internal static class PolicyLinter
{
    public static void Lint(PolicyDecl declared, Policy policy, Instant now, DiagnosticBag d)
    {
        var lowered = new Lowered(policy);
        var solver = new ConditionSolver(policy.Schema, TotalBudget);
        Shadowed(declared, policy, lowered, solver, d);
        Unused(declared, policy, d);
        UnownedEnumValues(declared, policy, lowered, solver, d);
        NoUpcomingHolidays(declared, policy, now, d);
    }

    /// <summary>Each rule's condition as a formula, lowered once, with its cheap co-match hint.</summary>
    private sealed class Lowered
    {
        public Lowered(Policy policy)
        {
            When = [.. policy.Rules.Select(r => r.HasWhen ? ConditionLogic.Lower(r.When.Syntax) : Formula.True)];
            Hints = [.. When.Select(Hint.Of)];
        }

        public Formula[] When { get; }

        public Hint[] Hints { get; }
    }

    /// <summary>A value in a <see cref="Hint"/>: a number (enum, team, bool, int) or a text.</summary>
    private readonly record struct HintValue(long Number, string? Text);

    /// <summary>
    /// For a condition, the fields its top-level conjuncts pin to finite sets of values (<c>category == "a"</c>,
    /// <c>priority &lt;= "P2"</c>, <c>emergency</c>): a sound, cheap over-approximation, used only to skip rules that
    /// can never match together with the rule being checked.
    /// </summary>
    private sealed class Hint
    {
        public Dictionary<FieldDefinition, HashSet<HintValue>> Sets { get; } = new(ReferenceEqualityComparer.Instance);

        public static Hint Of(Formula when)
        {
            var hint = new Hint();
            var conjuncts = when is AndFormula and ? and.Items.AsEnumerable() : [when];
            foreach (var test in conjuncts.OfType<TestFormula>())
            {
                if (Values(test) is not { } values)
                {
                    continue;
                }

                if (hint.Sets.TryGetValue(test.Field, out var existing))
                {
                    existing.IntersectWith(values);
                }
                else
                {
                    hint.Sets.Add(test.Field, values);
                }
            }

            return hint;
        }

        public static bool MayOverlap(Hint a, Hint b)
        {
            foreach (var (field, set) in a.Sets)
            {
                if (b.Sets.TryGetValue(field, out var other) && !set.Overlaps(other))
                {
                    return false;
                }
            }

            return true;
        }

        private static HashSet<HintValue>? Values(TestFormula t)
        {
            var test = t.Test;
            switch (test.Kind)
            {
                case FieldTestKind.Equal or FieldTestKind.In:
                    return test.IsText ? [.. test.Texts.Select(x => new HintValue(0, x))] : [.. test.Numbers.Select(n => new HintValue(n, null))];
                case FieldTestKind.Less or FieldTestKind.LessOrEqual or FieldTestKind.Greater or FieldTestKind.GreaterOrEqual when t.Field.Type == FieldType.Enum:
                {
                    var values = new HashSet<HintValue>();
                    for (var i = 0; i < t.Field.EnumValues.Length; i++)
                    {
                        if (test.Holds(new AbstractValue(true, i, null)))
                        {
                            values.Add(new HintValue(i, null));
                        }
                    }

                    return values;
                }

                default:
                    return null;
            }
        }
    }

    /// <summary>Finds, for a rule, the rules above it whose hints do not rule out matching together, without looking at every pair.</summary>
    private sealed class HintIndex
    {
        private readonly Hint[] _hints;
        private readonly Dictionary<FieldDefinition, (Dictionary<HintValue, List<int>> ByValue, List<int> Free)> _byField = new(ReferenceEqualityComparer.Instance);

        public HintIndex(Hint[] hints, int count)
        {
            _hints = hints;
            foreach (var field in hints.SelectMany(h => h.Sets.Keys).Distinct())
            {
                var byValue = new Dictionary<HintValue, List<int>>();
                var free = new List<int>();
                for (var j = 0; j < count; j++)
                {
                    if (!hints[j].Sets.TryGetValue(field, out var set))
                    {
                        free.Add(j);
                        continue;
                    }

                    foreach (var value in set)
                    {
                        if (!byValue.TryGetValue(value, out var list))
                        {
                            byValue[value] = list = [];
                        }

                        list.Add(j);
                    }
                }

                _byField.Add(field, (byValue, free));
            }
        }

        /// <summary>The rules above <paramref name="i"/> that may match with it, top to bottom.</summary>
        public IEnumerable<int> CandidatesAbove(int i)
        {
            var best = _hints[i].Sets.OrderBy(kv => kv.Value.Count).Select(kv => kv.Key).FirstOrDefault();
            if (best is null)
            {
                for (var j = 0; j < i; j++)
                {
                    yield return j;
                }

                yield break;
            }

            // The lists are in policy order: merge them lazily (the caller stops after a few blockers, and a big policy
            // has tens of thousands of rules above), dropping the rules listed under several of the values.
            var (byValue, free) = _byField[best];
            var lists = new List<List<int>> { free };
            foreach (var value in _hints[i].Sets[best])
            {
                if (byValue.TryGetValue(value, out var list))
                {
                    lists.Add(list);
                }
            }

            var heads = new PriorityQueue<(int List, int Position), int>();
            for (var k = 0; k < lists.Count; k++)
            {
                if (lists[k].Count > 0 && lists[k][0] < i)
                {
                    heads.Enqueue((k, 0), lists[k][0]);
                }
            }

            var last = -1;
            while (heads.TryDequeue(out var head, out var j))
            {
                if (j != last)
                {
                    yield return j;
                    last = j;
                }

                var next = head.Position + 1;
                var from = lists[head.List];
                if (next < from.Count && from[next] < i)
                {
                    heads.Enqueue((head.List, next), from[next]);
                }
            }
        }
    }

    /// <summary>Per-query and whole-lint work limits of the condition solver (node visits): past them the linter stays silent.</summary>
    private const long QueryBudget = 200_000;

    private const long TotalBudget = 40_000_000;

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
    private static void Shadowed(PolicyDecl declared, Policy policy, Lowered lowered, ConditionSolver solver, DiagnosticBag d)
    {
        var rules = policy.Rules;
        var facets = rules.Select(r => Facets(r).ToHashSet(StringComparer.Ordinal)).ToArray();
        var sets = new FacetSets(facets);
        var hints = lowered.Hints;
        var index = new HintIndex(hints, rules.Length);
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
                if ((!fallback || lowered.When[j] is ConstFormula { Value: true }) && (rules[j].Final || facets[j].Overlaps(facets[i])) && Hint.MayOverlap(hints[i], hints[j]) && lowered.When[j] is not ConstFormula { Value: false })
                {
                    blockers.Add(j);
                    if (blockers.Count == MaxBlockers)
                    {
                        break;
                    }
                }
            }

            if (blockers.Count == 0 || solver.Solve(Decides(i, blockers, rules, sets, lowered), QueryBudget) != Satisfiability.Unsatisfiable)
            {
                continue;
            }

            var ceiling = solver.LastCeiling;

            if (solver.Solve(lowered.When[i], QueryBudget) != Satisfiability.Satisfiable)
            {
                continue; // a condition that can never hold is dead on its own, not because of the rules above
            }

            // Name only the rules the proof needs: drop each one that the rest can do without.
            if (blockers.Count <= 16)
            {
                // Bisection names the same rules as dropping one by one when no query of the latter can run out of
                // budget: each of its queries is over a subset of the proof's parts, so costs at most the ceiling.
                var shadow = new Shadow(i, rules, sets, lowered, solver);
                var definite = ceiling <= QueryBudget && solver.Remaining >= (blockers.Count + 1) * QueryBudget;
                blockers = (definite ? shadow.Bisected(blockers) : null) ?? shadow.Dropped(blockers);
            }

            d.Warning(DiagnosticCodes.ShadowedRule, declared.Rules[i].Id.Location, ShadowMessage(rule, facets[i], blockers.Select(j => rules[j]).ToList()));
        }
    }

    /// <summary>The witness of a proven shadow: the rules above to name in the message.</summary>
    private readonly struct Shadow(int rule, ImmutableArray<Policies.Rule> rules, FacetSets facets, Lowered lowered, ConditionSolver solver)
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

                if (solver.Solve(Decides(rule, without, rules, facets, lowered), QueryBudget) == Satisfiability.Unsatisfiable)
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

            return solver.Solve(Decides(rule, set, rules, facets, lowered), QueryBudget) switch
            {
                Satisfiability.Unsatisfiable => true,
                Satisfiability.Satisfiable => false,
                _ => null,
            };
        }
    }

    /// <summary>Rule <paramref name="i"/> matches, no final rule among <paramref name="above"/> stops the walk first, and it sets a facet none of them has decided (or it is final).</summary>
    private static Formula Decides(int i, List<int> above, ImmutableArray<Policies.Rule> rules, FacetSets facets, Lowered lowered)
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

    /// <summary>Each rule's facets as small numbers, in the order of its facet set, for <see cref="Decides"/>'s inner loops.</summary>
    private sealed class FacetSets
    {
        private readonly bool[][] _sets;

        public FacetSets(HashSet<string>[] facets)
        {
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            Of = new int[facets.Length][];
            for (var i = 0; i < facets.Length; i++)
            {
                Of[i] = new int[facets[i].Count];
                var k = 0;
                foreach (var facet in facets[i])
                {
                    if (!ids.TryGetValue(facet, out var id))
                    {
                        id = ids.Count;
                        ids.Add(facet, id);
                    }

                    Of[i][k++] = id;
                }
            }

            _sets = new bool[facets.Length][];
            for (var i = 0; i < facets.Length; i++)
            {
                _sets[i] = new bool[ids.Count];
                foreach (var id in Of[i])
                {
                    _sets[i][id] = true;
                }
            }
        }

        /// <summary>Rule i's facets, in the order its facet set enumerates them.</summary>
        public int[][] Of { get; }

        /// <summary>Whether rule <paramref name="rule"/> sets the facet numbered <paramref name="facet"/>.</summary>
        public bool Sets(int rule, int facet) => _sets[rule][facet];
    }

    private static string ShadowMessage(Policies.Rule rule, HashSet<string> facets, List<Policies.Rule> blockers)
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

    private static IEnumerable<string> Facets(Policies.Rule rule)
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

    /// <summary>
    /// A team is used when a rule names it (owner, approvers, consulted, informed, escalation notify, notice recipients),
    /// when a condition compares a team field with it (<c>requestedBy == "cc-ops"</c>, in any rule, clock or freeze
    /// condition) or when it is a team field's default. A calendar is used when a team, a target or a notice names it,
    /// or a condition calls <c>open()</c> on it.
    /// </summary>
    private static void Unused(PolicyDecl declared, Policy policy, DiagnosticBag d)
    {
        var usedTeams = new HashSet<string>(StringComparer.Ordinal);
        var usedCalendars = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in declared.Rules)
        {
            if (rule.Owner is { } o)
            {
                usedTeams.Add(o.Value);
            }

            foreach (var list in new[] { rule.Approvers, rule.Consulted, rule.Informed })
            {
                usedTeams.UnionWith(list?.Select(t => t.Value) ?? []);
            }

            foreach (var e in rule.Escalations)
            {
                usedTeams.UnionWith(e.Notify.Select(t => t.Value));
            }

            if (rule.Notice is { } n)
            {
                usedTeams.UnionWith(n.To.Select(t => t.Value));
                if (n.Calendar is { } nc)
                {
                    usedCalendars.Add(nc.Value);
                }
            }

            foreach (var t in rule.Targets)
            {
                if (t.Calendar is { } tc)
                {
                    usedCalendars.Add(tc.Value);
                }
            }
        }

        foreach (var team in declared.Teams)
        {
            if (team.Calendar is { } c)
            {
                usedCalendars.Add(c.Value);
            }
        }

        foreach (var field in declared.Fields.Where(f => f.DefaultValue.Kind == FieldValueKind.Team))
        {
            usedTeams.Add(field.DefaultValue.Text!);
        }

        // Conditions, read from their typed trees: a team literal is one compared with a team field, and open() names
        // its calendar in its first argument. Text that merely looks alike (inside a string, a field named like a team)
        // is not a use.
        var conditions = policy.Rules.Where(r => r.HasWhen).Select(r => r.When)
            .Concat(policy.Clocks.SelectMany(c => new[] { c.PauseWhen, c.StopWhen, c.StartWhen, c.CancelWhen, c.ResetWhen }))
            .Concat(policy.Freezes.Select(f => f.Unless))
            .OfType<Condition>();
        foreach (var node in conditions.SelectMany(c => ConditionLogic.Nodes(c.Syntax)))
        {
            switch (node)
            {
                case LiteralExpr { Value: string team, Type.Kind: TypeKind.Team }:
                    usedTeams.Add(team);
                    break;
                case CallExpr { Function: BuiltinFunction.Open, Arguments: [LiteralExpr { Value: string calendar }, ..] }:
                    usedCalendars.Add(calendar);
                    break;
            }
        }

        foreach (var team in declared.Teams.Where(t => !usedTeams.Contains(t.Id.Value)))
        {
            d.Warning(DiagnosticCodes.UnusedTeam, team.Id.Location, $"team '{team.Id.Value}' is never used: no rule makes it an owner, approver, consulted or informed party, escalation contact or notice recipient, and no condition or default names it");
        }

        foreach (var calendar in declared.Calendars.Where(c => !usedCalendars.Contains(c.Id.Value)))
        {
            d.Warning(DiagnosticCodes.UnusedCalendar, calendar.Id.Location, $"calendar '{calendar.Id.Value}' is never used: no team, target, notice or open() refers to it");
        }
    }

    /// <summary>At most this many final rules (that set no owner) above the last owning rule: beyond, the check stays silent.</summary>
    private const int MaxFinalsForOwnership = 200;

    /// <summary>
    /// For each enum field read by the conditions of ownership rules (rules that set an owner, and final rules above
    /// the last of them, since those can stop the walk before an owner is set), the values for which no event gets an
    /// owner at all. A value that gets an owner for some events only (say, emergencies) is not reported; those events
    /// are reported as <c>unowned</c> when decided. An absent optional field is not a value.
    /// </summary>
    private static void UnownedEnumValues(PolicyDecl declared, Policy policy, Lowered lowered, ConditionSolver solver, DiagnosticBag d)
    {
        var rules = policy.Rules;
        var last = -1;
        for (var j = 0; j < rules.Length; j++)
        {
            if (rules[j].Owner is not null)
            {
                last = j;
            }
        }

        if (last < 0 || rules.Take(last).Count(r => r.Final && r.Owner is null) > MaxFinalsForOwnership)
        {
            return;
        }

        var fields = rules.Take(last + 1)
            .Where(r => r.HasWhen && (r.Owner is not null || r.Final))
            .SelectMany(r => ConditionLogic.FieldsRead(r.When.Syntax))
            .Where(f => f.Type == FieldType.Enum)
            .Distinct()
            .OrderBy(f => f.Slot)
            .ToList();
        if (fields.Count == 0)
        {
            return;
        }

        // Some matching rule sets an owner before a final rule ends the walk; built from the bottom up.
        var owned = Formula.False;
        var segment = new List<Formula>();
        for (var j = last; j >= 0; j--)
        {
            if (rules[j].Owner is not null)
            {
                segment.Add(lowered.When[j]);
            }
            else if (rules[j].Final)
            {
                segment.Reverse();
                segment.Add(owned);
                owned = Formula.And([Formula.Not(lowered.When[j]), Formula.Or(segment)]);
                segment = [];
            }
        }

        segment.Reverse();
        segment.Add(owned);
        owned = Formula.Or(segment);

        foreach (var field in fields)
        {
            var decl = declared.Fields.First(f => f.Name.Value == field.Name);
            for (var ordinal = 0; ordinal < field.EnumValues.Length; ordinal++)
            {
                var value = new TestFormula(field, FieldTest.OfNumbers(FieldTestKind.Equal, ordinal));
                if (solver.Solve(Formula.And([value, owned]), QueryBudget) == Satisfiability.Unsatisfiable)
                {
                    var at = decl.Values.Count > ordinal ? decl.Values[ordinal].Location : decl.Name.Location;
                    d.Warning(DiagnosticCodes.UnownedEnumValue, at, $"no rule gives an owner to {field.Name} '{field.EnumValues[ordinal]}': such a change would be unowned");
                }
            }
        }
    }

    /// <summary>
    /// The next twelve months are the local dates from today (in the calendar's zone, "now" being the load options'
    /// clock) up to the same date a year later, excluded. A holiday (dated, yearly or n-th weekday) on one of them
    /// counts, and so does an exception that closes one of them (<c>hours: closed</c>); an exception with hours does not.
    /// </summary>
    private static void NoUpcomingHolidays(PolicyDecl declared, Policy policy, Instant now, DiagnosticBag d)
    {
        foreach (var calendar in policy.Calendars)
        {
            var today = now.InZone(calendar.Zone).Date.WithCalendar(CalendarSystem.Iso);
            var end = today.PlusMonths(12).PlusDays(-1);
            var closedOn = calendar.Exceptions.Any(x => x.IsClosed && x.Date.WithCalendar(CalendarSystem.Iso) >= today && x.Date.WithCalendar(CalendarSystem.Iso) <= end);
            if (!closedOn && !calendar.HolidaysBetween(today, end).Any())
            {
                var decl = declared.Calendars.First(c => c.Id.Value == calendar.Id);
                d.Warning(DiagnosticCodes.NoUpcomingHolidays, decl.Id.Location, $"calendar '{calendar.Id}' has no holidays in the next twelve months: add this year's holidays (or yearly ones) so deadlines skip them");
            }
        }
    }
}
