namespace SlaEngine.Expressions;

/// <summary>
/// A token: its kind, where it is in the expression text, and its value (the decoded text of a string, the
/// <see cref="long"/> of an integer, the name of an identifier).
/// </summary>
/// <param name="Kind">The kind.</param>
/// <param name="Start">The offset of the first character.</param>
/// <param name="Length">The length in the text.</param>
/// <param name="Value">The decoded value, or null.</param>
/// <param name="Spelling">How the operator was written (<c>and</c> or <c>&amp;&amp;</c>), for messages.</param>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, object? Value = null, string? Spelling = null)
{
    public int End => Start + Length;
}
