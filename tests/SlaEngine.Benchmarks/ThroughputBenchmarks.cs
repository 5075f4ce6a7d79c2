using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using SlaEngine.Benchmarks.Synthetic;
using SlaEngine.Events;

namespace SlaEngine.Benchmarks;

/// <summary>
/// Throughput of full decisions (synthetic policy, 100 rules) over the fixed 1,000 events: one thread against
/// <c>Parallel.ForEach</c> over one index range per core. The Ratio column is the parallel time over the single-thread time; the
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

    /// <summary>Evaluates the 1,000 events with <c>Parallel.For</c> over index ranges, one range per core.</summary>
    [Benchmark]
    public int All_cores()
    {
        var total = 0;
        var ranges = Partitioner.Create(0, _events.Length, (_events.Length / Environment.ProcessorCount) + 1);
        Parallel.ForEach(ranges, range =>
        {
            var local = 0;
            for (var i = range.Item1; i < range.Item2; i++)
            {
                local += _policy.Evaluate(_events[i]).Deadlines.Length;
            }

            Interlocked.Add(ref total, local);
        });
        return total;
    }
}
