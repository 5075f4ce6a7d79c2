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

    public static string? ReadText(FileInfo file, TextWriter stderr)
    {
        try
        {
            return File.ReadAllText(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{file}: cannot read: {ex.Message}");
            return null;
        }
    }
}
