using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using SlaEngine.Evaluation;
using SlaEngine.Events;
using SlaEngine.Expressions.Logic;
using SlaEngine.Expressions;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>
/// Candidate rules per value of up to three always-present enum fields, decided at load from what each rule's
/// condition can match (a sound over-approximation), so an event visits only the rules that could match it, still in
/// policy order. The first field is the one that constrains most rules; the second the one that constrains most of the
/// rules left; and so on. Each rule is filed under the first of those fields that constrains it (or with the rest, that
/// every event visits), and an event's candidates are merged from one list per field, by policy order, without
/// allocating. Within a value's list, a rule whose <c>when</c> is a conjunction with a conjunct that the value makes
/// true (<c>category == "routing" &amp;&amp; …</c> in the list of <c>routing</c>) is tested on the other conjuncts only.
/// </summary>
internal sealed class RuleIndex
{
    /// <summary>How many fields at most index the rules; beyond three, merging costs more than it saves.</summary>
    public const int MaxFields = 3;

    private readonly Level[] _levels;
    private readonly Candidate[] _rest;

    private RuleIndex(Level[] levels, Candidate[] rest, Rule[] rules)
    {
        _levels = levels;
        _rest = rest;
        Facets = new RuleFacets.Table(rules);
    }

    /// <summary>The trace entries of each rule, by <see cref="Rule.Index"/>, each built once when first needed so decisions share them.</summary>
    public RuleFacets.Table Facets { get; }

    /// <summary>The first field the rules are indexed by, or null when no field constrains any rule.</summary>
    public FieldDefinition? Field => _levels.Length > 0 ? _levels[0].Field : null;

    /// <summary>Every field the rules are indexed by, most constraining first.</summary>
    public IEnumerable<FieldDefinition> Fields => _levels.Select(l => l.Field);

    /// <summary>The rules an event must visit, in policy order.</summary>
    public Candidates CandidatesFor(ChangeEvent e)
    {
        var lists = new Candidates(_rest);
        for (var i = 0; i < _levels.Length; i++)
        {
            var level = _levels[i];
            ref readonly var value = ref e[level.Field.Slot];
            var list = value.Kind == FieldValueKind.Enum && (ulong)value.Number < (ulong)level.ByOrdinal.Length ? level.ByOrdinal[value.Number] : level.All;
            lists.Add(list);
        }

        return lists;
    }

    public static RuleIndex Build(ImmutableArray<Rule> rules, EventSchema schema) => Build(rules, schema, null);

    /// <summary>Builds the index; with the environment the conditions were compiled in, it also specializes them per value.</summary>
    public static RuleIndex Build(ImmutableArray<Rule> rules, EventSchema schema, ExpressionEnvironment? environment)
    {
        var all = rules.ToArray();
        var fields = schema.Fields.Where(f => f.Type == FieldType.Enum && (f.IsRequired || f.HasDefault)).ToList();
        // Rules that share a condition's tree (the loader compiles a repeated text once) share its analysis.
        var sets = fields.ToDictionary(f => f, f =>
        {
            // Kept as arrays: the index enumerates them once per rule and level, and an array does so without allocating.
            var known = new Dictionary<Expr, int[]?>(ReferenceEqualityComparer.Instance);
            return all.Select(r =>
            {
                if (!r.HasWhen)
                {
                    return null;
                }

                if (!known.TryGetValue(r.When.Syntax, out var set))
                {
                    known[r.When.Syntax] = set = ConditionAnalysis.PossibleEnumOrdinals(r.When, f)?.Order().ToArray();
                }

                return set;
            }).ToArray();
        });
        var unfiled = Enumerable.Range(0, all.Length).ToList();
        var levels = new List<Level>();
        while (levels.Count < MaxFields && unfiled.Count > 0 && fields.Count > 0)
        {
            var best = fields.MaxBy(f => unfiled.Count(i => sets[f][i] is not null))!;
            var filed = unfiled.Where(i => sets[best][i] is not null).ToList();
            if (filed.Count == 0)
            {
                break;
            }

            levels.Add(BuildLevel(all, filed, best, sets[best], environment));
            fields.Remove(best);
            var taken = filed.ToHashSet();
            unfiled.RemoveAll(taken.Contains);
        }

        return new RuleIndex([.. levels], [.. unfiled.Select(i => new Candidate(all[i], null))], all);
    }

    private static Level BuildLevel(Rule[] all, List<int> filed, FieldDefinition field, int[]?[] sets, ExpressionEnvironment? environment)
    {
        // Each value's list is sized before it is filled: a large policy files tens of thousands of rules per field.
        var counts = new int[field.EnumValues.Length];
        foreach (var i in filed)
        {
            foreach (var ordinal in sets[i]!)
            {
                if ((uint)ordinal < (uint)counts.Length)
                {
                    counts[ordinal]++;
                }
            }
        }

        var lists = new Candidate[counts.Length][];
        for (var ordinal = 0; ordinal < lists.Length; ordinal++)
        {
            lists[ordinal] = new Candidate[counts[ordinal]];
        }

        var filled = new int[counts.Length];
        // Rules that share a condition's tree share its residuals (and its conjuncts).
        var residualsOf = new Dictionary<Expr, Dictionary<int, Func<ChangeEvent, bool>?>>(ReferenceEqualityComparer.Instance);
        var conjunctsOf = new Dictionary<Expr, List<Expr>>(ReferenceEqualityComparer.Instance);
        foreach (var i in filed)
        {
            List<Expr>? conjuncts = null;
            var syntax = all[i].HasWhen ? all[i].When.Syntax : null;
            Dictionary<int, Func<ChangeEvent, bool>?>? residuals = null;
            if (environment is not null && syntax is not null && !conjunctsOf.TryGetValue(syntax, out conjuncts))
            {
                conjunctsOf[syntax] = conjuncts = Conjuncts(syntax);
                residualsOf[syntax] = [];
            }

            if (conjuncts is not null)
            {
                residuals = residualsOf[syntax!];
            }

            var facets = RuleFacetMask.Of(all[i]);
            // Rules are visited in policy order, so each value's list is in policy order whatever order the set gives.
            foreach (var ordinal in sets[i]!)
            {
                if ((uint)ordinal >= (uint)lists.Length)
                {
                    continue;
                }

                Func<ChangeEvent, bool>? residual = null;
                if (residuals is not null && !residuals.TryGetValue(ordinal, out residual))
                {
                    residuals[ordinal] = residual = Residual(conjuncts!, field, ordinal, environment!);
                }

                lists[ordinal][filled[ordinal]++] = new Candidate(all[i], residual, facets);
            }
        }

        return new Level(field, lists, all, [.. filed]);
    }

    /// <summary>The operands of a top-level <c>&amp;&amp;</c> chain, left to right (one item when it is not a conjunction).</summary>
    private static List<Expr> Conjuncts(Expr root)
    {
        var result = new List<Expr>();
        var pending = new Stack<Expr>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node is BinaryExpr { Operator: BinaryOperator.And } and)
            {
                pending.Push(and.Right);
                pending.Push(and.Left);
            }
            else
            {
                result.Add(node);
            }
        }

        return result;
    }

    /// <summary>
    /// The condition for events whose <paramref name="field"/> is <paramref name="ordinal"/>: the conjuncts that
    /// value does not already make true, compiled; null when no conjunct can be dropped (test the whole condition).
    /// </summary>
    private static Func<ChangeEvent, bool>? Residual(List<Expr> conjuncts, FieldDefinition field, int ordinal, ExpressionEnvironment environment)
    {
        var kept = conjuncts.Where(c => !HoldsFor(c, field, ordinal)).ToArray();
        if (kept.Length == conjuncts.Count)
        {
            return null;
        }

        var compiled = Array.ConvertAll(kept, c => ClosureCompiler.Compile(c, environment));
        return compiled.Length switch
        {
            0 => Candidate.Always,
            1 => compiled[0],
            2 => (compiled[0], compiled[1]) is var (a, b) ? e => a(e) && b(e) : null,
            _ => e =>
            {
                foreach (var p in compiled)
                {
                    if (!p(e))
                    {
                        return false;
                    }
                }

                return true;
            },
        };
    }

    /// <summary>Whether a conjunct is true on every event whose (always present) enum field has this ordinal.</summary>
    private static bool HoldsFor(Expr conjunct, FieldDefinition field, int ordinal) => conjunct switch
    {
        BinaryExpr { Operator: BinaryOperator.Equal, Left: IdentifierExpr { Field: var f }, Right: LiteralExpr { Ordinal: var o } }
            when ReferenceEquals(f, field) && o == ordinal => true,
        BinaryExpr { Operator: BinaryOperator.Equal, Left: LiteralExpr { Ordinal: var o }, Right: IdentifierExpr { Field: var f } }
            when ReferenceEquals(f, field) && o == ordinal => true,
        BinaryExpr { Operator: BinaryOperator.In, Left: IdentifierExpr { Field: var f }, Right: ListExpr list }
            when ReferenceEquals(f, field) && list.Items.Any(i => i is LiteralExpr { Ordinal: var o } && o == ordinal) => true,
        _ => false,
    };

    /// <summary>The rules filed under one field: a list per value, and all of them for an event without a usable value.</summary>
    private sealed class Level(FieldDefinition field, Candidate[][] byOrdinal, Rule[] rules, int[] filed)
    {
        private Candidate[]? _all;

        public FieldDefinition Field { get; } = field;

        public Candidate[][] ByOrdinal { get; } = byOrdinal;

        /// <summary>
        /// Every rule filed under the field, for an event whose value of it is unusable (which an always-present
        /// field seldom gives): built when first asked for.
        /// </summary>
        public Candidate[] All => LazyInitializer.EnsureInitialized(ref _all, () => Array.ConvertAll(filed, i => new Candidate(rules[i], null)));
    }

    /// <summary>
    /// The candidates of one event: up to <see cref="MaxFields"/> + 1 lists, each in policy order, merged as they are
    /// enumerated (the smallest <see cref="Rule.Index"/> at the heads first). A value type: enumerating allocates nothing.
    /// </summary>
    internal struct Candidates
    {
        private readonly Candidate[] _a;
        private Candidate[] _b;
        private Candidate[] _c;
        private Candidate[] _d;
        private int _ia;
        private int _ib;
        private int _ic;
        private int _id;
        private int _count;
        private Candidate _current;

        public Candidates(Candidate[] first)
        {
            _a = first;
            _b = _c = _d = [];
            _count = 1;
        }

        public readonly Candidate Current => _current;

        public void Add(Candidate[] list)
        {
            switch (_count++)
            {
                case 1:
                    _b = list;
                    break;
                case 2:
                    _c = list;
                    break;
                default:
                    _d = list;
                    break;
            }
        }

        public readonly Candidates GetEnumerator() => this;

        public bool MoveNext()
        {
            var best = int.MaxValue;
            var which = -1;
            if (_ia < _a.Length && _a[_ia].Index < best)
            {
                best = _a[_ia].Index;
                which = 0;
            }

            if (_ib < _b.Length && _b[_ib].Index < best)
            {
                best = _b[_ib].Index;
                which = 1;
            }

            if (_ic < _c.Length && _c[_ic].Index < best)
            {
                best = _c[_ic].Index;
                which = 2;
            }

            if (_id < _d.Length && _d[_id].Index < best)
            {
                which = 3;
            }

            switch (which)
            {
                case 0:
                    _current = _a[_ia++];
                    return true;
                case 1:
                    _current = _b[_ib++];
                    return true;
                case 2:
                    _current = _c[_ic++];
                    return true;
                case 3:
                    _current = _d[_id++];
                    return true;
                default:
                    return false;
            }
        }
    }
}
/// <summary>
/// A rule an event must visit, with what is left of its condition for the events that visit it, and what the walk
/// needs of the rule copied beside it (its place, its id, what it can decide), so that walking a long list of
/// candidates reads the list and not each rule object.
/// </summary>
internal readonly struct Candidate
{
    private static readonly Func<ChangeEvent, bool> AlwaysTrue = static _ => true;

    private readonly Func<ChangeEvent, bool>? _residual;

    /// <summary>Creates the candidate of a rule.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="residual">The condition specialized to the index value; null to test the rule's whole condition.</param>
    public Candidate(Rule rule, Func<ChangeEvent, bool>? residual)
        : this(rule, residual, RuleFacetMask.Of(rule))
    {
    }

    /// <summary>Creates the candidate of a rule whose <see cref="RuleFacetMask"/> is known.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="residual">The condition specialized to the index value; null to test the rule's whole condition.</param>
    /// <param name="facets">The rule's mask.</param>
    public Candidate(Rule rule, Func<ChangeEvent, bool>? residual, int facets)
    {
        Rule = rule;
        _residual = residual;
        Index = rule.Index;
        Id = rule.Id;
        Facets = facets;
        AlwaysMatches = ReferenceEquals(residual, AlwaysTrue);
    }

    /// <summary>The residual of a conjunction whose every conjunct the index value makes true.</summary>
    public static Func<ChangeEvent, bool> Always => AlwaysTrue;

    /// <summary>The rule.</summary>
    public Rule Rule { get; }

    /// <summary>The rule's <see cref="Rule.Index"/>: candidates are merged by it.</summary>
    public int Index { get; }

    /// <summary>The rule's id, for the trace.</summary>
    public string Id { get; }

    /// <summary>What the rule can decide (a <see cref="RuleFacetMask"/>), and whether it ends the walk.</summary>
    public int Facets { get; }

    /// <summary>Whether the index value alone makes the rule match (nothing is left to test).</summary>
    public bool AlwaysMatches { get; }

    /// <summary>Whether the rule matches the event; like <see cref="Condition.Evaluate"/>, never throws.</summary>
    public bool Matches(ChangeEvent e)
    {
        if (AlwaysMatches)
        {
            return true;
        }

        if (_residual is null)
        {
            return Rule.When.Evaluate(e);
        }

        try
        {
            return _residual(e);
        }
#pragma warning disable CA1031 // As Condition.Evaluate: a bug in a condition must not take a decision down.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
