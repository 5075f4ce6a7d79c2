namespace SlaEngine.Expressions;

/// <summary>The binary operators of the rules language.</summary>
internal enum BinaryOperator : byte
{
    Or,
    And,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    NotIn,
}
