using System.Threading;
using SlaEngine.Diagnostics;
using YamlDotNet.Core;

namespace SlaEngine.Yaml;

/// <summary>
/// The <see cref="ScalarPositionMap"/> of a scalar, built only when an offset other than the start is asked for.
/// A condition that compiles without a diagnostic asks only where it starts, and for a scalar whose first value
/// character is written right at its start mark (plain) or right after its opening quote, that needs no scan:
/// a policy of many rules then never pays for the maps of its valid conditions.
/// </summary>
internal sealed class DeferredPositionMap : IPositionMap
{
    private readonly string _fileText;
    private readonly int _startIndex;
    private readonly int _startLine;
    private readonly int _startColumn;
    private readonly ScalarStyle _style;
    private readonly string _fileName;
    private readonly SourceLocation? _start;
    private ScalarPositionMap? _map;

    /// <summary>Creates the deferred map of a scalar; see <see cref="ScalarPositionMap.Create"/> for the arguments.</summary>
    /// <param name="fileText">The whole policy file, as parsed.</param>
    /// <param name="value">The scalar's value, as YamlDotNet gave it.</param>
    /// <param name="startIndex">The scalar's start index.</param>
    /// <param name="startLine">The scalar's 1-based start line.</param>
    /// <param name="startColumn">The scalar's 1-based start column.</param>
    /// <param name="style">The scalar's style.</param>
    /// <param name="fileName">The file name used in diagnostics.</param>
    public DeferredPositionMap(string fileText, string value, int startIndex, int startLine, int startColumn, ScalarStyle style, string fileName)
    {
        _fileText = fileText;
        _startIndex = startIndex;
        _startLine = startLine;
        _startColumn = startColumn;
        _style = style;
        _fileName = fileName;
        _start = StartWithoutScan(fileText, value, startIndex, startLine, startColumn, style, fileName);
    }

    /// <inheritdoc/>
    public SourceLocation Map(int offset)
    {
        if (offset == 0 && _start is { } start)
        {
            return start;
        }

        var map = Volatile.Read(ref _map);
        if (map is null)
        {
            // Building twice on a race gives equal maps; either may be kept.
            map = ScalarPositionMap.Create(_fileText, _startIndex, _startLine, _startColumn, _style, _fileName);
            Volatile.Write(ref _map, map);
        }

        return map.Map(offset);
    }

    /// <summary>
    /// Where the value's first character is written, when that is certain without a scan: the start mark of a plain
    /// scalar whose text at that index starts the value, or the column after the opening quote of a quoted scalar
    /// whose first value character is on the quote's line and written as itself. Null in every other case.
    /// </summary>
    private static SourceLocation? StartWithoutScan(string text, string value, int startIndex, int line, int column, ScalarStyle style, string file)
    {
        if (value.Length == 0 || (uint)startIndex >= (uint)text.Length || line < 1 || column < 1)
        {
            return null;
        }

        switch (style)
        {
            case ScalarStyle.Plain or ScalarStyle.Any:
                // The start mark is the first character of a plain scalar, and its value begins with that character.
                return text[startIndex] == value[0] ? new SourceLocation(file, line, column) : null;
            case ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted:
                var quote = style == ScalarStyle.SingleQuoted ? '\'' : '"';
                if (startIndex + 1 >= text.Length || text[startIndex] != quote)
                {
                    return null;
                }

                var first = text[startIndex + 1];
                // A blank may be folded away, a quote or backslash may begin an escape: those are left to the scan.
                return first == value[0] && first is not (' ' or '\t' or '\r' or '\n' or '\'' or '"' or '\\')
                    ? new SourceLocation(file, line, column + 1)
                    : null;
            default:
                return null;
        }
    }
}
