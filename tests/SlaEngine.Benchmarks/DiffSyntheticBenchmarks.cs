using System;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaEngine.Analysis;
using SlaEngine.Benchmarks.Synthetic;

namespace SlaEngine.Benchmarks;

/// <summary>
/// The semantic diff (<see cref="PolicyDiff.Compare"/>) of the synthetic policy of N rules against a copy with 10
/// rules given another owner, for N = 100, 300 and 1,000 (how the cost grows), policies loaded beforehand; its three
/// calendars are compared over the default 24 months. The reference policy is in <see cref="DiffReferenceBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class DiffSyntheticBenchmarks
{
    private static readonly PolicyDiffOptions Options = new() { From = new LocalDate(2026, 12, 1) };

    private Policy _synthetic = null!;
    private Policy _syntheticEdited = null!;

    /// <summary>The number of rules of the synthetic policy.</summary>
    [Params(100, 300, 1000)]
    public int N { get; set; }

    /// <summary>Generates and loads both versions.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var yaml = SyntheticPolicy.Yaml(N);
        var edited = yaml;
        var rules = SyntheticPolicy.Rules(N);
        for (var k = 0; k < 10; k++)
        {
            var rule = rules[k * N / 10];
            var head = $"  - id: {rule.Id}\n    when: '{rule.When}'\n    owner: ";
            edited = Replace(edited, head + rule.Owner + "\n", head + (rule.Owner == "ops" ? "cc-ops" : "ops") + "\n");
        }

        _synthetic = SyntheticPolicy.Load(yaml);
        _syntheticEdited = SyntheticPolicy.Load(edited);
    }

    /// <summary>The synthetic policy of N rules against a copy with 10 rules given another owner.</summary>
    [Benchmark]
    public PolicyDiffResult Synthetic_ten_rules_edited() => PolicyDiff.Compare(_synthetic, _syntheticEdited, Options);

    internal static string Replace(string text, string from, string to) =>
        text.Contains(from, StringComparison.Ordinal) ? text.Replace(from, to, StringComparison.Ordinal) : throw new InvalidOperationException("the edit does not apply: " + from);
}
