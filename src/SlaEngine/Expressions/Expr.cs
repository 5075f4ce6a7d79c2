namespace SlaEngine.Expressions;

/// <summary>
/// A node of the typed syntax tree of a condition. Immutable. Every node knows where it is in the expression text
/// (<see cref="Start"/>, <see cref="Length"/>, in UTF-16 code units) and, once checked, its <see cref="Type"/>.
/// </summary>
/// <remarks>
/// The parser builds nodes with <see cref="ExprType.Error"/> as type; the checker returns a new tree whose nodes
/// carry resolved types, fields, enum and team ordinals. The tree is kept beside the compiled delegate so that later
/// tooling (a semantic diff of two policies, rule indexing) can reason about conditions.
/// </remarks>
internal abstract record Expr(int Start, int Length)
{
    /// <summary>The static type, set by the checker.</summary>
    public ExprType Type { get; init; } = ExprType.Error;

    /// <summary>The offset just past the node.</summary>
    public int End => Start + Length;
}
