using SlaEngine.Diagnostics;

namespace SlaEngine.Diagnostics;

/// <summary>
/// The position map of a text written verbatim on one line starting at a known location: expressions given from C#,
/// and tests. Offset <c>n</c> is <c>n</c> columns after the start.
/// </summary>
internal sealed class LinearPositionMap : IPositionMap
{
    private readonly SourceLocation _start;

    /// <summary>Creates a map for text starting at <paramref name="start"/>.</summary>
    public LinearPositionMap(SourceLocation start) => _start = start;

    /// <summary>A map for text that is its own file, <c>&lt;expression&gt;</c>, line 1 column 1.</summary>
    public static LinearPositionMap Standalone { get; } = new(new SourceLocation("<expression>", 1, 1));

    /// <inheritdoc/>
    public SourceLocation Map(int offset) =>
        _start.At(_start.Line, _start.Column + System.Math.Max(0, offset));
}
