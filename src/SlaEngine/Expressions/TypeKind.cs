namespace SlaEngine.Expressions;

/// <summary>The kind of a value in the rules language.</summary>
internal enum TypeKind : byte
{
    /// <summary>Not yet checked, or unknown because of an earlier error (never reported twice).</summary>
    Error = 0,
    Null,
    Bool,
    Int,
    String,
    Enum,
    Team,
    Instant,
    List,
}
