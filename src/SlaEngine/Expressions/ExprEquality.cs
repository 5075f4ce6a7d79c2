using System;
using System.Collections.Generic;

namespace SlaEngine.Expressions;

/// <summary>
/// Structural equality of typed expression trees that ignores source positions (record equality compares them):
/// the same shape, operators, functions, identifier names, literal values and type kinds. Trees from two policies
/// compare by names, so a condition copied unchanged into another version of a policy is equal to the original.
/// </summary>
internal sealed class ExprEquality : IEqualityComparer<Expr>
{
    /// <summary>The comparer.</summary>
    public static readonly ExprEquality Instance = new();

    private const int MaxDepth = 256;

    /// <summary>Whether two trees are equal; trees deeper than the expression limit compare unequal.</summary>
    public bool Equals(Expr? x, Expr? y) => Same(x, y, 0);

    /// <summary>A hash over the tree's shape and names, consistent with <see cref="Equals(Expr?, Expr?)"/>.</summary>
    public int GetHashCode(Expr obj) => Hash(obj, 0);

    private static bool Same(Expr? x, Expr? y, int depth)
    {
        if (x is null || y is null)
        {
            return x is null && y is null;
        }

        if (depth > MaxDepth || x.GetType() != y.GetType() || x.Type.Kind != y.Type.Kind)
        {
            return false;
        }

        return (x, y) switch
        {
            (LiteralExpr a, LiteralExpr b) => Equals(a.Value, b.Value),
            (IdentifierExpr a, IdentifierExpr b) => a.Name == b.Name,
            (NotExpr a, NotExpr b) => Same(a.Operand, b.Operand, depth + 1),
            (BinaryExpr a, BinaryExpr b) => a.Operator == b.Operator && Same(a.Left, b.Left, depth + 1) && Same(a.Right, b.Right, depth + 1),
            (CallExpr a, CallExpr b) => a.Name == b.Name && Same(a.Target, b.Target, depth + 1) && All(a.Arguments, b.Arguments, depth),
            (ListExpr a, ListExpr b) => All(a.Items, b.Items, depth),
            _ => false,
        };
    }

    private static bool All(System.Collections.Immutable.ImmutableArray<Expr> a, System.Collections.Immutable.ImmutableArray<Expr> b, int depth)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (!Same(a[i], b[i], depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private static int Hash(Expr? e, int depth)
    {
        if (e is null || depth > 8)
        {
            return 0;
        }

        return e switch
        {
            LiteralExpr l => HashCode.Combine(1, l.Value),
            IdentifierExpr i => HashCode.Combine(2, i.Name),
            NotExpr n => HashCode.Combine(3, Hash(n.Operand, depth + 1)),
            BinaryExpr b => HashCode.Combine(4, b.Operator, Hash(b.Left, depth + 1), Hash(b.Right, depth + 1)),
            CallExpr c => HashCode.Combine(5, c.Name, Hash(c.Target, depth + 1), c.Arguments.Length),
            ListExpr l => HashCode.Combine(6, l.Items.Length),
            _ => 7,
        };
    }
}
