namespace SlaEngine.Expressions;

/// <summary>The functions of the rules language, resolved by the checker.</summary>
internal enum BuiltinFunction : byte
{
    /// <summary>Not resolved (before checking, or unknown).</summary>
    None = 0,
    StringContains,
    StartsWith,
    EndsWith,
    Matches,
    Lower,
    Upper,
    Size,
    ListContains,
    Has,
    Open,

    /// <summary><c>changed(field)</c>: the timeline entry gave the field a value different from the previous entry's (clock conditions only).</summary>
    Changed,
}
