using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using CsCheck;
using FluentAssertions;
using SlaEngine.Testing;
using Xunit;
using Xunit.Abstractions;

namespace SlaEngine.Tests.Reliability;

/// <summary>
/// Mutates the policy test files (the shared acceptance suite and the samples' <c>*.tests.yaml</c>) at the byte, token
/// and YAML-node level: each mutant loads to a suite or to positioned diagnostics of known codes, on time, and a suite
/// that loads runs to one result per case (a failed case is a failure, never an exception), reported as text and JUnit.
/// </summary>
/// <remarks>
/// A few seconds in CI; <c>SLAENGINE_FUZZ_SECONDS</c> runs it longer and collects findings in <c>SLAENGINE_FUZZ_REPORT</c>,
/// as <see cref="PolicyCorpusFuzzTests"/> does. One mutant in four is written to a file next to copies of the
/// policies and run through <see cref="PolicyTestRunner.Run(System.Collections.Generic.IEnumerable{string}, string)"/>,
/// so invalid UTF-8 and the file path are exercised too.
/// </remarks>
public sealed class TestSuiteFuzzTests(ITestOutputHelper output)
{
    private const string Seed = "0000jNVVYYG1";
    private const int CiSeconds = 3;
    private static readonly TimeSpan LoadLimit = TimeSpan.FromSeconds(10);

    // A case asked at 9999-… walks the calendar for about a second (docs/reliability.md, "Known cost"): a suite of
    // such cases is slow, not hung.
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(120);
    private static readonly Lazy<SuiteCorpus> Files = new(SuiteCorpus.Read);

    private static long s_inputs;
    private static long s_loaded;
    private static long s_cases;
    private static long s_failed;

    [SharedFact]
    public void Every_mutant_of_a_test_file_loads_to_a_suite_or_positioned_diagnostics_and_runs_to_a_result_per_case()
    {
        var longMode = HostileInput.LongModeSeconds() is not null;
        var corpus = Files.Value;
        var findings = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        Interlocked.Exchange(ref s_inputs, 0);
        Interlocked.Exchange(ref s_loaded, 0);
        Interlocked.Exchange(ref s_cases, 0);
        Interlocked.Exchange(ref s_failed, 0);
        var summary = string.Empty;
        var gen = Gen.Select(Gen.Int[0, corpus.Entries.Length - 1], Gen.Int[0, 2], Gen.Int, Gen.Int[1, 4], (file, level, seed, steps) => new FuzzCase(file, (MutationLevel)level, seed, steps));
        gen.Sample(
            c =>
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

                if (findings.TryAdd(finding.Split('\n')[0], $"{c}: {finding}"))
                {
                    HostileInput.Report($"FINDING {c}: {finding}");
                }
            },
            writeLine: s => summary = s,
            seed: Seed,
            time: HostileInput.LongModeSeconds() ?? CiSeconds,
            print: c => c.ToString());

        var figures = string.Create(CultureInfo.InvariantCulture, $"test-file fuzz: {Interlocked.Read(ref s_inputs)} mutants, {Interlocked.Read(ref s_loaded)} loaded, {Interlocked.Read(ref s_cases)} cases run ({Interlocked.Read(ref s_failed)} failed), {findings.Count} distinct findings ({summary.Trim()})");
        output.WriteLine(figures);
        if (longMode)
        {
            HostileInput.Report(figures);
        }

        findings.Should().BeEmpty();
        Interlocked.Read(ref s_loaded).Should().BeGreaterThan(0, "the mutants must reach the runner");
    }

    [SharedFact]
    public void Every_test_file_of_the_corpus_passes_unmutated()
    {
        var corpus = Files.Value;
        var runner = new PolicyTestRunner();
        foreach (var (name, bytes, directory) in corpus.Entries)
        {
            var load = PolicyTestSuite.Parse(Encoding.UTF8.GetString(bytes), name, directory);
            HostileInput.ShouldBeWellFormed(load, name);
            var results = runner.RunSuite(load.Suite!);
            results.Should().OnlyContain(r => r.Passed, name);
        }
    }

    /// <summary>
    /// Writes the mutant a finding names: set <c>SLAENGINE_FUZZ_REPLAY</c> to <c>FILE LEVEL SEED STEPS</c> as printed
    /// (for example <c>acceptance/contact-center.tests.yaml Node -3774946 1</c>); it goes to <c>SLAENGINE_FUZZ_REPLAY_OUT</c>.
    /// </summary>
    [SharedFact]
    public void Replay_a_test_file_finding_when_asked()
    {
        if (Environment.GetEnvironmentVariable("SLAENGINE_FUZZ_REPLAY") is not { Length: > 0 } replay || !replay.Contains(".tests.yaml", StringComparison.Ordinal))
        {
            return;
        }

        var parts = replay.Replace("seed=", string.Empty, StringComparison.Ordinal).Replace("steps=", string.Empty, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var corpus = Files.Value;
        var file = Array.FindIndex(corpus.Entries, e => e.Name == parts[0]);
        var c = new FuzzCase(file, Enum.Parse<MutationLevel>(parts[1]), int.Parse(parts[2], CultureInfo.InvariantCulture), int.Parse(parts[3], CultureInfo.InvariantCulture));
        var path = Environment.GetEnvironmentVariable("SLAENGINE_FUZZ_REPLAY_OUT") is { Length: > 0 } o ? o : Path.Combine(Path.GetTempPath(), "slaengine-fuzz-mutant.tests.yaml");
        File.WriteAllBytes(path, corpus.Mutator.Mutate(corpus.Entries[c.File].Bytes, c.Level, c.Steps, new Random(c.Seed)));
        output.WriteLine($"{c} written to {path}; {Try(corpus, c) ?? "no finding"}");
    }

    private static string? Try(SuiteCorpus corpus, FuzzCase c)
    {
        var random = new Random(c.Seed);
        var (name, original, directory) = corpus.Entries[c.File];
        var bytes = corpus.Mutator.Mutate(original, c.Level, c.Steps, random);
        Interlocked.Increment(ref s_inputs);
        try
        {
            PolicyTestReport report;
            if (random.Next(4) == 0)
            {
                // Through a file: invalid UTF-8 reaches the reader, and the runner resolves the policy next to it.
                var path = Path.Combine(corpus.Mirror, Path.GetFileName(directory), $"m{Guid.NewGuid():N}.tests.yaml");
                File.WriteAllBytes(path, bytes);
                try
                {
                    var load = Hostile.WithinTime(LoadLimit, () => PolicyTestSuite.Load(path), () => c.ToString());
                    HostileInput.ShouldBeWellFormed(load, c.ToString());
                    report = Hostile.WithinTime(RunLimit, () => corpus.Runner.Run([path]), () => c + " (running)");
                    if (load.Success)
                    {
                        Interlocked.Increment(ref s_loaded);
                        report.Results.Should().HaveCount(load.Suite.Cases.Length, "one result per case {0}", c);
                    }
                    else
                    {
                        report.Results.Should().ContainSingle().Which.CaseName.Should().Be(PolicyTestRunner.TestFileLoadsCaseName);
                        report.Results[0].Messages.Should().NotBeEmpty();
                    }
                }
                finally
                {
                    File.Delete(path);
                }
            }
            else
            {
                var text = Encoding.UTF8.GetString(bytes);
                var load = Hostile.WithinTime(LoadLimit, () => PolicyTestSuite.Parse(text, name, directory), () => c.ToString());
                HostileInput.ShouldBeWellFormed(load, c.ToString());
                if (!load.Success)
                {
                    return null;
                }

                Interlocked.Increment(ref s_loaded);
                var suite = load.Suite;
                var results = Hostile.WithinTime(RunLimit, () => corpus.Runner.RunSuite(suite), () => c + " (running)");
                results.Should().HaveCount(suite.Cases.Length, "one result per case {0}", c);
                report = Hostile.WithinTime(RunLimit, () => corpus.Runner.Run([suite]), () => c + " (running)");
            }

            HostileInput.ShouldBeWellFormed(report, c.ToString());
            Interlocked.Add(ref s_cases, report.Results.Length);
            Interlocked.Add(ref s_failed, report.FailedCount);
            return null;
        }
        catch (Exception ex)
        {
            return HostileInput.Describe(ex);
        }
    }

    private sealed record FuzzCase(int File, MutationLevel Level, int Seed, int Steps)
    {
        public override string ToString() => $"{Files.Value.Entries[File].Name} {Level} seed={Seed} steps={Steps}";
    }

    /// <summary>The test files to mutate, with the directory their <c>policy:</c> is relative to, and a scratch mirror of those directories.</summary>
    private sealed class SuiteCorpus
    {
        public required (string Name, byte[] Bytes, string Directory)[] Entries { get; init; }

        public required YamlMutator Mutator { get; init; }

        /// <summary>A temporary folder holding <c>acceptance/</c>, <c>examples/</c> and <c>policies/</c> as the originals do.</summary>
        public required string Mirror { get; init; }

        public PolicyTestRunner Runner { get; } = new();

        public static SuiteCorpus Read()
        {
            var acceptance = TestFiles.SharedAcceptance;
            var samples = Path.Combine(TestFiles.RepositoryRoot, "samples", "policies");
            var entries = new[] { (Path.Combine(acceptance, "contact-center.tests.yaml"), acceptance) }
                .Concat(Directory.GetFiles(samples, "*.tests.yaml").Order(StringComparer.Ordinal).Select(f => (f, samples)))
                .Select(e => ((e.Item2 == acceptance ? "acceptance/" : "samples/") + Path.GetFileName(e.Item1), File.ReadAllBytes(e.Item1), e.Item2))
                .ToArray();
            var mirror = Path.Combine(Path.GetTempPath(), "slaengine-suite-fuzz-" + Guid.NewGuid().ToString("N"));
            foreach (var folder in new[] { "acceptance", "examples", "policies" })
            {
                Directory.CreateDirectory(Path.Combine(mirror, folder));
            }

            File.Copy(Path.Combine(acceptance, "..", "examples", "contact-center.yaml"), Path.Combine(mirror, "examples", "contact-center.yaml"));
            foreach (var policy in Directory.GetFiles(samples, "*.yaml").Where(f => !f.EndsWith(".tests.yaml", StringComparison.Ordinal)))
            {
                File.Copy(policy, Path.Combine(mirror, "policies", Path.GetFileName(policy)));
            }

            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Directory.Delete(mirror, recursive: true);
                }
                catch (IOException)
                {
                }
            };

            return new SuiteCorpus
            {
                Entries = entries,
                Mutator = new YamlMutator(entries.Select(e => Encoding.UTF8.GetString(e.Item2))),
                Mirror = mirror,
            };
        }
    }
}
