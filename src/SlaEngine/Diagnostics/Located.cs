namespace SlaEngine.Diagnostics;

/// <summary>A value and where its token starts.</summary>
internal readonly record struct Located<T>(T Value, SourceLocation Location);
