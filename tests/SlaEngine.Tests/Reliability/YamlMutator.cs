using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace SlaEngine.Tests.Reliability;

/// <summary>How deep a mutation goes: raw bytes, tokens of the text, or nodes of the YAML tree.</summary>
internal enum MutationLevel
{
    Byte,
    Token,
    Node,
}

/// <summary>
/// Byte, token and YAML-node mutation of a corpus of YAML files, for every YAML input of the fuzz tests
/// (policies, test suites, events). Deterministic for a given <see cref="Random"/>.
/// </summary>
internal sealed class YamlMutator
{
    /// <summary>YAML-significant and otherwise risky text inserted at the byte and token levels.</summary>
    public static readonly string[] Nasty =
    [
        "[", "]", "{", "}", "&a ", "*a", ":", "- ", "\"", "'", "\t", "#", "\n", "\r\n", "|", ">", "%", "!", "!!str ", "?", "\0", "\uFEFF",
        "é", "\u2028", ",", "---\n", "...\n", "~", "<<: ", "\\", "null", "true", "1e309", "99999999999999999999", "-1", "0", "0m",
        "\\0", "\\x01", "\\ud800", "\\U0010FFFF", "9999-12-31T23:59:59.999999999Z", "-9998-01-01T00:00:00Z", "+10000-01-01T00:00Z",
        "2026-11-24T10:00:00", "2026-02-30T10:00:00Z", "T", "Z", "-14:00", "+14:00", "P9", "\ud83d\ude00", "İ", "..", "/", "/dev/null",
    ];

    /// <summary>Risky values for the scalars of test files and events.</summary>
    public static readonly string[] InterestingScalars =
    [
        "", " ", "0", "-1", "null", "~", "true", "false", "P1", "P9", "routing", "cc-ops", "nobody", "1m", "0m", "-5h", "99999999w", "1bd",
        "running", "paused", "stopped", "broken", "out-of-range", "breach", "any", "all",
        "2026-11-24T10:00:00-05:00", "2026-11-24T10:00Z", "2026-11-24T10:00:00", "2026-11-24", "-9998-01-01T00:00:00Z",
        "-9998-01-01T00:00:00+14:00", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59-14:00",
        "+10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2026-11-24T25:00:00Z", "2026-11-24T10:00:00+25:00",
        "2011-12-30T12:00:00+14:00", "2026-03-08T02:30:00-05:00", "targets.resolve", "targets.nope", "escalations.resolve", "resolve",
        "acknowledge", "nope", "../examples/contact-center.yaml", "contact-center.yaml", ".", "..", "/", "/dev/null", "../../../../etc/passwd",
        "contact-center.tests.yaml", "\0", "é", new string('a', 5000), new string('x', 70_000), "submittedAt", "id",
    ];

    private static readonly Regex TokenPattern = new(@"[A-Za-z0-9_][\w.+%#/:-]*|\s+|.", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private readonly string[] _tokens;
    private readonly string[] _scalars;
    private readonly string[] _keys;
    private readonly YamlTree.Node[] _nodes;

    private readonly string[] _nasty;
    private readonly string[] _interesting;

    /// <summary>Builds a mutator over a corpus, with risky text and scalars of the input's own kind added to the common ones.</summary>
    /// <param name="texts">The corpus: YAML files whose tokens, scalars, keys and nodes are grafted into mutants.</param>
    /// <param name="nasty">More text to insert at the byte, token and node levels.</param>
    /// <param name="interestingScalars">More values to put in place of a scalar.</param>
    public YamlMutator(IEnumerable<string> texts, IEnumerable<string>? nasty = null, IEnumerable<string>? interestingScalars = null)
    {
        _nasty = [.. Nasty.Concat(nasty ?? []).Distinct(StringComparer.Ordinal)];
        _interesting = [.. InterestingScalars.Concat(interestingScalars ?? []).Distinct(StringComparer.Ordinal)];
        var list = texts.ToList();
        var all = list.Select(YamlTree.Parse).OfType<YamlTree.Node>().SelectMany(YamlTree.All).ToList();
        _tokens = [.. list.SelectMany(t => TokenPattern.Matches(t).Select(m => m.Value)).Distinct(StringComparer.Ordinal)];
        _scalars = [.. all.OfType<YamlTree.Scalar>().Select(s => s.Text).Distinct(StringComparer.Ordinal)];
        _keys = [.. all.OfType<YamlTree.Map>().SelectMany(m => m.Entries).Select(e => e.Key).OfType<YamlTree.Scalar>().Select(s => s.Text).Distinct(StringComparer.Ordinal)];
        _nodes = [.. all];
        if (_tokens.Length == 0 || _scalars.Length == 0 || _keys.Length == 0)
        {
            throw new ArgumentException("the corpus must hold YAML mappings", nameof(texts));
        }
    }

    public byte[] Mutate(byte[] bytes, MutationLevel level, int steps, Random random)
    {
        for (var i = 0; i < steps; i++)
        {
            bytes = level switch
            {
                MutationLevel.Byte => MutateBytes(bytes, random),
                MutationLevel.Token => MutateTokens(bytes, random),
                _ => MutateNodes(bytes, random),
            };
        }

        return bytes;
    }

    private byte[] MutateBytes(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length + 1);
        switch (random.Next(6))
        {
            case 0:
                var insert = new byte[random.Next(1, 8)];
                random.NextBytes(insert);
                return [.. bytes.AsSpan(0, at), .. insert, .. bytes.AsSpan(at)];
            case 1 when bytes.Length > 0:
                var flipped = (byte[])bytes.Clone();
                flipped[Math.Min(at, bytes.Length - 1)] ^= (byte)(1 << random.Next(8));
                return flipped;
            case 2:
                var length = random.Next(0, Math.Min(64, bytes.Length - at) + 1);
                return [.. bytes.AsSpan(0, at), .. bytes.AsSpan(at + length)];
            case 3:
                return bytes[..at];
            case 4:
                var count = random.Next(0, Math.Min(128, bytes.Length - at) + 1);
                return [.. bytes.AsSpan(0, at + count), .. bytes.AsSpan(at, count), .. bytes.AsSpan(at + count)];
            default:
                var nasty = Encoding.UTF8.GetBytes(_nasty[random.Next(_nasty.Length)]);
                return [.. bytes.AsSpan(0, at), .. nasty, .. bytes.AsSpan(at)];
        }
    }

    private byte[] MutateTokens(byte[] bytes, Random random)
    {
        var tokens = TokenPattern.Matches(Encoding.UTF8.GetString(bytes)).Select(m => m.Value).ToList();
        if (tokens.Count == 0)
        {
            tokens.Add(_tokens[random.Next(_tokens.Length)]);
        }

        var i = random.Next(tokens.Count);
        switch (random.Next(5))
        {
            case 0:
                tokens.RemoveAt(i);
                break;
            case 1:
                tokens.Insert(i, tokens[i]);
                break;
            case 2:
                tokens[i] = _tokens[random.Next(_tokens.Length)];
                break;
            case 3:
                var j = random.Next(tokens.Count);
                (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
                break;
            default:
                tokens.Insert(i, _nasty[random.Next(_nasty.Length)]);
                break;
        }

        return Encoding.UTF8.GetBytes(string.Concat(tokens));
    }

    private byte[] MutateNodes(byte[] bytes, Random random)
    {
        var tree = YamlTree.Parse(Encoding.UTF8.GetString(bytes));
        if (tree is null)
        {
            return MutateTokens(bytes, random);
        }

        var nodes = YamlTree.All(tree).ToList();
        var target = nodes[random.Next(nodes.Count)];
        var donor = _nodes[random.Next(_nodes.Length)];
        switch (random.Next(10))
        {
            case 0 when target is YamlTree.Map { Entries.Count: > 0 } map:
                map.Entries.RemoveAt(random.Next(map.Entries.Count));
                break;
            case 1 when target is YamlTree.Map { Entries.Count: > 0 } map:
                // A duplicate key, at whatever level the node is.
                var entry = map.Entries[random.Next(map.Entries.Count)];
                map.Entries.Insert(random.Next(map.Entries.Count + 1), (entry.Key, random.Next(2) == 0 ? entry.Value : YamlTree.Clone(donor)));
                break;
            case 2 when target is YamlTree.Seq { Items.Count: > 0 } seq:
                var k = random.Next(seq.Items.Count);
                if (random.Next(2) == 0)
                {
                    seq.Items.RemoveAt(k);
                }
                else
                {
                    seq.Items.Insert(k, YamlTree.Clone(seq.Items[k]));
                }

                break;
            case 3 when target is YamlTree.Scalar scalar:
                scalar.Text = _interesting[random.Next(_interesting.Length)];
                break;
            case 4 when target is YamlTree.Scalar scalar:
                scalar.Text = _scalars[random.Next(_scalars.Length)];
                break;
            case 5 when target is YamlTree.Map map:
                // Graft a subtree from anywhere in the corpus under a key from anywhere in the corpus.
                map.Entries.Add((new YamlTree.Scalar(_keys[random.Next(_keys.Length)]), YamlTree.Clone(donor)));
                break;
            case 6:
                YamlTree.Replace(tree, target, YamlTree.Clone(donor));
                break;
            case 7:
                YamlTree.Replace(tree, target, random.Next(3) switch
                {
                    0 => new YamlTree.Seq([target]),
                    1 => new YamlTree.Map([(new YamlTree.Scalar(_keys[random.Next(_keys.Length)]), target)]),
                    _ => target is YamlTree.Scalar ? new YamlTree.Seq([]) : new YamlTree.Scalar(_interesting[random.Next(_interesting.Length)]),
                });
                break;
            case 8 when target is YamlTree.Scalar scalar && DateTimeOffset.TryParse(scalar.Text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant):
                // Moves an instant: entries out of order, equal instants, 'at' before the submission, the ends of time.
                scalar.Text = random.Next(4) switch
                {
                    0 => instant.AddMinutes(-random.Next(1, 100_000)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                    1 => instant.AddYears(Math.Min(random.Next(1, 8_000), 9998 - instant.Year)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                    2 => "9999-12-31T23:59:59.999999999Z",
                    _ => "-9998-01-01T00:00:00Z",
                };
                break;
            default:
                if (target is YamlTree.Map { Entries.Count: > 1 } m)
                {
                    var a = random.Next(m.Entries.Count);
                    var b = random.Next(m.Entries.Count);
                    (m.Entries[a], m.Entries[b]) = (m.Entries[b], m.Entries[a]);
                }
                else if (target is YamlTree.Seq { Items.Count: > 1 } s)
                {
                    var a = random.Next(s.Items.Count);
                    var b = random.Next(s.Items.Count);
                    (s.Items[a], s.Items[b]) = (s.Items[b], s.Items[a]);
                }
                else if (target is YamlTree.Scalar scalar)
                {
                    scalar.Text += _nasty[random.Next(_nasty.Length)];
                }

                break;
        }

        return Encoding.UTF8.GetBytes(YamlTree.Emit(tree));
    }
}
