namespace SlaEngine.Expressions;

/// <summary>The kinds of token of the rules language.</summary>
internal enum TokenKind : byte
{
    End = 0,
    /// <summary>A token the lexer could not read; a diagnostic has been reported.</summary>
    Bad,
    Identifier,
    Integer,
    String,
    True,
    False,
    Null,
    OrOr,
    AndAnd,
    Bang,
    EqualEqual,
    BangEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    In,
    LeftParen,
    RightParen,
    LeftBracket,
    RightBracket,
    Comma,
    Dot,
}
