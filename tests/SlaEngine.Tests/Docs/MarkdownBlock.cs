using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace SlaEngine.Tests.Docs;

/// <summary>A fenced code block of a Markdown file, with the HTML comment that marks it, if any.</summary>
/// <param name="File">The Markdown file, relative to the repository root.</param>
/// <param name="Line">The 1-based line of the opening fence.</param>
/// <param name="Language">The fence's language (<c>yaml</c>, <c>csharp</c>, …).</param>
/// <param name="Text">The block's text, without the fences.</param>
/// <param name="Marker">The comment on the nearest non-blank line above the fence, such as <c>fails: SLA1004</c>; null when there is none.</param>
internal sealed partial record MarkdownBlock(string File, int Line, string Language, string Text, string? Marker)
{
    /// <summary>The README, the packages' README and every page under docs/.</summary>
    public static IEnumerable<string> DocumentFiles()
    {
        var root = TestFiles.RepositoryRoot;
        yield return "README.md";
        yield return "src/PACKAGE.md";
        foreach (var page in Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            yield return Path.GetRelativePath(root, page).Replace('\\', '/');
        }
    }

    /// <summary>Every fenced block of every document.</summary>
    public static IEnumerable<MarkdownBlock> All() => DocumentFiles().SelectMany(Read);

    /// <summary>The fenced blocks of one document.</summary>
    public static IEnumerable<MarkdownBlock> Read(string file)
    {
        var lines = System.IO.File.ReadAllLines(Path.Combine(TestFiles.RepositoryRoot, file));
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (!open.Success)
            {
                continue;
            }

            var start = i;
            var body = new List<string>();
            for (i++; i < lines.Length && lines[i].TrimEnd() != "```"; i++)
            {
                body.Add(lines[i]);
            }

            string? marker = null;
            for (var j = start - 1; j >= 0; j--)
            {
                if (lines[j].Trim().Length == 0)
                {
                    continue;
                }

                var comment = Comment().Match(lines[j]);
                marker = comment.Success ? comment.Groups[1].Value.Trim() : null;
                break;
            }

            yield return new MarkdownBlock(file, start + 1, open.Groups[1].Value, string.Join("\n", body) + "\n", marker);
        }
    }

    /// <summary>The first line that is not blank and not a YAML comment.</summary>
    public string FirstContentLine =>
        Text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#')) ?? string.Empty;

    public override string ToString() => $"{File}:{Line}";

    [GeneratedRegex(@"^```(\w+)\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"^\s*<!--(.*)-->\s*$")]
    private static partial Regex Comment();
}
