using System;
using System.Globalization;

namespace SlaEngine.Diagnostics;

/// <summary>
/// Where a problem is: in a source file, the file name as given to the loader and a 1-based line and column, the
/// first character of the offending token; in an input without lines (an event, a timeline), line and column 0 and
/// the <see cref="Path"/> of the value at fault, with the timeline <see cref="Entry"/> when there is one.
/// </summary>
/// <param name="File">The file name as given to the loader (a path or a display name such as <c>&lt;string&gt;</c>, <c>&lt;event&gt;</c>).</param>
/// <param name="Line">The 1-based line; 0 when the input has no lines.</param>
/// <param name="Column">The 1-based column; 0 when the input has no lines.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>The path of the value at fault inside an input of values, such as <c>category</c>; null when there is none.</summary>
    public string? Path { get; init; }

    /// <summary>The timeline entry at fault (0 is the submission); null when the input is not a timeline or no entry is at fault.</summary>
    public int? Entry { get; init; }

    /// <summary>
    /// Formats the location as <c>file:line:col</c>, the form compilers use; without a line, as the input's name, the
    /// entry and the path (<c>&lt;timeline&gt; entry 2 status</c>).
    /// </summary>
    /// <returns>The location text.</returns>
    public override string ToString() => Line > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}")
        : string.Create(CultureInfo.InvariantCulture, $"{File}{(Entry is { } e ? $" entry {e}" : string.Empty)}{(Path is { } p ? $" {p}" : string.Empty)}");

    /// <summary>Returns the same file at another line and column.</summary>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    /// <returns>The new location.</returns>
    public SourceLocation At(int line, int column) => new(File, Math.Max(1, line), Math.Max(1, column));
}
