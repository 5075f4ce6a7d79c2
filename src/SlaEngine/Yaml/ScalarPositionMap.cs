using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using SlaEngine.Diagnostics;
using YamlDotNet.Core;

namespace SlaEngine.Yaml;

/// <summary>
/// Maps offsets in the <em>value</em> of a YAML scalar (what YamlDotNet hands the loader, after unquoting, unescaping
/// and line folding) back to the line and column where each character is written in the policy file, as cel-go's
/// policy source does for its embedded expressions.
/// </summary>
/// <remarks>
/// Handles plain, single-quoted (<c>''</c>), double-quoted (<c>\" \\ \n \x41 \u00e9 \U0001F600</c>, escaped line
/// breaks), literal (<c>|</c>) and folded (<c>&gt;</c>) scalars, including multi-line plain and quoted scalars whose
/// line breaks fold into spaces. A folded space or newline maps to the line break it came from; an offset past the
/// end maps just past the last character. CRLF and CR line breaks count as one; a leading byte-order mark is skipped
/// when the start mark does not count it. It never throws: on anything unexpected every offset maps to the scalar's
/// start mark.
/// </remarks>
internal sealed class ScalarPositionMap : IPositionMap
{
    private readonly string _file;
    private readonly (int Line, int Column)[] _positions;

    private ScalarPositionMap(string file, (int Line, int Column)[] positions, string value)
    {
        _file = file;
        _positions = positions;
        Value = value;
    }

    /// <summary>The scalar's value as this map reconstructed it (the same text YamlDotNet gives; checked by tests).</summary>
    internal string Value { get; }

    /// <summary>Creates the map of the scalar whose start mark YamlDotNet reported.</summary>
    /// <param name="fileText">The whole policy file, as parsed.</param>
    /// <param name="startIndex">The scalar's <c>Start.Index</c>: the character offset of its first character (quote or block indicator included).</param>
    /// <param name="startLine">The scalar's 1-based <c>Start.Line</c>.</param>
    /// <param name="startColumn">The scalar's 1-based <c>Start.Column</c>.</param>
    /// <param name="style">The scalar's style.</param>
    /// <param name="fileName">The file name used in diagnostics.</param>
    /// <returns>The map; never null, never throws.</returns>
    public static ScalarPositionMap Create(string fileText, int startIndex, int startLine, int startColumn, ScalarStyle style, string fileName = "<policy>")
    {
        try
        {
            var scanner = new Scanner(fileText ?? string.Empty, FindStart(fileText ?? string.Empty, startIndex, style), startLine, startColumn);
            switch (style)
            {
                case ScalarStyle.SingleQuoted:
                    scanner.Quoted('\'');
                    break;
                case ScalarStyle.DoubleQuoted:
                    scanner.Quoted('"');
                    break;
                case ScalarStyle.Literal:
                    scanner.Block(folded: false);
                    break;
                case ScalarStyle.Folded:
                    scanner.Block(folded: true);
                    break;
                default:
                    scanner.Plain();
                    break;
            }

            return new ScalarPositionMap(fileName, [.. scanner.Positions], scanner.Value.ToString());
        }
#pragma warning disable CA1031 // Must never throw: a diagnostic at the scalar's start is better than none.
        catch (Exception)
#pragma warning restore CA1031
        {
            return new ScalarPositionMap(fileName, [(Math.Max(1, startLine), Math.Max(1, startColumn))], string.Empty);
        }
    }

    /// <inheritdoc/>
    public SourceLocation Map(int offset)
    {
        var (line, column) = _positions[Math.Clamp(offset, 0, _positions.Length - 1)];
        return new SourceLocation(_file, line, column);
    }

    private static int FindStart(string text, int startIndex, ScalarStyle style)
    {
        static bool Fits(string text, int index, ScalarStyle style) =>
            index >= 0 && index < text.Length && style switch
            {
                ScalarStyle.SingleQuoted => text[index] == '\'',
                ScalarStyle.DoubleQuoted => text[index] == '"',
                ScalarStyle.Literal => text[index] == '|',
                ScalarStyle.Folded => text[index] == '>',
                _ => text[index] is not (' ' or '\t' or '\r' or '\n' or '\uFEFF'),
            };

        // A reader that dropped the byte-order mark counts one character less than this text holds.
        if (!Fits(text, startIndex, style) && text.Length > 0 && text[0] == '\uFEFF' && Fits(text, startIndex + 1, style))
        {
            return startIndex + 1;
        }

        return Math.Clamp(startIndex, 0, text.Length);
    }

    /// <summary>Walks the raw text, keeping line and column, and appends each value character with its position.</summary>
    private sealed class Scanner
    {
        private readonly string _text;
        private int _pos;
        private int _line;
        private int _column;

        public Scanner(string text, int pos, int line, int column)
        {
            _text = text;
            _pos = pos;
            _line = line;
            _column = column;
        }

        public List<(int Line, int Column)> Positions { get; } = [];

        public StringBuilder Value { get; } = new();

        private bool AtEnd => _pos >= _text.Length;

        private char Current => _pos < _text.Length ? _text[_pos] : '\0';

        private bool AtBreak => Current is '\r' or '\n';

        public void Plain()
        {
            var parentIndent = BlockIndentOfLineAt(_pos);
            var inFlow = OpensFlow(_pos);
            while (true)
            {
                // One line of content: up to a comment, a mapping indicator or the line break.
                var lastContent = Positions.Count;
                var endOfContent = Here();
                while (!AtEnd && !AtBreak)
                {
                    if (Current == ':' && (Peek(1) is ' ' or '\t' or '\r' or '\n' or '\0'))
                    {
                        Finish(lastContent, endOfContent);
                        return;
                    }

                    if (Current == '#' && _pos > 0 && _text[_pos - 1] is ' ' or '\t')
                    {
                        break;
                    }

                    if (inFlow && Current is ',' or '}' or ']' or '[' or '{')
                    {
                        Finish(lastContent, endOfContent);
                        return;
                    }

                    var isSpace = Current is ' ' or '\t';
                    Emit(Current);
                    if (!isSpace)
                    {
                        lastContent = Positions.Count;
                        endOfContent = Here();
                    }
                }

                // Trailing white space before a break is not part of the value.
                Truncate(lastContent);
                if (AtEnd || !AtBreak || !ContinuesOnNextLine(parentIndent))
                {
                    Finish(lastContent, endOfContent);
                    return;
                }

                if (!Fold(endOfContent, escaped: false))
                {
                    Finish(Positions.Count, endOfContent);
                    return;
                }
            }
        }

        public void Quoted(char quote)
        {
            Advance(); // the opening quote
            var lastContent = 0;
            var endOfContent = Here();
            while (!AtEnd)
            {
                var c = Current;
                if (c == quote)
                {
                    if (quote == '\'' && Peek(1) == '\'')
                    {
                        Emit('\'', advance: 2);
                        (lastContent, endOfContent) = (Positions.Count, Here());
                        continue;
                    }

                    Truncate(Positions.Count);
                    Positions.Add(Here()); // just past the end: the closing quote
                    return;
                }

                if (c is '\r' or '\n')
                {
                    Truncate(lastContent);
                    Fold(endOfContent, escaped: false);
                    (lastContent, endOfContent) = (Positions.Count, Here());
                    continue;
                }

                if (quote == '"' && c == '\\')
                {
                    if (Peek(1) is '\r' or '\n')
                    {
                        // An escaped line break joins the lines without a space.
                        Advance();
                        Fold(Here(), escaped: true);
                    }
                    else
                    {
                        Escape();
                    }

                    (lastContent, endOfContent) = (Positions.Count, Here());
                    continue;
                }

                Emit(c);
                if (c is not (' ' or '\t'))
                {
                    (lastContent, endOfContent) = (Positions.Count, Here());
                }
            }

            Positions.Add(Here());
        }

        public void Block(bool folded)
        {
            // The header: indicator, optional indentation digit and chomping, optional comment.
            var headerLineIndent = IndentOfLineAt(_pos);
            Advance();
            var explicitIndent = 0;
            var chomping = '\0';
            while (!AtEnd && !AtBreak && Current != '#')
            {
                if (Current is >= '1' and <= '9')
                {
                    explicitIndent = Current - '0';
                }
                else if (Current is '+' or '-')
                {
                    chomping = Current;
                }

                Advance();
            }

            while (!AtEnd && !AtBreak)
            {
                Advance();
            }

            if (AtEnd)
            {
                Positions.Add(Here());
                return;
            }

            SkipBreak(); // the header's line break
            var indent = explicitIndent > 0 ? headerLineIndent + explicitIndent : DetectIndent();
            var previousWasNormal = false;
            var pendingBreaks = new List<(int Line, int Column)>();
            var any = false;
            while (!AtEnd)
            {
                var lineIndent = IndentOfLineAt(_pos);
                var lineEnd = EndOfLine(_pos);
                var blank = _pos + lineIndent >= lineEnd || IsBlank(_pos + lineIndent, lineEnd);
                if (!blank && lineIndent < indent)
                {
                    break;
                }

                if (blank)
                {
                    while (!AtEnd && !AtBreak)
                    {
                        Advance();
                    }

                    pendingBreaks.Add(Here());
                    SkipBreak();
                    continue;
                }

                for (var i = 0; i < indent; i++)
                {
                    Advance();
                }

                var normal = Current is not (' ' or '\t');
                if (any)
                {
                    // pendingBreaks[0] is the break that ended the previous content line.
                    if (folded && previousWasNormal && normal)
                    {
                        if (pendingBreaks.Count == 1)
                        {
                            Value.Append(' ');
                            Positions.Add(pendingBreaks[0]);
                        }
                        else
                        {
                            for (var i = 1; i < pendingBreaks.Count; i++)
                            {
                                Value.Append('\n');
                                Positions.Add(pendingBreaks[i]);
                            }
                        }
                    }
                    else
                    {
                        foreach (var position in pendingBreaks)
                        {
                            Value.Append('\n');
                            Positions.Add(position);
                        }
                    }
                }
                else
                {
                    // Leading empty lines are kept as line breaks.
                    foreach (var position in pendingBreaks)
                    {
                        Value.Append('\n');
                        Positions.Add(position);
                    }
                }

                pendingBreaks.Clear();
                while (!AtEnd && !AtBreak)
                {
                    Emit(Current);
                }

                pendingBreaks.Add(Here());
                SkipBreak();
                any = true;
                previousWasNormal = normal;
            }

            // Chomping: strip drops every final break, clip keeps one, keep keeps them all.
            var end = Positions.Count;
            var keep = chomping == '+' ? pendingBreaks.Count : chomping == '-' || !any ? 0 : 1;
            for (var i = 0; i < keep && i < pendingBreaks.Count; i++)
            {
                Value.Append('\n');
                Positions.Add(pendingBreaks[i]);
            }

            Positions.Add(end < Positions.Count ? Positions[end] : Here());
        }

        /// <summary>
        /// The indentation of the block node a plain scalar belongs to: the leading spaces of its first line,
        /// counting sequence entries (<c>- </c>) as indentation.
        /// </summary>
        private int BlockIndentOfLineAt(int pos)
        {
            var start = pos;
            while (start > 0 && _text[start - 1] is not ('\r' or '\n'))
            {
                start--;
            }

            var i = start;
            while (i < pos && (_text[i] == ' ' || (_text[i] == '-' && i + 1 < _text.Length && _text[i + 1] == ' ')))
            {
                i++;
            }

            if (start < _text.Length && _text[start] == '\uFEFF')
            {
                i = Math.Max(i, start + 1);
            }

            return i - start;
        }

        /// <summary>Whether a flow collection (<c>{</c> or <c>[</c>) is open before <paramref name="pos"/> on its line.</summary>
        private bool OpensFlow(int pos)
        {
            var depth = 0;
            for (var i = pos - 1; i >= 0 && _text[i] is not ('\r' or '\n'); i--)
            {
                depth += _text[i] switch { '{' or '[' => 1, '}' or ']' => -1, _ => 0 };
            }

            return depth > 0;
        }

        /// <summary>Whether the next non-empty line continues a plain scalar: more indented than its block, not a comment.</summary>
        private bool ContinuesOnNextLine(int parentIndent)
        {
            var scan = NextLineStart(_pos);
            while (scan < _text.Length)
            {
                var end = EndOfLine(scan);
                var indent = 0;
                while (scan + indent < end && _text[scan + indent] is ' ' or '\t')
                {
                    indent++;
                }

                if (scan + indent < end)
                {
                    var first = _text[scan + indent];
                    var documentMarker = indent == 0 && end - scan >= 3 && (_text.AsSpan(scan, 3).SequenceEqual("---") || _text.AsSpan(scan, 3).SequenceEqual("..."));
                    return indent > parentIndent && first != '#' && !documentMarker;
                }

                scan = NextLineStart(end);
            }

            return false;
        }

        private int DetectIndent()
        {
            var scan = _pos;
            while (scan < _text.Length)
            {
                var indent = IndentOfLineAt(scan);
                var end = EndOfLine(scan);
                if (!IsBlank(scan + indent, end))
                {
                    return indent;
                }

                scan = NextLineStart(end);
            }

            return 1;
        }

        private bool IsBlank(int from, int end)
        {
            for (var i = from; i < end; i++)
            {
                if (_text[i] is not (' ' or '\t'))
                {
                    return false;
                }
            }

            return true;
        }

        private int IndentOfLineAt(int pos)
        {
            var start = pos;
            while (start > 0 && _text[start - 1] is not ('\r' or '\n'))
            {
                start--;
            }

            var i = start;
            while (i < _text.Length && _text[i] == ' ')
            {
                i++;
            }

            return i - start;
        }

        private int EndOfLine(int pos)
        {
            while (pos < _text.Length && _text[pos] is not ('\r' or '\n'))
            {
                pos++;
            }

            return pos;
        }

        private int NextLineStart(int endOfLine)
        {
            if (endOfLine < _text.Length && _text[endOfLine] == '\r')
            {
                endOfLine++;
            }

            if (endOfLine < _text.Length && _text[endOfLine] == '\n')
            {
                endOfLine++;
            }

            return endOfLine;
        }

        /// <summary>
        /// At a line break inside a flow scalar: a single break folds into a space (at <paramref name="breakAt"/>),
        /// each following empty line gives a newline; the next line's leading white space is dropped.
        /// An escaped break (<c>\</c> at the end of the line) gives no space. Returns false at the end of the text.
        /// </summary>
        private bool Fold((int Line, int Column) breakAt, bool escaped)
        {
            var empties = new List<(int, int)>();
            SkipBreak();
            while (true)
            {
                while (Current is ' ' or '\t')
                {
                    Advance();
                }

                if (!AtBreak)
                {
                    break;
                }

                empties.Add(Here());
                SkipBreak();
            }

            if (empties.Count == 0)
            {
                if (!escaped)
                {
                    Value.Append(' ');
                    Positions.Add(breakAt);
                }
            }
            else
            {
                foreach (var position in empties)
                {
                    Value.Append('\n');
                    Positions.Add(position);
                }
            }

            return !AtEnd;
        }

        private void SkipBreak()
        {
            if (Current == '\r')
            {
                Advance();
                if (Current == '\n')
                {
                    Advance(); // CRLF is one line break
                }
            }
            else if (Current == '\n')
            {
                Advance();
            }
        }

        private void Escape()
        {
            var at = Here();
            var e = Peek(1);
            var hexDigits = e switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
            if (hexDigits > 0)
            {
                var code = int.Parse(_text.AsSpan(_pos + 2, hexDigits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
                var decoded = char.ConvertFromUtf32(code);
                foreach (var c in decoded)
                {
                    Value.Append(c);
                    Positions.Add(at);
                }

                Skip(2 + hexDigits);
                return;
            }

            var single = e switch
            {
                '0' => '\0',
                'a' => '\a',
                'b' => '\b',
                't' or '\t' => '\t',
                'n' => '\n',
                'v' => '\v',
                'f' => '\f',
                'r' => '\r',
                'e' => '\u001b',
                'N' => '\u0085',
                '_' => '\u00a0',
                'L' => '\u2028',
                'P' => '\u2029',
                _ => e, // \" \\ \/ \space
            };
            Value.Append(single);
            Positions.Add(at);
            Skip(2);
        }

        private void Finish(int keep, (int Line, int Column) endOfContent)
        {
            Truncate(keep);
            Positions.Add(endOfContent);
        }

        private void Truncate(int count)
        {
            if (Positions.Count > count)
            {
                Value.Length -= Positions.Count - count;
                Positions.RemoveRange(count, Positions.Count - count);
            }
        }

        private (int Line, int Column) Here() => (_line, _column);

        private char Peek(int ahead) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

        private void Emit(char c, int advance = 1)
        {
            Value.Append(c);
            Positions.Add(Here());
            Skip(advance);
        }

        private void Skip(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Advance();
            }
        }

        private void Advance()
        {
            if (_pos >= _text.Length)
            {
                return;
            }

            var c = _text[_pos++];
            if (c == '\n' || (c == '\r' && Current != '\n'))
            {
                _line++;
                _column = 1;
            }
            else if (c != '\r')
            {
                _column++;
            }
        }
    }
}
