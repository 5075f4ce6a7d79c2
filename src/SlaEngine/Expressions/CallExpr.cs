using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace SlaEngine.Expressions;

/// <summary>
/// A function call (<c>size(x)</c>, <c>has(f)</c>, <c>open("cal")</c>) or a method call on a
/// <see cref="Target"/> (<c>summary.contains("IVR")</c>). <see cref="NameStart"/> is the offset of the name.
/// </summary>
internal sealed record CallExpr(int Start, int Length, Expr? Target, string Name, int NameStart, ImmutableArray<Expr> Arguments)
    : Expr(Start, Length)
{
    /// <summary>The resolved function, set by the checker.</summary>
    public BuiltinFunction Function { get; init; }

    /// <summary>For <c>matches</c>, the pattern compiled once at load (non-backtracking, culture-invariant).</summary>
    public Regex? Pattern { get; init; }
}
