using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.ExceptionServices;
using SlaEngine.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SlaEngine.Yaml;

/// <summary>
/// Reads YAML text into <see cref="YamlNode"/>s with positions, reporting syntax errors, anchors, aliases,
/// duplicate keys, non-scalar keys and excessive nesting as diagnostics. Never throws for any input.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>How deep mappings and sequences may nest; policies need far less.</summary>
    public const int MaxDepth = 64;

    public static YamlNode? Read(string text, string file, DiagnosticBag diagnostics) => Read(text, file, diagnostics, null);

    /// <summary>
    /// Reads the text; when <paramref name="observer"/> is given, each item of the first sequence under its key in the
    /// root mapping is handed to it as soon as the item is read, and that sequence is kept in the tree without them.
    /// </summary>
    public static YamlNode? Read(string text, string file, DiagnosticBag diagnostics, SequenceObserver? observer)
    {
        // YamlDotNet takes a NUL for the end of the stream (a NUL at the start or end of a file was silently
        // dropped) and passes other characters YAML forbids into values: refuse them where they stand.
        var forbidden = IndexOfForbiddenCharacter(text);
        if (forbidden >= 0)
        {
            var (line, column) = PositionOf(text, forbidden);
            diagnostics.Error(
                DiagnosticCodes.YamlSyntax,
                new SourceLocation(file, line, column),
                string.Create(CultureInfo.InvariantCulture, $"YAML syntax error: the character U+{(int)text[forbidden]:X4} is not allowed in a YAML file (a control character); remove it or write it as an escape in a double-quoted string"));
            return null;
        }

        var parser = new Parser(new StringReader(text));
        var reader = new State(parser, file, diagnostics, observer);
        try
        {
            return reader.ReadDocument();
        }
        catch (HandOverFault fault)
        {
            // A fault of the observer is the caller's, not the YAML's: it leaves as it was thrown.
            ExceptionDispatchInfo.Throw(fault.InnerException!);
            throw;
        }
        catch (YamlException ex)
        {
            var at = ErrorLocation(ex, text, file, reader.LastRead);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, at, "YAML syntax error: " + CleanMessage(ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // YamlDotNet may throw these on malformed input, without a position and with a message about its own state
            // ("Operation is not valid due to the current state of the object"): they are syntax errors where reading
            // stopped, said in words a user can act on.
            var at = ErrorLocation(new YamlException(Mark.Empty, Mark.Empty, ex.Message), text, file, reader.LastRead);
            var what = ex is InvalidOperationException
                ? "the YAML cannot be read past this point; look here for an unclosed '[' or '{', a missing quote, or a line indented less than the mapping it belongs to"
                : CleanMessage(ex.Message);
            diagnostics.Error(DiagnosticCodes.YamlSyntax, at, "YAML syntax error: " + what);
            return null;
        }
    }

    /// <summary>
    /// The 1-based line and column of a character, counting line breaks as YamlDotNet does (CR LF, CR, LF, NEL, LS, PS)
    /// and columns in UTF-16 code units.
    /// </summary>
    internal static (int Line, int Column) PositionOf(string text, int index)
    {
        int line = 1, lineStart = 0;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                continue;
            }

            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, index - lineStart + 1);
    }

    /// <summary>The index of the first character outside YAML's printable set (tab, line ends and BOM allowed), or -1.</summary>
    private static int IndexOfForbiddenCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < '\u0020' ? c is not ('\t' or '\n' or '\r') : c is '\u007F' or (>= '\u0080' and <= '\u009F' and not '\u0085') or '\uFFFE' or '\uFFFF')
            {
                return i;
            }
        }

        return -1;
    }

    private static SourceLocation ErrorLocation(YamlException ex, string text, string file, Mark lastRead)
    {
        // "found a tab character that violates indentation" points at the scalar being read (often the line above):
        // the token at fault is the indenting tab itself.
        if (ex.Message.Contains("tab character", StringComparison.OrdinalIgnoreCase)
            && IndexOfIndentingTab(text, (int)Math.Clamp(ex.Start.Index, 0, text.Length)) is var tabIndex and >= 0)
        {
            var (line, column) = PositionOf(text, tabIndex);
            return new SourceLocation(file, line, column);
        }

        if (ex.Start.Index > 0 || ex.End.Index > 0 || lastRead.Index == 0)
        {
            return new SourceLocation(file, (int)Math.Max(1, ex.Start.Line), (int)Math.Max(1, ex.Start.Column));
        }

        // Some scanner errors (a tab used as indentation) come without a position, which would point at 1:1:
        // find the first indenting tab after the last token read, or else say where reading stopped.
        var lines = text.Split('\n');
        for (var i = (int)Math.Min(lastRead.Line, lines.Length); i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', 0, indent);
            if (tab >= 0)
            {
                return new SourceLocation(file, i + 1, tab + 1);
            }
        }

        return new SourceLocation(file, (int)Math.Max(1, lastRead.Line), (int)Math.Max(1, lastRead.Column));
    }

    /// <summary>The index of the first tab at or after <paramref name="from"/> with only blanks before it on its line, or -1.</summary>
    private static int IndexOfIndentingTab(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            if (text[i] != '\t')
            {
                continue;
            }

            var j = i - 1;
            while (j >= 0 && text[j] is ' ' or '\t')
            {
                j--;
            }

            if (j < 0 || text[j] is '\n' or '\r')
            {
                return i;
            }
        }

        return -1;
    }

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the position is already in the diagnostic.
        var idx = message.LastIndexOf("): ", StringComparison.Ordinal);
        var text = idx >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(idx + 3)..] : message;
        return text.Length > 300 ? text[..300] + "…" : text;
    }

    private sealed class State(IParser parser, string file, DiagnosticBag diagnostics, SequenceObserver? observer)
    {
        /// <summary>Where the last event read ends; the best position for an error YamlDotNet gives none for.</summary>
        public Mark LastRead { get; private set; } = Mark.Empty;

        public YamlNode? ReadDocument()
        {
            YamlNode? root = null;
            var documents = 0;
            while (Next() is not null)
            {
                switch (parser.Current)
                {
                    case DocumentStart start:
                        documents++;
                        if (documents > 1)
                        {
                            diagnostics.Error(DiagnosticCodes.YamlSyntax, At(start.Start), "a policy file holds one YAML document; a second one starts here");
                            return root;
                        }

                        break;
                    case DocumentEnd or StreamStart or StreamEnd:
                        break;
                    case { } ev:
                        root = ReadNode(ev, 1);
                        break;
                }
            }

            return root;
        }

        private SourceLocation At(Mark mark) =>
            new(file, (int)Math.Clamp(mark.Line, 1, int.MaxValue), (int)Math.Clamp(mark.Column, 1, int.MaxValue));

        /// <summary>
        /// Reports a tag other than YAML's own (<c>!!str</c>): in a policy it is almost always an expression starting
        /// with <c>!</c> left unquoted, which YAML reads as a tag and drops from the value. An anchor on the same node
        /// (<c>!x &amp;&amp; y</c>) is part of that misreading and is not reported again.
        /// </summary>
        private void ReportTag(NodeEvent ev)
        {
            if (!HasForeignTag(ev))
            {
                ReportAnchor(ev);
                return;
            }

            diagnostics.Error(
                DiagnosticCodes.TagNotAllowed,
                At(ev.Start),
                $"YAML tag '{Shorten(ev.Tag.Value)}' is not allowed here: a value that starts with '!' is read as a tag, so quote it (for example when: '{Shorten(ev.Tag.Value)} ...')");
        }

        private static bool HasForeignTag(NodeEvent ev) =>
            !ev.Tag.IsEmpty && !ev.Tag.Value.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal);

        private bool ReportAnchor(NodeEvent ev)
        {
            if (ev.Anchor.IsEmpty)
            {
                return false;
            }

            diagnostics.Error(
                DiagnosticCodes.AliasNotAllowed,
                At(ev.Start),
                string.Create(CultureInfo.InvariantCulture, $"YAML anchor '&{ev.Anchor.Value}' is not allowed: SlaEngine rejects anchors and aliases (write the value out)"));
            return true;
        }

        private YamlNode ReadNode(ParsingEvent ev, int depth, Action<YamlNode>? handOver = null)
        {
            switch (ev)
            {
                case AnchorAlias alias:
                    diagnostics.Error(
                        DiagnosticCodes.AliasNotAllowed,
                        At(alias.Start),
                        $"YAML alias '*{alias.Value.Value}' is not allowed: SlaEngine rejects anchors and aliases (write the value out)");
                    return new YamlPoisoned(At(alias.Start));
                case Scalar scalar:
                    ReportTag(scalar);
                    if (HasForeignTag(scalar))
                    {
                        // The value YAML kept is what was left after the tag: reading on would only report that remnant.
                        return new YamlPoisoned(At(scalar.Start));
                    }

                    return new YamlScalar(scalar.Value, scalar.Style, At(scalar.Start), (int)Math.Clamp(scalar.Start.Index, 0, int.MaxValue));
                case MappingStart mapping:
                    ReportTag(mapping);
                    return depth > MaxDepth ? SkipTooDeep(mapping) : ReadMapping(mapping, depth);
                case SequenceStart sequence:
                    ReportTag(sequence);
                    return depth > MaxDepth ? SkipTooDeep(sequence) : ReadSequence(sequence, depth, handOver);
                default:
                    return new YamlPoisoned(At(ev.Start));
            }
        }

        private YamlPoisoned SkipTooDeep(ParsingEvent start)
        {
            diagnostics.Error(
                DiagnosticCodes.WrongNodeType,
                At(start.Start),
                string.Create(CultureInfo.InvariantCulture, $"YAML nesting deeper than {MaxDepth} levels is not allowed"));
            var level = 1;
            while (level > 0 && Next() is not null)
            {
                level += parser.Current switch
                {
                    MappingStart or SequenceStart => 1,
                    MappingEnd or SequenceEnd => -1,
                    _ => 0,
                };
            }

            return new YamlPoisoned(At(start.Start));
        }

        private YamlMapping ReadMapping(MappingStart start, int depth)
        {
            var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
            HashSet<string>? seen = null;
            while (Next() is { } ev && ev is not MappingEnd)
            {
                var keyNode = ReadNode(ev, depth + 1);
                var valueEvent = Next();
                if (valueEvent is null)
                {
                    break;
                }

                // The first sequence under the observed key of the root mapping is handed over item by item.
                var observed = depth == 1 && observer is { Sequence: null } && valueEvent is SequenceStart
                    && keyNode is YamlScalar { Value: var keyText } && keyText == observer.Key;
                var value = ReadNode(valueEvent, depth + 1, observed ? observer!.Item : null);
                if (observed)
                {
                    observer!.Sequence = value as YamlSequence;
                }

                if (keyNode is not YamlScalar key)
                {
                    if (keyNode is not YamlPoisoned)
                    {
                        diagnostics.Error(DiagnosticCodes.WrongNodeType, keyNode.Location, "a mapping key must be a plain name, not " + keyNode.ShapeName);
                    }

                    continue;
                }

                if (IsDuplicate(entries, ref seen, key.Value))
                {
                    diagnostics.Error(DiagnosticCodes.DuplicateKey, key.Location, $"duplicate key '{Shorten(key.Value)}' in the same mapping");
                    continue;
                }

                entries.Add(new KeyValuePair<YamlScalar, YamlNode>(key, value));
            }

            return new YamlMapping(At(start.Start), entries);
        }

        /// <summary>
        /// Whether a key is already among the entries. A policy's mappings are mostly small (a rule has a handful of
        /// keys), so they are scanned; a set of the keys is built only once a mapping grows past a few entries.
        /// </summary>
        private static bool IsDuplicate(List<KeyValuePair<YamlScalar, YamlNode>> entries, ref HashSet<string>? seen, string key)
        {
            const int ScanLimit = 8;
            if (seen is null && entries.Count < ScanLimit)
            {
                foreach (var entry in entries)
                {
                    if (entry.Key.Value == key)
                    {
                        return true;
                    }
                }

                return false;
            }

            if (seen is null)
            {
                seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var entry in entries)
                {
                    seen.Add(entry.Key.Value);
                }
            }

            return !seen.Add(key);
        }

        /// <summary>Reads a sequence; with <paramref name="handOver"/>, its items go there instead of into the node.</summary>
        private YamlSequence ReadSequence(SequenceStart start, int depth, Action<YamlNode>? handOver)
        {
            var items = new List<YamlNode>();
            while (Next() is { } ev && ev is not SequenceEnd)
            {
                var item = ReadNode(ev, depth + 1);
                if (handOver is null)
                {
                    items.Add(item);
                }
                else
                {
                    try
                    {
                        handOver(item);
                    }
#pragma warning disable CA1031 // Carried out of the reader's own catches, and rethrown as it was by Read.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        throw new HandOverFault(ex);
                    }
                }
            }

            return new YamlSequence(At(start.Start), items);
        }

        private ParsingEvent? Next()
        {
            if (!parser.MoveNext())
            {
                return null;
            }

            LastRead = parser.Current!.End;
            return parser.Current;
        }
    }

    internal static string Shorten(string value) => Text.Excerpt.Shorten(value);

    /// <summary>Carries a fault of a <see cref="SequenceObserver"/> past the catches that turn YamlDotNet's faults into diagnostics.</summary>
    private sealed class HandOverFault(Exception inner) : Exception("a sequence observer failed", inner);
}
