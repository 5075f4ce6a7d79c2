using System.Collections.Generic;
using System.Linq;
using SlaEngine.Events;

namespace SlaEngine.Expressions.Logic;

/// <summary>Static analyses of compiled conditions, for indexing rules at load.</summary>
internal static class ConditionAnalysis
{
    /// <summary>
    /// A sound over-approximation of the ordinals of <paramref name="field"/> (an enum every event carries) for which
    /// <paramref name="c"/> can be true; null when the condition does not constrain the field (or the field may be
    /// absent). <c>&amp;&amp;</c> intersects, <c>||</c> unions, <c>!</c> complements only exact sets.
    /// </summary>
    public static IReadOnlySet<int>? PossibleEnumOrdinals(Condition c, FieldDefinition field)
    {
        if (field.Type != FieldType.Enum || (field.IsRequired == false && !field.HasDefault))
        {
            return null;
        }

        var count = field.EnumValues.Length;
        var result = Analyze(c.Syntax, field, count, depth: 0);
        if (result.Set is null)
        {
            return null;
        }

        var set = new HashSet<int>();
        for (var i = 0; i < count; i++)
        {
            if (result.Set[i])
            {
                set.Add(i);
            }
        }

        return set;
    }

    /// <summary>A set of ordinals (null = all) and whether it is exact (the condition holds exactly for those).</summary>
    private readonly record struct Possible(bool[]? Set, bool Exact);

    private static Possible Analyze(Expr expr, FieldDefinition field, int count, int depth)
    {
        if (depth > 200)
        {
            return new Possible(null, false);
        }

        switch (expr)
        {
            case LiteralExpr { Value: bool constant }:
                return constant ? new Possible(null, true) : new Possible(new bool[count], true);
            case NotExpr not:
            {
                var inner = Analyze(not.Operand, field, count, depth + 1);
                return inner.Exact ? new Possible(Complement(inner.Set, count), true) : new Possible(null, false);
            }

            case BinaryExpr { Operator: BinaryOperator.And } and:
            {
                var left = Analyze(and.Left, field, count, depth + 1);
                var right = Analyze(and.Right, field, count, depth + 1);
                // Intersection is sound; exact only when both sides are exact on this field alone.
                return new Possible(Intersect(left.Set, right.Set, count), left.Exact && right.Exact);
            }

            case BinaryExpr { Operator: BinaryOperator.Or } or:
            {
                var left = Analyze(or.Left, field, count, depth + 1);
                var right = Analyze(or.Right, field, count, depth + 1);
                return new Possible(Union(left.Set, right.Set, count), left.Exact && right.Exact);
            }

            case BinaryExpr comparison:
                return Compare(comparison, field, count);
            default:
                return new Possible(null, false);
        }
    }

    private static Possible Compare(BinaryExpr comparison, FieldDefinition field, int count)
    {
        var op = comparison.Operator;
        var (left, right) = (comparison.Left, comparison.Right);
        if (right is IdentifierExpr { Field: var rf } && ReferenceEquals(rf, field) && left is LiteralExpr { Ordinal: >= 0 })
        {
            // "P2" >= priority is priority <= "P2".
            (left, right) = (right, left);
            op = op switch
            {
                BinaryOperator.Less => BinaryOperator.Greater,
                BinaryOperator.LessOrEqual => BinaryOperator.GreaterOrEqual,
                BinaryOperator.Greater => BinaryOperator.Less,
                BinaryOperator.GreaterOrEqual => BinaryOperator.LessOrEqual,
                _ => op,
            };
        }

        if (left is not IdentifierExpr { Field: var lf } || !ReferenceEquals(lf, field))
        {
            return new Possible(null, false);
        }

        if (op is BinaryOperator.In or BinaryOperator.NotIn)
        {
            if (right is not ListExpr list || !list.Items.All(i => i is LiteralExpr { Ordinal: >= 0 }))
            {
                return new Possible(null, false);
            }

            var set = new bool[count];
            foreach (var item in list.Items)
            {
                set[((LiteralExpr)item).Ordinal] = true;
            }

            return new Possible(op == BinaryOperator.In ? set : Complement(set, count), true);
        }

        if (right is not LiteralExpr { Ordinal: >= 0 } literal)
        {
            return new Possible(null, false);
        }

        var ordinal = literal.Ordinal;
        var result = new bool[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = op switch
            {
                BinaryOperator.Equal => i == ordinal,
                BinaryOperator.NotEqual => i != ordinal,
                BinaryOperator.Less => i < ordinal,
                BinaryOperator.LessOrEqual => i <= ordinal,
                BinaryOperator.Greater => i > ordinal,
                BinaryOperator.GreaterOrEqual => i >= ordinal,
                _ => true,
            };
        }

        return new Possible(result, true);
    }

    private static bool[]? Complement(bool[]? set, int count)
    {
        if (set is null)
        {
            return new bool[count]; // not (anything) on an exact "all" = none
        }

        var result = new bool[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = !set[i];
        }

        return result;
    }

    private static bool[]? Intersect(bool[]? a, bool[]? b, int count)
    {
        if (a is null)
        {
            return b;
        }

        if (b is null)
        {
            return a;
        }

        var result = new bool[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = a[i] && b[i];
        }

        return result;
    }

    private static bool[]? Union(bool[]? a, bool[]? b, int count)
    {
        if (a is null || b is null)
        {
            return null;
        }

        var result = new bool[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = a[i] || b[i];
        }

        return result;
    }
}
