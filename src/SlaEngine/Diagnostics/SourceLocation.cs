using System;
using System.Globalization;

namespace SlaEngine.Diagnostics;

/// <summary>
/// A position in a source file: the file name as given to the loader and a 1-based line and column,
/// the first character of the offending token.
/// </summary>
/// <param name="File">The file name as given to the loader (a path or a display name such as <c>&lt;string&gt;</c>).</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>Formats the location as <c>file:line:col</c>, the form compilers use.</summary>
    /// <returns>The location text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");

    /// <summary>Returns the same file at another line and column.</summary>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    /// <returns>The new location.</returns>
    public SourceLocation At(int line, int column) => new(File, Math.Max(1, line), Math.Max(1, column));
}
