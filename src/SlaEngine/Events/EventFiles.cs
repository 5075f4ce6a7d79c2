using System;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using SlaEngine.Diagnostics;
using SlaEngine.Yaml;

namespace SlaEngine.Events;

/// <summary>
/// Reads event and timeline input files as the <c>slaengine</c> tool does, for hosts that take files too: a bounded
/// read, text as the byte order mark says (strict UTF-8 without one), and a batch split into JSON documents with the
/// 1-based line and column of broken JSON.
/// </summary>
public static class EventFiles
{
    /// <summary>The largest event or timeline file read: 64 MiB (a batch of events may be larger than a policy).</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The input name in the location of a batch's errors.</summary>
    internal const string BatchInput = "<events>";

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// Reads an event or timeline file as text, reading at most one byte more than <see cref="MaxBytes"/> whatever
    /// size the file reports (<c>/dev/zero</c> reports 0 and never ends). A UTF-16 byte order mark is followed;
    /// otherwise the bytes must be UTF-8: a byte that is not is refused with its offset, line and column rather than
    /// read as U+FFFD, which would change the value it is in. Never throws for a bad path.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="text">The text, without a byte order mark, when read.</param>
    /// <param name="error">
    /// Why the file was not read, without its name, as the tool prints it after the name: <c>cannot read: …</c>
    /// (missing, a directory, too large, unreadable) or <c>not valid UTF-8 at byte …</c>.
    /// </param>
    /// <returns>Whether the file was read.</returns>
    public static bool TryReadText(string path, out string text, out string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        text = string.Empty;
        if (!BoundedFile.TryRead(path, MaxBytes, out var bytes, out _, out var why))
        {
            error = $"cannot read: {why}";
            return false;
        }

        if (!SourceText.TryDecodeInput(bytes, out text, out var bad))
        {
            error = $"not valid UTF-8 at byte {bad.Offset} (line {bad.Line}, column {bad.Column}); save the file as UTF-8";
            return false;
        }

        error = string.Empty;
        return true;
    }

    /// <summary>
    /// Splits a batch into JSON documents: one object, the items of an array, or one object per line (JSON lines).
    /// Never throws for bad input.
    /// </summary>
    /// <param name="text">The batch.</param>
    /// <param name="documents">The documents, in order, when the text is JSON.</param>
    /// <param name="error">
    /// Why the text is not JSON, when it is not: the message and the location give the 1-based line and column of the
    /// text where reading stopped (for JSON lines, the line of the broken object).
    /// </param>
    /// <returns>Whether the text is JSON.</returns>
    public static bool TrySplit(string text, out ImmutableArray<JsonElement> documents, [NotNullWhen(false)] out Diagnostic? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        documents = [];
        error = null;
        try
        {
            using var doc = JsonDocument.Parse(text, Options);
            var root = doc.RootElement.Clone();
            documents = root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : [root];
            return true;
        }
        catch (JsonException whole) when (text.Contains('\n', StringComparison.Ordinal))
        {
            // JSON lines, or one document broken somewhere: JSON lines when the first line is a document by itself.
            var lines = text.Split('\n');
            var result = ImmutableArray.CreateBuilder<JsonElement>();
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                try
                {
                    using var doc = JsonDocument.Parse(line, Options);
                    result.Add(doc.RootElement.Clone());
                }
                catch (JsonException) when (result.Count == 0)
                {
                    error = NotJson(whole, 1, string.Empty);
                    return false;
                }
                catch (JsonException ex)
                {
                    error = NotJson(ex, i + 1, " (JSON lines: one event per line)");
                    return false;
                }
            }

            documents = result.ToImmutable();
            return true;
        }
        catch (JsonException ex)
        {
            error = NotJson(ex, 1, string.Empty);
            return false;
        }
    }

    private static Diagnostic NotJson(JsonException ex, int firstLine, string hint)
    {
        var at = ex.LineNumber is { } line
            ? new SourceLocation(BatchInput, (int)line + firstLine, (int)(ex.BytePositionInLine ?? 0) + 1)
            : new SourceLocation(BatchInput, 0, 0);
        return new Diagnostic(DiagnosticCodes.MalformedEvent, DiagnosticSeverity.Error, $"not valid JSON at {JsonErrorText.Describe(ex, firstLine)}{hint}", at);
    }
}
