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

    /// <summary>Policy-specific risky text, added to the mutator's own.</summary>
    private static readonly string[] Nasty =
    [
        "[", "]", "{", "}", "&a ", "*a", ":", "- ", "\"", "'", "\t", "#", "\n", "\r\n", "|", ">", "%", "!", "!!str ", "?", "\0", "\uFEFF",
        "é", "\u2028", ",", "---\n", "...\n", "~", "<<: ", "\\", "null", "true", "1e309", "99999999999999999999", "-1", "0", "0m",
        "24:00", "00:00-24:00", "25:61", "1w", "9999999w", "100%", "0%", "150%", "breach+9999999h", "-9998-01-01", "9999-12-31",
        "9999-12-31T23:59", "02-30", "11/thu#6", "13/mon#-1", "Pacific/Apia", "Asia/Kathmandu", "Etc/GMT+14", "((((", "))))",
        "&&", "||", "not", "in", ".matches(\"(a+)+$\")", "open(\"24x7\")", "size(", "\"\\u0000\"", "\ud83d\ude00", "ǅ", "İ",
    ];

    /// <summary>Policy-specific risky scalars, added to the mutator's own.</summary>
    private static readonly string[] InterestingScalars =
    [
        "", " ", "0", "-1", "null", "~", "true", "P9", "24x7", "owner", "1m", "1w", "0m", "-5h", "1h30m", "99999999w", "1bd", "0bd",
        "99999bd", "50%", "0.000001%", "100%", "breach", "breach+1w", "breach-1h", "08:00-08:00", "22:00-06:00", "00:00-24:00",
        "mon-sun", "sun-mon", "closed", "-9998-01-06", "9999-12-26", "2011-12-30", "02-29", "11/thu#-1", "01/sun#5", "UTC",
        "Australia/Lord_Howe", "Asia/Kathmandu", "Pacific/Apia", "Mars/Olympus", "emergency", "!emergency", "status == \"P9\"",
        "category in [\"routing\"]", "summary.matches(\"(a+)+$\")", new string('(', 70) + "true" + new string(')', 70),
        new string('a', 5000), "\0", "é", "slaengine/v2", "it-hours", "cc-ops", "resolve", "acknowledge",
    ];

    private static readonly object ReportLock = new();

    private static long s_inputs;
    private static long s_loaded;
    private static long s_evaluated;

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
        var gen = Gen.Select(Gen.Int[0, (2 * corpus.Count) - 1], Gen.Int[0, 2], Gen.Int, Gen.Int[1, 4], (file, level, seed, steps) => new FuzzCase(file < corpus.Count ? file : 0, (MutationLevel)level, seed, steps));
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
        var c = new FuzzCase(file, Enum.Parse<MutationLevel>(parts[1]), int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture));
        var path = Environment.GetEnvironmentVariable("SLAENGINE_FUZZ_REPLAY_OUT") is { Length: > 0 } o ? o : Path.Combine(Path.GetTempPath(), "slaengine-fuzz-mutant.yaml");
        File.WriteAllBytes(path, Mutate(corpus, c, new Random(c.Seed)));
        output.WriteLine($"{c} written to {path}; {Try(corpus, c) ?? "no finding"}");
    }

    private static int? LongModeSeconds() =>
        int.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_FUZZ_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : null;

    private static void Report(string line)
    {
        var path = Environment.GetEnvironmentVariable("SLAENGINE_FUZZ_REPORT") is { Length: > 0 } p ? p : Path.Combine(Path.GetTempPath(), "slaengine-fuzz-report.txt");
        lock (ReportLock)
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

    private static byte[] Mutate(Corpus corpus, FuzzCase c, Random random) =>
        corpus.Mutator.Mutate(corpus.Entries[c.File].Bytes, c.Level, c.Steps, random);

    private sealed record FuzzCase(int File, MutationLevel Level, int Seed, int Steps)
    {
        public override string ToString() => $"{Files.Value.Entries[File].Name} {Level} seed={Seed} steps={Steps}";
    }

    private sealed class Corpus
    {
        public required (string Name, byte[] Bytes)[] Entries { get; init; }

        public int Count => Entries.Length;

        public required YamlMutator Mutator { get; init; }

        public static Corpus Read()
        {
            var bad = Path.Combine(TestFiles.SharedAcceptance, "bad-policies");
            var entries = new List<(string, byte[])> { ("contact-center.yaml", File.ReadAllBytes(TestFiles.ReferencePolicyPath)) };
            entries.AddRange(Directory.GetFiles(bad, "*.yaml").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))));
            return new Corpus
            {
                Entries = [.. entries],
                Mutator = new YamlMutator(entries.Select(e => Encoding.UTF8.GetString(e.Item2)), Nasty, InterestingScalars),
            };
        }
    }
}
