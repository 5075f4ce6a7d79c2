using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace SlaEngine.Tests.Acceptance;

/// <summary>
/// One case of a bad-policies <c>cases.yaml</c> (the shared acceptance format): where the error must be reported,
/// the words its message must contain and, where the file says so, how many errors the defect may give.
/// </summary>
internal sealed record BadPolicyCase(int Line, int Column, IReadOnlyList<string> Contains, int? Errors)
{
    /// <summary>Reads a <c>cases.yaml</c>: file name → case.</summary>
    public static Dictionary<string, BadPolicyCase> Read(string casesPath)
    {
        if (!File.Exists(casesPath))
        {
            throw new InvalidOperationException($"The bad-policy cases are missing: expected {casesPath}.");
        }

        var stream = new YamlStream();
        using (var reader = new StreamReader(casesPath))
        {
            stream.Load(reader);
        }

        var cases = new Dictionary<string, BadPolicyCase>(StringComparer.Ordinal);
        foreach (var item in ((YamlSequenceNode)stream.Documents[0].RootNode).Children.Cast<YamlMappingNode>())
        {
            string? Text(string key) => item.Children.TryGetValue(new YamlScalarNode(key), out var node) ? ((YamlScalarNode)node).Value : null;
            int Number(string key) => int.Parse(Text(key)!, CultureInfo.InvariantCulture);
            var words = ((YamlSequenceNode)item.Children[new YamlScalarNode("contains")]).Children.Select(w => ((YamlScalarNode)w).Value!).ToList();
            cases.Add(Text("file")!, new BadPolicyCase(Number("line"), Number("column"), words, Text("errors") is null ? null : Number("errors")));
        }

        return cases;
    }

    /// <summary>
    /// Whether a formatted error (<c>FILE:LINE:COL: error CODE: MESSAGE</c>) of <paramref name="path"/> is this case's:
    /// at its line and column, with every word in its message (case-insensitive).
    /// </summary>
    public bool IsMatchedBy(string formatted, string path) =>
        formatted.StartsWith($"{path}:{Line}:{Column}: error SLA", StringComparison.Ordinal)
        && Contains.All(word => MessageOf(formatted).Contains(word, StringComparison.OrdinalIgnoreCase));

    private static string MessageOf(string formatted)
    {
        // The message follows the second ": " after the position.
        var afterSeverity = formatted.IndexOf(": error ", StringComparison.Ordinal) + ": error ".Length;
        var afterCode = formatted.IndexOf(": ", afterSeverity, StringComparison.Ordinal) + 2;
        return formatted[afterCode..];
    }
}
