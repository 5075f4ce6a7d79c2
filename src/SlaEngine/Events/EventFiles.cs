using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using SlaEngine.Yaml;

namespace SlaEngine.Events;

/// <summary>
/// Reads event and timeline input files as the <c>slaengine</c> tool does, for hosts that take files too: a bounded
/// read, text as the byte order mark says (UTF-8 without one), and a batch split into JSON documents.
/// </summary>
public static class EventFiles
{
    /// <summary>The largest event or timeline file read: 64 MiB (a batch of events may be larger than a policy).</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// Reads an event or timeline file as text, reading at most one byte more than <see cref="MaxBytes"/> whatever
    /// size the file reports (<c>/dev/zero</c> reports 0 and never ends). Never throws for a bad path.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="text">The text, without a byte order mark, when read.</param>
    /// <param name="error">Why the file was not read (missing, a directory, too large, unreadable), without its name.</param>
    /// <returns>Whether the file was read.</returns>
    public static bool TryReadText(string path, out string text, out string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!BoundedFile.TryRead(path, MaxBytes, out var bytes, out _, out error))
        {
            text = string.Empty;
            return false;
        }

        text = SourceText.DecodeLenient(bytes);
        return true;
    }

    /// <summary>Splits a batch into JSON documents: one object, the items of an array, or one object per line.</summary>
    /// <param name="text">The batch.</param>
    /// <returns>The documents, in order.</returns>
    /// <exception cref="JsonException">The text (or, for JSON lines, one of its lines) is not JSON.</exception>
    internal static List<JsonElement> SplitDocuments(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, Options);
            var root = doc.RootElement.Clone();
            return root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : [root];
        }
        catch (JsonException) when (text.Contains('\n', StringComparison.Ordinal))
        {
            var result = new List<JsonElement>();
            foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                using var doc = JsonDocument.Parse(line, Options);
                result.Add(doc.RootElement.Clone());
            }

            return result;
        }
    }
}
