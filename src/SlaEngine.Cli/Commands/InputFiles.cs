using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace SlaEngine.Cli.Commands;

/// <summary>Reads event and timeline input files: a JSON object, a JSON array, or JSON lines.</summary>
internal static class InputFiles
{
    /// <summary>Splits a file into JSON documents: one object, the items of an array, or one object per line.</summary>
    public static List<JsonElement> ReadJsonDocuments(string text)
    {
        var options = new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
        try
        {
            using var doc = JsonDocument.Parse(text, options);
            var root = doc.RootElement.Clone();
            return root.ValueKind == JsonValueKind.Array ? [.. root.EnumerateArray()] : [root];
        }
        catch (JsonException) when (text.Contains('\n', StringComparison.Ordinal))
        {
            var result = new List<JsonElement>();
            foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                using var doc = JsonDocument.Parse(line, options);
                result.Add(doc.RootElement.Clone());
            }

            return result;
        }
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

        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
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
