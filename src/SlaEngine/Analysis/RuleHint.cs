using System;
using System.Collections.Generic;
using System.Linq;
using SlaEngine.Expressions.Logic;

namespace SlaEngine.Analysis;

/// <summary>
/// For a condition, the fields its top-level conjuncts pin to finite sets of values (<c>category == "a"</c>,
/// <c>priority &lt;= "P2"</c>, <c>emergency</c>), by field name: a sound, cheap over-approximation, used only to skip
/// rules that can never match together with the rule being checked.
/// </summary>
internal sealed class RuleHint
{
    /// <summary>Per field name, the values the condition allows.</summary>
    public Dictionary<string, HashSet<Value>> Sets { get; } = new(StringComparer.Ordinal);

    /// <summary>The hint of a condition.</summary>
    public static RuleHint Of(Formula when)
    {
        var hint = new RuleHint();
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

    /// <summary>False when the hints prove that no event matches both conditions.</summary>
    public static bool MayOverlap(RuleHint a, RuleHint b)
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

    /// <summary>The values an equality or a membership allows (an ordering of an enum field is lowered to one).</summary>
    private static HashSet<Value>? Values(TestFormula t)
    {
        var test = t.Test;
        return test.Kind switch
        {
            FieldTestKind.Equal or FieldTestKind.In => test.IsText ? [.. test.Texts.Select(x => new Value(0, x))] : [.. test.Numbers.Select(n => new Value(n, null))],
            _ => null,
        };
    }

    /// <summary>A value in a hint: a number (int, bool) or a text (string, enum value name, team id).</summary>
    internal readonly record struct Value(long Number, string? Text);
}
