using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using SlaEngine.Benchmarks.Synthetic;
using SlaEngine.Events;

namespace SlaEngine.Benchmarks;

/// <summary>
/// Throughput of full decisions (synthetic policy, 100 rules) over the fixed 1,000 events: one thread against
/// <c>Parallel.For</c> on all cores. The Ratio column is the parallel time over the single-thread time; the
/// throughput gain is its inverse.
/// </summary>
[MemoryDiagnoser]
public class ThroughputBenchmarks
{
    private Policy _policy = null!;
    private ChangeEvent[] _events = null!;

    /// <summary>Loads the policy and reads the events.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _policy = SyntheticPolicy.Load(100);
        _events = [.. SyntheticEvent.Generate(1000).Select(e => e.ToChangeEvent(_policy))];
    }

    /// <summary>Evaluates the 1,000 events on one thread.</summary>
    [Benchmark(Baseline = true)]
    public int Single_thread()
    {
        var total = 0;
        foreach (var e in _events)
        {
            total += _policy.Evaluate(e).Deadlines.Length;
        }

        return total;
    }

    /// <summary>Evaluates the 1,000 events with <c>Parallel.For</c>, one partition per core.</summary>
    [Benchmark]
    public int All_cores()
    {
        var total = 0;
        Parallel.For(0, _events.Length, () => 0, (i, _, local) => local + _policy.Evaluate(_events[i]).Deadlines.Length, local => Interlocked.Add(ref total, local));
        return total;
    }
}
