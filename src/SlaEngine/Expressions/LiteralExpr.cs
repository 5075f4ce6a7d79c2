namespace SlaEngine.Expressions;

/// <summary>
/// A literal: <c>"text"</c>, <c>42</c>, <c>true</c>, <c>false</c> or <c>null</c>. <see cref="Value"/> is a
/// <see cref="string"/>, <see cref="long"/>, <see cref="bool"/> or null. After checking, a string literal compared
/// with an enum or team field has that type and its <see cref="Ordinal"/> (declaration order).
/// </summary>
internal sealed record LiteralExpr(int Start, int Length, object? Value) : Expr(Start, Length)
{
    /// <summary>For a string literal typed as an enum value or a team id, its ordinal; otherwise -1.</summary>
    public int Ordinal { get; init; } = -1;
}
