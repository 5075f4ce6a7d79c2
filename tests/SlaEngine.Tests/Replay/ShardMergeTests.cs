using System;
using System.Linq;
using FluentAssertions;
using SlaEngine.Replay;
using Xunit;
using static SlaEngine.Tests.Replay.ReplayFixtures;

namespace SlaEngine.Tests.Replay;

public sealed class ShardMergeTests
{
    private static readonly Lazy<string> History = new(() =>
    {
        // A synthetic year with a few bad rows, so that the counts and the listed rows are merged too.
        var lines = Synthetic(600, seed: 11, sortedByTime: true).Split('\n').ToList();
        lines[10] = lines[10].Replace("\"status\":\"in-progress\"", "\"status\":\"busy\"", StringComparison.Ordinal);
        lines[500] = "not json";
        lines[900] = lines[900].Replace("-05:00", string.Empty, StringComparison.Ordinal).Replace("-04:00", string.Empty, StringComparison.Ordinal);
        return string.Join("\n", lines);
    });

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Merged_shards_give_exactly_the_bytes_of_one_run(int count)
    {
        var options = new SimulationOptions { SkipBad = true, Compare = ReferenceTight, By = ["priority", "emergency"] };
        var whole = ReplayFixtures.Json(Report(History.Value, options, policy: ReplayFixtures.Reference));

        var parts = Enumerable.Range(0, count)
            .Select(i => Report(History.Value, new SimulationOptions { SkipBad = true, Compare = ReferenceTight, By = ["priority", "emergency"], Shard = new SimulationShard(i, count) }, policy: ReplayFixtures.Reference))
            .Select(part => AttainmentMerge.TryReadJson(ReplayFixtures.Json(part), out var read, out var why) ? read! : throw new InvalidOperationException(why))
            .Reverse()
            .ToList();

        parts.Sum(p => p.History.Tickets).Should().Be(600);
        parts.Should().OnlyContain(p => p.History.Tickets > 0, "the hash spreads the tickets over every shard");
        parts.Sum(p => p.History.BadRows).Should().Be(3, "each bad row is counted by one shard");
        parts.Sum(p => p.DifferenceCount).Should().BePositive();
        ReplayFixtures.Json(AttainmentMerge.Merge(parts)).Should().Be(whole);
    }

    [Fact]
    public void A_report_read_back_from_its_json_writes_the_same_bytes()
    {
        var json = ReplayFixtures.Json(Report(History.Value, new SimulationOptions { SkipBad = true, Compare = Tight }));

        AttainmentMerge.TryReadJson(json, out var read, out _).Should().BeTrue();
        ReplayFixtures.Json(read!).Should().Be(json);
    }

    [Fact]
    public void Merging_refuses_a_missing_or_repeated_shard_naming_it()
    {
        var zero = Report(JsonLines, new SimulationOptions { Shard = new SimulationShard(0, 3) });
        var one = Report(JsonLines, new SimulationOptions { Shard = new SimulationShard(1, 3) });

        var missing = () => AttainmentMerge.Merge([zero, one]);
        var repeated = () => AttainmentMerge.Merge([zero, one, one]);
        var whole = () => AttainmentMerge.Merge([Report(JsonLines)]);

        missing.Should().Throw<ArgumentException>().WithMessage("shard 2/3 is missing*");
        repeated.Should().Throw<ArgumentException>().WithMessage("shard 1/3 is given twice*");
        whole.Should().Throw<ArgumentException>().WithMessage("*not a shard's partial report*");
    }

    [Fact]
    public void Merging_refuses_shards_made_at_different_instants()
    {
        var zero = Report(JsonLines, new SimulationOptions { Shard = new SimulationShard(0, 2), At = Midnight });
        var one = Report(JsonLines, new SimulationOptions { Shard = new SimulationShard(1, 2) });

        var act = () => AttainmentMerge.Merge([zero, one]);

        act.Should().Throw<ArgumentException>().WithMessage("*made at*same --at*");
    }

    [Fact]
    public void A_ticket_always_falls_in_the_same_shard()
    {
        SimulationShard.Hash("T-000001").Should().Be(SimulationShard.Hash("T-000001"));
        SimulationShard.Hash(string.Empty).Should().Be(14695981039346656037UL, "FNV-1a 64 of no bytes is its offset basis");
        SimulationShard.Hash("a").Should().Be(0xaf63dc4c8601ec8cUL, "the published FNV-1a 64 test vector");
    }

    [Theory]
    [InlineData("0/1", true)]
    [InlineData("3/8", true)]
    [InlineData("8/8", false)]
    [InlineData("-1/4", false)]
    [InlineData("1/0", false)]
    [InlineData("1", false)]
    [InlineData("a/b", false)]
    public void Shards_are_written_i_slash_n(string text, bool valid)
    {
        SimulationShard.TryParse(text, out var shard).Should().Be(valid);
        if (valid)
        {
            shard.ToString().Should().Be(text);
        }
    }
}
