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

/// <summary>
/// Mutates a corpus (the reference policy and every file of the shared <c>bad-policies/</c>) at the byte, token and
/// YAML-node level and loads each mutant: the loader must answer within a time bound with a policy or positioned
/// diagnostics of known codes, and a policy that loads must decide events and track timelines without an exception.
/// </summary>
/// <remarks>
/// Bounded to a few seconds in CI. Set <c>SLAENGINE_FUZZ_SECONDS</c> for a long run: findings are then collected
/// (not stopped at the first) and written with the figures to <c>SLAENGINE_FUZZ_REPORT</c> (default
/// <c>slaengine-fuzz-report.txt</c> in the temporary folder).
/// </remarks>
public sealed class PolicyCorpusFuzzTests(ITestOutputHelper output)
{
    private const string Seed = "0000jNVVYYG1";
    private const int CiSeconds = 3;
    private static readonly TimeSpan LoadLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan EvaluationLimit = TimeSpan.FromSeconds(30);

    private static readonly Lazy<Corpus> Files = new(Corpus.Read);

    private static readonly string[] Nasty =
    [
        "[", "]", "{", "}", "&a ", "*a", ":", "- ", "\"", "'", "\t", "#", "\n", "\r\n", "|", ">", "%", "!", "!!str ", "?", "\0", "\uFEFF",
        "é", "\u2028", ",", "---\n", "...\n", "~", "<<: ", "\\", "null", "true", "1e309", "99999999999999999999", "-1", "0", "0m",
        "24:00", "00:00-24:00", "25:61", "1w", "9999999w", "100%", "0%", "150%", "breach+9999999h", "-9998-01-01", "9999-12-31",
        "9999-12-31T23:59", "02-30", "11/thu#6", "13/mon#-1", "Pacific/Apia", "Asia/Kathmandu", "Etc/GMT+14", "((((", "))))",
        "&&", "||", "not", "in", ".matches(\"(a+)+$\")", "open(\"24x7\")", "size(", "\"\\u0000\"", "\ud83d\ude00", "ǅ", "İ",
    ];

    private static readonly string[] InterestingScalars =
    [
        "", " ", "0", "-1", "null", "~", "true", "P9", "24x7", "owner", "1m", "1w", "0m", "-5h", "1h30m", "99999999w", "1bd", "0bd",
        "99999bd", "50%", "0.000001%", "100%", "breach", "breach+1w", "breach-1h", "08:00-08:00", "22:00-06:00", "00:00-24:00",
        "mon-sun", "sun-mon", "closed", "-9998-01-06", "9999-12-26", "2011-12-30", "02-29", "11/thu#-1", "01/sun#5", "UTC",
        "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Apia", "Mars/Olympus", "emergency", "!emergency", "status == \"P9\"",
        "category in [\"routing\"]", "summary.matches(\"(a+)+$\")", new string('(', 70) + "true" + new string(')', 70),
        new string('a', 5000), "\0", "é", "slaengine/v2", "it-hours", "cc-ops", "resolve", "acknowledge",
    ];

    private static readonly Regex TokenPattern = new(@"[A-Za-z0-9_][\w.+%#/-]*|\s+|.", RegexOptions.CultureInvariant | RegexOptions.Singleline);

    private static long s_inputs;
    private static long s_loaded;
    private static long s_evaluated;

    private enum Level
    {
        Byte,
        Token,
        Node,
    }

    [SharedFact]
    public void Every_mutant_of_the_corpus_loads_to_a_policy_or_positioned_diagnostics_on_time()
    {
        var seconds = LongModeSeconds() ?? CiSeconds;
        var longMode = LongModeSeconds() is not null;
        var corpus = Files.Value;
        var findings = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Interlocked.Exchange(ref s_inputs, 0);
        Interlocked.Exchange(ref s_loaded, 0);
        Interlocked.Exchange(ref s_evaluated, 0);
        var started = DateTime.UtcNow;
        var summary = string.Empty;

        // Half the mutants come from the reference policy: only its mutants load often enough to reach evaluation.
        var gen = Gen.Select(Gen.Int[0, (2 * corpus.Count) - 1], Gen.Int[0, 2], Gen.Int, Gen.Int[1, 4], (file, level, seed, steps) => new FuzzCase(file < corpus.Count ? file : 0, (Level)level, seed, steps));
        Action<FuzzCase> property = c =>
        {
            var finding = Try(corpus, c);
            if (finding is null)
            {
                return;
            }

            if (!longMode)
            {
                throw new InvalidOperationException(finding);
            }

            var key = finding.Split('\n')[0];
            if (findings.TryAdd(key, $"{c}: {finding}"))
            {
                Report($"FINDING {c}: {finding}");
            }
        };

        gen.Sample(property, writeLine: s => summary = s, seed: Seed, time: seconds, print: c => c.ToString());

        var elapsed = DateTime.UtcNow - started;
        var figures = string.Create(CultureInfo.InvariantCulture, $"policy fuzz: {Interlocked.Read(ref s_inputs)} mutants in {elapsed.TotalSeconds:0} s from {corpus.Count} corpus files, {Interlocked.Read(ref s_loaded)} loaded, {Interlocked.Read(ref s_evaluated)} events decided and tracked, {findings.Count} distinct findings ({summary.Trim()})");
        output.WriteLine(figures);
        Console.WriteLine(figures);
        if (longMode)
        {
            Report(figures);
        }

        findings.Should().BeEmpty();
        Interlocked.Read(ref s_inputs).Should().BeGreaterThan(0);
    }

    [SharedFact]
    public void Every_file_of_the_corpus_loads_to_a_policy_or_positioned_diagnostics_unmutated()
    {
        var corpus = Files.Value;
        corpus.Count.Should().BeGreaterThan(10, "the reference policy and the shared bad policies are the corpus");
        foreach (var (name, bytes) in corpus.Entries)
        {
            var result = PolicyLoader.Load(bytes, name);
            Hostile.ShouldBeWellFormed(result, name);
        }
    }

    [SharedFact]
    public void Node_level_mutation_can_round_trip_the_reference_policy()
    {
        // Guards the mutator itself: re-emitting an unmutated tree must give a loadable policy, otherwise node-level
        // mutants would all be syntax errors and test nothing beyond the parser.
        var text = Encoding.UTF8.GetString(Files.Value.Entries[0].Bytes);
        var tree = YamlTree.Parse(text);
        tree.Should().NotBeNull();
        var result = PolicyLoader.Load(YamlTree.Emit(tree!), "round-trip.yaml");
        result.Errors.Should().BeEmpty();
    }

    /// <summary>
    /// Writes the mutant a finding names, to read and to turn into a targeted test: set <c>SLAENGINE_FUZZ_REPLAY</c> to
    /// <c>FILE LEVEL SEED STEPS</c> as printed (for example <c>contact-center.yaml Node -3774946 1</c>); the mutant is
    /// written to <c>SLAENGINE_FUZZ_REPLAY_OUT</c> (default <c>slaengine-fuzz-mutant.yaml</c> in the temporary folder).
    /// </summary>
    [SharedFact]
    public void Replay_a_finding_when_asked()
    {
        if (Environment.GetEnvironmentVariable("SLAENGINE_FUZZ_REPLAY") is not { Length: > 0 } replay)
        {
            return;
        }

        var parts = replay.Replace("seed=", string.Empty, StringComparison.Ordinal).Replace("steps=", string.Empty, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var corpus = Files.Value;
        var file = Array.FindIndex(corpus.Entries, e => e.Name == parts[0]);
        var c = new FuzzCase(file, Enum.Parse<Level>(parts[1]), int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture));
        var path = Environment.GetEnvironmentVariable("SLAENGINE_FUZZ_REPLAY_OUT") is { Length: > 0 } o ? o : Path.Combine(Path.GetTempPath(), "slaengine-fuzz-mutant.yaml");
        File.WriteAllBytes(path, Mutate(corpus, c, new Random(c.Seed)));
        output.WriteLine($"{c} written to {path}; {Try(corpus, c) ?? "no finding"}");
    }

    private static int? LongModeSeconds() =>
        int.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_FUZZ_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : null;

    private static void Report(string line)
    {
        var path = Environment.GetEnvironmentVariable("SLAENGINE_FUZZ_REPORT") is { Length: > 0 } p ? p : Path.Combine(Path.GetTempPath(), "slaengine-fuzz-report.txt");
        lock (TokenPattern)
        {
            File.AppendAllText(path, $"{DateTime.UtcNow:O} {line}{Environment.NewLine}");
        }
    }

    /// <summary>Loads one mutant; returns null when all is well, else what went wrong.</summary>
    private static string? Try(Corpus corpus, FuzzCase c)
    {
        var random = new Random(c.Seed);
        var name = corpus.Entries[c.File].Name;
        var bytes = Mutate(corpus, c, random);
        Interlocked.Increment(ref s_inputs);
        try
        {
            var fromBytes = Hostile.WithinTime(LoadLimit, () => PolicyLoader.Load(bytes, name), () => c.ToString());
            Hostile.ShouldBeWellFormed(fromBytes, c.ToString());
            if (random.Next(4) == 0)
            {
                // The text overload sees invalid bytes as U+FFFD: a different input, worth a sample.
                var text = Encoding.UTF8.GetString(bytes);
                var fromText = Hostile.WithinTime(LoadLimit, () => PolicyLoader.Load(text, name), () => c.ToString());
                Hostile.ShouldBeWellFormed(fromText, c.ToString());
            }

            if (fromBytes.Policy is { } policy)
            {
                Interlocked.Increment(ref s_loaded);
                var evaluated = Hostile.WithinTime(EvaluationLimit, () => Hostile.Exercise(policy, random, events: 2), () => c + " (evaluating)");
                Interlocked.Add(ref s_evaluated, evaluated);
            }

            return null;
        }
        catch (Exception ex)
        {
            var inner = ex is AggregateException { InnerException: { } i } ? i : ex;
            return $"{inner.GetType().Name}: {inner.Message.Split('\n')[0]}\n{inner}";
        }
    }

    private static byte[] Mutate(Corpus corpus, FuzzCase c, Random random)
    {
        var bytes = corpus.Entries[c.File].Bytes;
        for (var i = 0; i < c.Steps; i++)
        {
            bytes = c.Level switch
            {
                Level.Byte => MutateBytes(bytes, random),
                Level.Token => MutateTokens(bytes, corpus, random),
                _ => MutateNodes(bytes, corpus, random),
            };
        }

        return bytes;
    }

    private static byte[] MutateBytes(byte[] bytes, Random random)
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
                var nasty = Encoding.UTF8.GetBytes(Nasty[random.Next(Nasty.Length)]);
                return [.. bytes.AsSpan(0, at), .. nasty, .. bytes.AsSpan(at)];
        }
    }

    private static byte[] MutateTokens(byte[] bytes, Corpus corpus, Random random)
    {
        var tokens = TokenPattern.Matches(Encoding.UTF8.GetString(bytes)).Select(m => m.Value).ToList();
        if (tokens.Count == 0)
        {
            tokens.Add(corpus.Tokens[random.Next(corpus.Tokens.Length)]);
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
                tokens[i] = corpus.Tokens[random.Next(corpus.Tokens.Length)];
                break;
            case 3:
                var j = random.Next(tokens.Count);
                (tokens[i], tokens[j]) = (tokens[j], tokens[i]);
                break;
            default:
                tokens.Insert(i, Nasty[random.Next(Nasty.Length)]);
                break;
        }

        return Encoding.UTF8.GetBytes(string.Concat(tokens));
    }

    private static byte[] MutateNodes(byte[] bytes, Corpus corpus, Random random)
    {
        var tree = YamlTree.Parse(Encoding.UTF8.GetString(bytes));
        if (tree is null)
        {
            return MutateTokens(bytes, corpus, random);
        }

        var nodes = YamlTree.All(tree).ToList();
        var target = nodes[random.Next(nodes.Count)];
        var donor = corpus.Nodes[random.Next(corpus.Nodes.Length)];
        switch (random.Next(9))
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
                scalar.Text = InterestingScalars[random.Next(InterestingScalars.Length)];
                break;
            case 4 when target is YamlTree.Scalar scalar:
                scalar.Text = corpus.Scalars[random.Next(corpus.Scalars.Length)];
                break;
            case 5 when target is YamlTree.Map map:
                // Graft a subtree from anywhere in the corpus under a key from anywhere in the corpus.
                map.Entries.Add((new YamlTree.Scalar(corpus.Keys[random.Next(corpus.Keys.Length)]), YamlTree.Clone(donor)));
                break;
            case 6:
                YamlTree.Replace(tree, target, YamlTree.Clone(donor));
                break;
            case 7:
                YamlTree.Replace(tree, target, random.Next(3) switch
                {
                    0 => new YamlTree.Seq([target]),
                    1 => new YamlTree.Map([(new YamlTree.Scalar(corpus.Keys[random.Next(corpus.Keys.Length)]), target)]),
                    _ => target is YamlTree.Scalar ? new YamlTree.Seq([]) : new YamlTree.Scalar(InterestingScalars[random.Next(InterestingScalars.Length)]),
                });
                break;
            default:
                if (target is YamlTree.Map { Entries.Count: > 1 } m)
                {
                    var a = random.Next(m.Entries.Count);
                    var b = random.Next(m.Entries.Count);
                    (m.Entries[a], m.Entries[b]) = (m.Entries[b], m.Entries[a]);
                }
                else if (target is YamlTree.Scalar s)
                {
                    s.Text += Nasty[random.Next(Nasty.Length)];
                }

                break;
        }

        return Encoding.UTF8.GetBytes(YamlTree.Emit(tree));
    }

    private sealed record FuzzCase(int File, Level Level, int Seed, int Steps)
    {
        public override string ToString() => $"{Files.Value.Entries[File].Name} {Level} seed={Seed} steps={Steps}";
    }

    private sealed class Corpus
    {
        public required (string Name, byte[] Bytes)[] Entries { get; init; }

        public int Count => Entries.Length;

        public required string[] Tokens { get; init; }

        public required string[] Scalars { get; init; }

        public required string[] Keys { get; init; }

        public required YamlTree.Node[] Nodes { get; init; }

        public static Corpus Read()
        {
            var bad = Path.Combine(TestFiles.SharedAcceptance, "bad-policies");
            var entries = new List<(string, byte[])> { ("contact-center.yaml", File.ReadAllBytes(TestFiles.ReferencePolicyPath)) };
            entries.AddRange(Directory.GetFiles(bad, "*.yaml").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))));
            var texts = entries.Select(e => Encoding.UTF8.GetString(e.Item2)).ToList();
            var trees = texts.Select(YamlTree.Parse).OfType<YamlTree.Node>().ToList();
            var all = trees.SelectMany(YamlTree.All).ToList();
            return new Corpus
            {
                Entries = [.. entries],
                Tokens = [.. texts.SelectMany(t => TokenPattern.Matches(t).Select(m => m.Value)).Distinct(StringComparer.Ordinal)],
                Scalars = [.. all.OfType<YamlTree.Scalar>().Select(s => s.Text).Distinct(StringComparer.Ordinal)],
                Keys = [.. all.OfType<YamlTree.Map>().SelectMany(m => m.Entries).Select(e => e.Key).OfType<YamlTree.Scalar>().Select(s => s.Text).Distinct(StringComparer.Ordinal)],
                Nodes = [.. all],
            };
        }
    }
}

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
