namespace SlaEngine.Expressions;

/// <summary>Stands for a part of the text that could not be parsed; a diagnostic has been reported for it.</summary>
internal sealed record ErrorExpr(int Start, int Length) : Expr(Start, Length);
