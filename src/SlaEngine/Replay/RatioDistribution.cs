using System;
using System.Collections.Immutable;

namespace SlaEngine.Replay;

/// <summary>
/// The distribution of elapsed ÷ target over ended cycles (met, breached after ending, or reset; cancelled cycles
/// are left out), kept as counts in fixed buckets so that partial results merge into exactly the figures of one run.
/// </summary>
/// <remarks>
/// <para>Buckets: a ratio r below 4 falls in bucket ⌊100·r⌋ (0 to 399, each 0.01 wide); a ratio of 4 or more falls in
/// bucket 400 + ⌊16·log2(r / 4)⌋ (sixteen buckets per doubling, each about 4.4 % wide), capped at bucket 719 (r ≥ 4·2^20).</para>
/// <para>A percentile p is the nearest rank: the smallest bucket whose running count reaches ⌈p·n⌉, reported as the
/// bucket's upper bound, or as the exact maximum when that is smaller. So p50 and p90 are exact to 0.01 below four
/// times the target, and never above the maximum, which is exact.</para>
/// </remarks>
public sealed class RatioDistribution
{
    /// <summary>Buckets below 4× the target: 400 of width 0.01.</summary>
    public const int LinearBuckets = 400;

    /// <summary>Buckets per doubling above 4× the target.</summary>
    public const int BucketsPerDoubling = 16;

    /// <summary>The last bucket's index.</summary>
    public const int LastBucket = LinearBuckets + (BucketsPerDoubling * 20) - 1;

    internal RatioDistribution(long count, double? max, ImmutableArray<RatioBucket> buckets)
    {
        Count = count;
        Max = max;
        Buckets = buckets;
        P50 = Percentile(0.5);
        P90 = Percentile(0.9);
    }

    /// <summary>How many ended cycles the distribution holds.</summary>
    public long Count { get; }

    /// <summary>The median ratio (see the remarks for its precision), or null when no cycle has ended.</summary>
    public double? P50 { get; }

    /// <summary>The 90th percentile ratio, or null when no cycle has ended.</summary>
    public double? P90 { get; }

    /// <summary>The largest ratio, exactly, or null when no cycle has ended.</summary>
    public double? Max { get; }

    /// <summary>The non-empty buckets, by index.</summary>
    public ImmutableArray<RatioBucket> Buckets { get; }

    /// <summary>The bucket a ratio falls in.</summary>
    /// <param name="ratio">Elapsed ÷ target (not negative).</param>
    /// <returns>The bucket's index, 0 to <see cref="LastBucket"/>.</returns>
    public static int BucketOf(double ratio)
    {
        if (!(ratio > 0))
        {
            return 0;
        }

        if (ratio < 4)
        {
            return Math.Min((int)Math.Floor(ratio * 100), LinearBuckets - 1);
        }

        var index = LinearBuckets + (int)Math.Floor(BucketsPerDoubling * Math.Log2(ratio / 4));
        return Math.Clamp(index, LinearBuckets, LastBucket);
    }

    /// <summary>The smallest ratio bucket <paramref name="index"/> holds.</summary>
    /// <param name="index">A bucket index.</param>
    /// <returns>The lower bound.</returns>
    public static double LowerBoundOf(int index) =>
        index < LinearBuckets ? index / 100.0 : 4 * Math.Pow(2, (index - LinearBuckets) / (double)BucketsPerDoubling);

    /// <summary>The ratio bucket <paramref name="index"/> holds values below (infinity for the last bucket).</summary>
    /// <param name="index">A bucket index.</param>
    /// <returns>The upper bound.</returns>
    public static double UpperBoundOf(int index) =>
        index >= LastBucket ? double.PositiveInfinity : index < LinearBuckets - 1 ? (index + 1) / 100.0 : LowerBoundOf(index + 1);

    private double? Percentile(double p)
    {
        if (Count == 0 || Max is not { } max)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(p * Count);
        long running = 0;
        foreach (var bucket in Buckets)
        {
            running += bucket.Count;
            if (running >= rank)
            {
                return Math.Min(UpperBoundOf(bucket.Index), max);
            }
        }

        return max;
    }
}
