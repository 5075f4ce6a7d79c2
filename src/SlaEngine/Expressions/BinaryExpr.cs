namespace SlaEngine.Expressions;

/// <summary>
/// A binary operation: <c>||</c>, <c>&amp;&amp;</c>, a comparison, <c>in</c> or <c>not in</c>.
/// <see cref="OperatorStart"/> is the offset of the operator token.
/// </summary>
internal sealed record BinaryExpr(int Start, int Length, BinaryOperator Operator, int OperatorStart, Expr Left, Expr Right)
    : Expr(Start, Length)
{
    /// <summary>The operator as written in the canonical form (<c>&amp;&amp;</c> for <c>and</c>).</summary>
    public string OperatorText => Operator switch
    {
        BinaryOperator.Or => "||",
        BinaryOperator.And => "&&",
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.In => "in",
        _ => "not in",
    };

    /// <summary>Whether the operator is one of <c>&lt; &lt;= &gt; &gt;=</c>.</summary>
    public bool IsOrdering => Operator is BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual;
}
