using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SlaEngine.Cli.Commands;

/// <summary>Reads event and timeline input files: a JSON object, a JSON array, or JSON lines.</summary>
internal static class InputFiles
{
    /// <summary>
    /// Splits a file into JSON documents: one object, the items of an array, or one object per line; null, and where
    /// the JSON is broken (1-based line and column of the file), when it is none of these.
    /// </summary>
    public static List<JsonElement>? ReadJsonDocuments(string text, out string? error)
    {
        error = null;
        var options = new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
        try
        {
            using var doc = JsonDocument.Parse(text, options);
            var root = doc.RootElement.Clone();
            return root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : [root];
        }
        catch (JsonException whole) when (text.Contains('\n', StringComparison.Ordinal))
        {
            // JSON lines, or one document broken somewhere: JSON lines when the first line is a document by itself.
            var lines = text.Split('\n');
            var result = new List<JsonElement>();
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0)
                {
                    continue;
                }

                try
                {
                    using var doc = JsonDocument.Parse(line, options);
                    result.Add(doc.RootElement.Clone());
                }
                catch (JsonException) when (result.Count == 0)
                {
                    error = $"not valid JSON at {Position(whole, 1)}";
                    return null;
                }
                catch (JsonException ex)
                {
                    error = $"not valid JSON at {Position(ex, i + 1)} (JSON lines: one event per line)";
                    return null;
                }
            }

            return result;
        }
        catch (JsonException ex)
        {
            error = $"not valid JSON at {Position(ex, 1)}";
            return null;
        }
    }

    // System.Text.Json counts lines and columns from 0 ("LineNumber: 0" for an error on line 3 of JSON lines).
    private static string Position(JsonException ex, int firstLine)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal) is var p and >= 0 ? p : message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        var what = (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return ex.LineNumber is { } line ? $"line {line + firstLine}, column {(ex.BytePositionInLine ?? 0) + 1}: {what}" : what;
    }

    /// <summary>The largest event or timeline file read: 64 MiB (a batch of events may be larger than a policy).</summary>
    public const int MaxInputBytes = 64 * 1024 * 1024;

    /// <summary>
    /// Reads an event or timeline file as text (UTF-8, or as its byte order mark says), reading at most one byte more
    /// than <see cref="MaxInputBytes"/> whatever the size the file reports (<c>/dev/zero</c> reports 0 and never ends).
    /// </summary>
    public static string? ReadText(FileInfo file, TextWriter stderr)
    {
        if (ReadBytes(file.FullName, MaxInputBytes, out var bytes) is { } error)
        {
            stderr.WriteLine($"{file}: cannot read: {error}");
            return null;
        }

        if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }) || bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            // A UTF-16 (or UTF-32) byte order mark: the encoding it names.
            using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }

        // UTF-8, strictly: a byte that is not UTF-8 used to become U+FFFD silently, changing the value it was in.
        var start = bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? 3 : 0;
        var chars = new char[bytes.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes.AsSpan(start), chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            var before = new string(chars, 0, written);
            var line = 1 + before.Count(c => c == '\n');
            var column = written - (before.LastIndexOf('\n') + 1) + 1;
            stderr.WriteLine($"{file}: not valid UTF-8 at byte {start + read} (line {line}, column {column}); save the file as UTF-8");
            return null;
        }

        return new string(chars, 0, written);
    }

    /// <summary>Reads a whole file of at most <paramref name="max"/> bytes; returns why not, or null.</summary>
    private static string? ReadBytes(string path, int max, out byte[] bytes)
    {
        bytes = [];
        try
        {
            if (Directory.Exists(path))
            {
                return "it is a directory, not a file";
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > max)
                {
                    return $"larger than the {max / (1024 * 1024)} MiB limit";
                }
            }

            bytes = buffer.ToArray();
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return ex.Message;
        }
    }
}
