using System.Linq;
using CsCheck;
using FluentAssertions;
using SlaEngine.Replay;
using Xunit;

namespace SlaEngine.Tests.Replay;

public sealed class RatioDistributionTests
{
    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.004, 0)]
    [InlineData(0.5, 50)]
    [InlineData(0.999, 99)]
    [InlineData(1.0, 100)]
    [InlineData(3.999, 399)]
    [InlineData(4.0, 400)]
    [InlineData(8.0, 416)]
    [InlineData(16.0, 432)]
    [InlineData(1e12, RatioDistribution.LastBucket)]
    public void A_ratio_falls_in_the_documented_bucket(double ratio, int bucket)
    {
        RatioDistribution.BucketOf(ratio).Should().Be(bucket);
    }

    [Fact]
    public void Every_ratio_lies_within_its_bucket_bounds()
    {
        Gen.Double[0, 5000].Sample(ratio =>
        {
            var bucket = RatioDistribution.BucketOf(ratio);
            return RatioDistribution.LowerBoundOf(bucket) <= ratio + 1e-12 && ratio < RatioDistribution.UpperBoundOf(bucket) + 1e-12;
        });
    }

    [Fact]
    public void Percentiles_are_the_nearest_rank_bucket_upper_bound_capped_by_the_exact_maximum()
    {
        var accumulator = new FiguresAccumulator();
        foreach (var ratio in new[] { 0.10, 0.20, 0.30, 0.40, 0.50, 0.60, 0.70, 0.80, 0.90, 1.234 })
        {
            accumulator.Add(CycleOutcome.Met, ratio);
        }

        var ratios = accumulator.Build().Ratio;

        ratios.P50.Should().BeApproximately(0.51, 1e-12, "the 5th of 10 is 0.50, in [0.50, 0.51)");
        ratios.P90.Should().BeApproximately(0.91, 1e-12, "the 9th of 10 is 0.90");
        ratios.Max.Should().Be(1.234);
    }

    [Fact]
    public void Adding_figures_in_any_split_gives_the_same_distribution()
    {
        Gen.Double[0, 20].Array[1, 60].Select(Gen.Int[0, 60]).Sample((ratios, cut) =>
        {
            cut = System.Math.Min(cut, ratios.Length);
            var whole = new FiguresAccumulator();
            var left = new FiguresAccumulator();
            var right = new FiguresAccumulator();
            for (var i = 0; i < ratios.Length; i++)
            {
                whole.Add(CycleOutcome.Met, ratios[i]);
                (i < cut ? left : right).Add(CycleOutcome.Met, ratios[i]);
            }

            var merged = new FiguresAccumulator();
            merged.Add(right.Build());
            merged.Add(left.Build());
            var a = whole.Build().Ratio;
            var b = merged.Build().Ratio;
            return a.P50 == b.P50 && a.P90 == b.P90 && a.Max == b.Max && a.Buckets.Select(x => (x.Index, x.Count)).SequenceEqual(b.Buckets.Select(x => (x.Index, x.Count)));
        });
    }
}
