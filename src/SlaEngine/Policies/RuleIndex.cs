using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SlaEngine.Evaluation;
using SlaEngine.Events;
using SlaEngine.Expressions;

namespace SlaEngine.Policies;

/// <summary>
/// Candidate rules per value of one always-present enum field, decided at load from what each rule's condition can
/// match (a sound over-approximation), so an event visits only the rules that could match it, still in policy order.
/// </summary>
internal sealed class RuleIndex
{
    private readonly Rule[] _all;
    private readonly Rule[][]? _byOrdinal;

    private RuleIndex(Rule[] all, FieldDefinition? field, Rule[][]? byOrdinal)
    {
        _all = all;
        Field = field;
        _byOrdinal = byOrdinal;
        Facets = RuleFacets.Build(all);
    }

    /// <summary>The trace entries of each rule, by <see cref="Rule.Index"/>, built once so decisions share them.</summary>
    public RuleFacets[] Facets { get; }

    /// <summary>The field the rules are indexed by, or null when no field constrains enough rules to be worth it.</summary>
    public FieldDefinition? Field { get; }

    /// <summary>The rules an event must visit, in policy order.</summary>
    public ReadOnlySpan<Rule> CandidatesFor(ChangeEvent e)
    {
        if (_byOrdinal is null || Field is null)
        {
            return _all;
        }

        ref readonly var value = ref e[Field.Slot];
        return value.Kind == FieldValueKind.Enum && (ulong)value.Number < (ulong)_byOrdinal.Length ? _byOrdinal[value.Number] : _all;
    }

    public static RuleIndex Build(ImmutableArray<Rule> rules, EventSchema schema)
    {
        var all = rules.ToArray();
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
            return new RuleIndex(all, null, null);
        }

        var byOrdinal = new Rule[best.EnumValues.Length][];
        for (var ordinal = 0; ordinal < byOrdinal.Length; ordinal++)
        {
            var list = new List<Rule>();
            for (var i = 0; i < all.Length; i++)
            {
                if (bestSets[i] is not { } set || set.Contains(ordinal))
                {
                    list.Add(all[i]);
                }
            }

            byOrdinal[ordinal] = [.. list];
        }

        return new RuleIndex(all, best, byOrdinal);
    }
}
