using System.Collections.Immutable;

namespace SlaEngine.Expressions;

/// <summary>A list literal: <c>["routing", "queue"]</c>.</summary>
internal sealed record ListExpr(int Start, int Length, ImmutableArray<Expr> Items) : Expr(Start, Length);
