using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaEngine.Analysis;
using SlaEngine.Benchmarks.Synthetic;

namespace SlaEngine.Benchmarks;

/// <summary>
/// The semantic diff (<see cref="PolicyDiff.Compare"/>) of the reference policy (samples/policies/contact-center.yaml)
/// against a copy with one rule's target edited, policies loaded beforehand; calendars compared over 24 months.
/// </summary>
[MemoryDiagnoser]
public class DiffReferenceBenchmarks
{
    private static readonly PolicyDiffOptions Options = new() { From = new LocalDate(2026, 12, 1) };

    private Policy _reference = null!;
    private Policy _edited = null!;

    /// <summary>Loads both versions.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var reference = File.ReadAllText(ReferencePolicyPath());
        _reference = SyntheticPolicy.Load(reference);
        _edited = SyntheticPolicy.Load(DiffSyntheticBenchmarks.Replace(reference, "      resolve: { within: 40h }", "      resolve: { within: 24h }"));
    }

    /// <summary>The reference policy against the copy with one rule edited.</summary>
    [Benchmark]
    public PolicyDiffResult Reference_one_rule_edited() => PolicyDiff.Compare(_reference, _edited, Options);

    /// <summary>The reference policy, found above the benchmark binaries (in process or in BenchmarkDotNet's generated project).</summary>
    private static string ReferencePolicyPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "policies", "contact-center.yaml");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new InvalidOperationException("samples/policies/contact-center.yaml not found above " + AppContext.BaseDirectory);
    }
}
