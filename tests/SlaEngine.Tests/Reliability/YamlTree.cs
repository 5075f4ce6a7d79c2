using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using CsCheck;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace SlaEngine.Tests.Reliability;

/// <summary>A mutable YAML tree for node-level mutation, kept separate from the loader's reader; mappings may hold a key twice.</summary>
internal static class YamlTree
{
    public abstract class Node;

    public sealed class Scalar(string text) : Node
    {
        public string Text { get; set; } = text;
    }

    public sealed class Seq(List<Node> items) : Node
    {
        public List<Node> Items { get; } = items;
    }

    public sealed class Map(List<(Node Key, Node Value)> entries) : Node
    {
        public List<(Node Key, Node Value)> Entries { get; } = entries;
    }

    public static Node? Parse(string text)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 0 ? null : From(stream.Documents[0].RootNode);
        }
        catch (Exception)
        {
            return null;
        }
    }

    public static IEnumerable<Node> All(Node root)
    {
        yield return root;
        var children = root switch
        {
            Seq s => s.Items,
            Map m => m.Entries.SelectMany(e => new[] { e.Key, e.Value }),
            _ => [],
        };
        foreach (var child in children.ToList())
        {
            foreach (var n in All(child))
            {
                yield return n;
            }
        }
    }

    public static Node Clone(Node node) => node switch
    {
        Scalar s => new Scalar(s.Text),
        Seq s => new Seq([.. s.Items.Select(Clone)]),
        Map m => new Map([.. m.Entries.Select(e => (Clone(e.Key), Clone(e.Value)))]),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };

    public static void Replace(Node root, Node target, Node replacement)
    {
        // Materialized first: the replacement may hold the target (a wrapper), and must not be visited again.
        foreach (var n in All(root).ToList())
        {
            switch (n)
            {
                case Seq s:
                    for (var i = 0; i < s.Items.Count; i++)
                    {
                        if (ReferenceEquals(s.Items[i], target))
                        {
                            s.Items[i] = replacement;
                            return;
                        }
                    }

                    break;
                case Map m:
                    for (var i = 0; i < m.Entries.Count; i++)
                    {
                        if (ReferenceEquals(m.Entries[i].Value, target))
                        {
                            m.Entries[i] = (m.Entries[i].Key, replacement);
                            return;
                        }
                    }

                    break;
            }
        }
    }

    public static string Emit(Node root)
    {
        var sb = new StringBuilder();
        Block(sb, root, 0);
        return sb.ToString();
    }

    private static Node From(YamlNode node) => node switch
    {
        YamlScalarNode s => new Scalar(s.Value ?? string.Empty),
        YamlSequenceNode s => new Seq([.. s.Children.Select(From)]),
        YamlMappingNode m => new Map([.. m.Children.Select(e => (From(e.Key), From(e.Value)))]),
        _ => new Scalar(string.Empty),
    };

    private static void Block(StringBuilder sb, Node node, int indent)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case Map { Entries.Count: > 0 } m:
                foreach (var (key, value) in m.Entries)
                {
                    sb.Append(pad).Append(Flow(key)).Append(':');
                    if (value is Map { Entries.Count: > 0 } or Seq { Items.Count: > 0 })
                    {
                        sb.Append('\n');
                        Block(sb, value, indent + 2);
                    }
                    else
                    {
                        sb.Append(' ').Append(Flow(value)).Append('\n');
                    }
                }

                break;
            case Seq { Items.Count: > 0 } s:
                foreach (var item in s.Items)
                {
                    sb.Append(pad).Append("- ").Append(Flow(item)).Append('\n');
                }

                break;
            default:
                sb.Append(pad).Append(Flow(node)).Append('\n');
                break;
        }
    }

    private static string Flow(Node node) => node switch
    {
        Scalar s => Quote(s.Text),
        Seq s => "[" + string.Join(", ", s.Items.Select(Flow)) + "]",
        Map m => "{" + string.Join(", ", m.Entries.Select(e => Flow(e.Key) + ": " + Flow(e.Value))) + "}",
        _ => "~",
    };

    private static string Quote(string text)
    {
        if (text.Length > 0 && Regex.IsMatch(text, @"^[A-Za-z0-9_./+-][A-Za-z0-9_./+ -]*$", RegexOptions.CultureInvariant) && !text.EndsWith(' '))
        {
            return text;
        }

        var sb = new StringBuilder("\"");
        foreach (var ch in text)
        {
            sb.Append(ch switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(ch) => $"\\u{(int)ch:x4}",
                _ => ch.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }
}
