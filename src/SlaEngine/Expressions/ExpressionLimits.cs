namespace SlaEngine.Expressions;

/// <summary>The limits of the rules language (docs/rules-language.md, "Limits"): beyond them, a diagnostic, never a stack overflow.</summary>
internal static class ExpressionLimits
{
    /// <summary>The longest expression, in characters.</summary>
    public const int MaxLength = 4096;

    /// <summary>The deepest nesting of parentheses, lists, calls and negations.</summary>
    public const int MaxDepth = 64;

    /// <summary>The most items in one list literal.</summary>
    public const int MaxListItems = 1000;
}
