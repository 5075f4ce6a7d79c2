namespace SlaEngine.Expressions;

/// <summary>Logical negation: <c>!x</c> or <c>not x</c>.</summary>
internal sealed record NotExpr(int Start, int Length, Expr Operand) : Expr(Start, Length);
