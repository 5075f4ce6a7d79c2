using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace SlaEngine.Replay;

/// <summary>Counts cycles by outcome and their elapsed ÷ target in fixed buckets; adds up exactly across shards.</summary>
internal sealed class FiguresAccumulator
{
    private readonly long[] _counts = new long[6];
    private readonly Dictionary<int, long> _buckets = [];
    private long _ratioCount;
    private double _max = double.NaN;

    public void Add(CycleOutcome outcome, double? ratio)
    {
        _counts[(int)outcome]++;
        if (ratio is { } r)
        {
            var bucket = RatioDistribution.BucketOf(r);
            _buckets[bucket] = _buckets.GetValueOrDefault(bucket) + 1;
            _ratioCount++;
            _max = double.IsNaN(_max) ? r : Math.Max(_max, r);
        }
    }

    public void Add(AttainmentFigures figures)
    {
        foreach (var outcome in Enum.GetValues<CycleOutcome>())
        {
            _counts[(int)outcome] += figures.CountOf(outcome);
        }

        foreach (var bucket in figures.Ratio.Buckets)
        {
            _buckets[bucket.Index] = _buckets.GetValueOrDefault(bucket.Index) + bucket.Count;
        }

        _ratioCount += figures.Ratio.Count;
        if (figures.Ratio.Max is { } max)
        {
            _max = double.IsNaN(_max) ? max : Math.Max(_max, max);
        }
    }

    public AttainmentFigures Build()
    {
        var buckets = _buckets.OrderBy(b => b.Key).Select(b => new RatioBucket(b.Key, b.Value)).ToImmutableArray();
        var ratio = new RatioDistribution(_ratioCount, double.IsNaN(_max) ? null : _max, buckets);
        return new AttainmentFigures(_counts[0], _counts[1], _counts[2], _counts[3], _counts[4], _counts[5], ratio);
    }
}
