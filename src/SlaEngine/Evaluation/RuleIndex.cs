using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SlaEngine.Evaluation;
using SlaEngine.Events;
using SlaEngine.Expressions.Logic;
using SlaEngine.Expressions;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>
/// Candidate rules per value of one always-present enum field, decided at load from what each rule's condition can
/// match (a sound over-approximation), so an event visits only the rules that could match it, still in policy order.
/// Within a value's list, a rule whose <c>when</c> is a conjunction with a conjunct that the value makes true
/// (<c>category == "routing" &amp;&amp; …</c> in the list of <c>routing</c>) is tested on the other conjuncts only.
/// </summary>
internal sealed class RuleIndex
{
    private readonly Candidate[] _all;
    private readonly Candidate[][]? _byOrdinal;

    private RuleIndex(Candidate[] all, FieldDefinition? field, Candidate[][]? byOrdinal, Rule[] rules)
    {
        _all = all;
        Field = field;
        _byOrdinal = byOrdinal;
        Facets = RuleFacets.Build(rules);
    }

    /// <summary>The trace entries of each rule, by <see cref="Rule.Index"/>, built once so decisions share them.</summary>
    public RuleFacets[] Facets { get; }

    /// <summary>The field the rules are indexed by, or null when no field constrains enough rules to be worth it.</summary>
    public FieldDefinition? Field { get; }

    /// <summary>The rules an event must visit, in policy order.</summary>
    public ReadOnlySpan<Candidate> CandidatesFor(ChangeEvent e)
    {
        if (_byOrdinal is null || Field is null)
        {
            return _all;
        }

        ref readonly var value = ref e[Field.Slot];
        return value.Kind == FieldValueKind.Enum && (ulong)value.Number < (ulong)_byOrdinal.Length ? _byOrdinal[value.Number] : _all;
    }

    public static RuleIndex Build(ImmutableArray<Rule> rules, EventSchema schema) => Build(rules, schema, null);

    /// <summary>Builds the index; with the environment the conditions were compiled in, it also specializes them per value.</summary>
    public static RuleIndex Build(ImmutableArray<Rule> rules, EventSchema schema, ExpressionEnvironment? environment)
    {
        var all = rules.ToArray();
        var candidates = Array.ConvertAll(all, r => new Candidate(r, null));
        FieldDefinition? best = null;
        IReadOnlySet<int>?[]? bestSets = null;
        var bestCount = 0;
        foreach (var field in schema.Fields)
        {
            if (field.Type != FieldType.Enum || (field.IsRequired == false && !field.HasDefault))
            {
                continue;
            }

            var sets = all.Select(r => r.HasWhen ? ConditionAnalysis.PossibleEnumOrdinals(r.When, field) : null).ToArray();
            var count = sets.Count(s => s is not null);
            if (count > bestCount)
            {
                best = field;
                bestSets = sets;
                bestCount = count;
            }
        }

        if (best is null || bestSets is null)
        {
            return new RuleIndex(candidates, null, null, all);
        }

        var byOrdinal = new Candidate[best.EnumValues.Length][];
        var lists = new List<Candidate>[byOrdinal.Length];
        for (var ordinal = 0; ordinal < lists.Length; ordinal++)
        {
            lists[ordinal] = [];
        }

        for (var i = 0; i < all.Length; i++)
        {
            var conjuncts = environment is not null && all[i].HasWhen ? Conjuncts(all[i].When.Syntax) : null;
            for (var ordinal = 0; ordinal < lists.Length; ordinal++)
            {
                if (bestSets[i] is { } set && !set.Contains(ordinal))
                {
                    continue;
                }

                var residual = conjuncts is null ? null : Residual(conjuncts, best, ordinal, environment!);
                lists[ordinal].Add(residual is null ? candidates[i] : new Candidate(all[i], residual));
            }
        }

        for (var ordinal = 0; ordinal < lists.Length; ordinal++)
        {
            byOrdinal[ordinal] = [.. lists[ordinal]];
        }

        return new RuleIndex(candidates, best, byOrdinal, all);
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
            0 => static _ => true,
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
}

/// <summary>A rule an event must visit, with what is left of its condition for the events that visit it.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Residual">The condition specialized to the index value; null to test the rule's whole condition.</param>
internal readonly record struct Candidate(Rule Rule, Func<ChangeEvent, bool>? Residual)
{
    /// <summary>Whether the rule matches the event; like <see cref="Condition.Evaluate"/>, never throws.</summary>
    public bool Matches(ChangeEvent e)
    {
        if (Residual is null)
        {
            return Rule.When.Evaluate(e);
        }

        try
        {
            return Residual(e);
        }
#pragma warning disable CA1031 // As Condition.Evaluate: a bug in a condition must not take a decision down.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
