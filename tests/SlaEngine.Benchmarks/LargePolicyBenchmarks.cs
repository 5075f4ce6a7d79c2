using System.IO;
using BenchmarkDotNet.Attributes;
using SlaEngine.Benchmarks.Synthetic;
using SlaEngine.Reporting;

namespace SlaEngine.Benchmarks;

/// <summary>
/// The large policy of docs/performance.md ("Large policies"): 100,000 one-line rules spread over three enum fields
/// (<see cref="SpreadPolicy"/>) and 1,000 random events, each matching about 2,300 rules. Measures the load alone,
/// the 1,000 decisions with their JSON on a loaded policy, and both together on one thread (the target: under 2 s).
/// </summary>
[MemoryDiagnoser]
public class LargePolicyBenchmarks
{
    private static readonly PolicyLoadOptions WithoutLint = new() { Lint = false };

    private string _yaml = null!;
    private string _events = null!;
    private Policy _policy = null!;

    /// <summary>Generates the policy and the events, and loads the policy once for <see cref="Decide_1000_events"/>.</summary>
    [GlobalSetup]
    public void Setup()
    {
        using (var policy = new StringWriter())
        {
            SpreadPolicy.WritePolicy(100_000, 2026, policy);
            _yaml = policy.ToString();
        }

        using (var events = new StringWriter())
        {
            SpreadPolicy.WriteEvents(1000, 2026, events);
            _events = events.ToString();
        }

        _policy = Load();
    }

    /// <summary>Loads the 100,000 rules (as <c>evaluate</c> does: without the lint).</summary>
    [Benchmark]
    public Policy Load() =>
        PolicyLoader.Load(_yaml, "big.yaml", WithoutLint).Policy ?? throw new InvalidDataException("the spread policy does not load");

    /// <summary>Reads the 1,000 events and decides each, writing its JSON, on the loaded policy.</summary>
    [Benchmark]
    public long Decide_1000_events() => Decide(_policy);

    /// <summary>Load, then the 1,000 decisions with their JSON: the whole of <c>evaluate</c> but start-up and output.</summary>
    [Benchmark(Baseline = true)]
    public long Load_and_decide_1000_events() => Decide(Load());

    private long Decide(Policy policy)
    {
        var read = policy.ReadEvents(_events);
        long length = 0;
        foreach (var e in read.Events)
        {
            length += policy.Evaluate(e.Event ?? throw new InvalidDataException(e.ErrorMessage)).ToJson().Length;
        }

        return length;
    }
}
