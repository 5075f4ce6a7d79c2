using System;
using System.IO;
using System.Linq;
using System.Text;
using FluentAssertions;
using SlaEngine.Benchmarks.Synthetic;
using SlaEngine.Replay;
using Xunit;
using static SlaEngine.Tests.Replay.ReplayFixtures;

namespace SlaEngine.Tests.Replay;

public sealed class SyntheticHistoryTests
{
    /// <summary>The sample history in samples/replay is the generator's output for 400 tickets and seed 2026.</summary>
    public const int SampleTickets = 400;

    public const int SampleSeed = 2026;

    [Fact]
    public void The_sample_history_is_what_the_generator_writes_for_its_seed()
    {
        var path = Path.Combine(TestFiles.RepositoryRoot, "samples", "replay", "history.jsonl");

        File.ReadAllText(path).Should().Be(Synthetic(SampleTickets, SampleSeed), "regenerate it with: dotnet run -c Release --project tests/SlaEngine.Benchmarks -- generate-history --tickets 400 --seed 2026 --out samples/replay/history.jsonl");
    }

    [Fact]
    public void The_same_seed_gives_the_same_rows_and_another_seed_other_rows()
    {
        Synthetic(50, seed: 3).Should().Be(Synthetic(50, seed: 3));
        Synthetic(50, seed: 4).Should().NotBe(Synthetic(50, seed: 3));
    }

    [Fact]
    public void The_history_has_about_five_changes_per_ticket_and_every_kind_of_event()
    {
        var rows = SyntheticHistory.Generate(2000, seed: 1);

        ((double)rows.Count / 2000).Should().BeInRange(4.5, 5.5);
        string[] Values(string field) => [.. rows.SelectMany(r => r.Fields).Where(f => f.Field == field).Select(f => f.Value).Distinct()];
        Values("status").Should().Contain(["new", "in-progress", "waiting-on-requester", "done", "cancelled"]);
        Values("priority").Should().Contain(["P1", "P2", "P3", "P4"]);
        Values("category").Should().HaveCount(13);
        rows.GroupBy(r => r.Ticket).Count(g => g.Count(r => r.Fields.Any(f => f.Value == "done")) == 2).Should().BePositive("some tickets are reopened and resolved again");
        rows.GroupBy(r => r.Ticket).Count(g => g.Skip(1).Any(r => r.Fields.Any(f => f.Field == "priority"))).Should().BePositive("some priorities are raised");
        rows.Where(r => r.Sequence == 0).Count(r => r.At.InUtc().DayOfWeek is NodaTime.IsoDayOfWeek.Sunday).Should().BeLessThan(2000 / 14, "Sundays are quiet");
    }

    [Fact]
    public void Every_synthetic_row_replays_under_the_reference_policy_as_json_lines_and_as_csv()
    {
        var json = Report(Synthetic(300, seed: 5), policy: ReplayFixtures.Reference);
        var csv = Report(Synthetic(300, seed: 5, csv: true), format: HistoryFormat.Csv, policy: ReplayFixtures.Reference);

        json.History.BadRows.Should().Be(0);
        json.History.Tickets.Should().Be(300);
        ReplayFixtures.Json(csv).Should().Be(ReplayFixtures.Json(json));
    }

    [Fact]
    public void Memory_is_bounded_by_the_open_tickets_not_by_the_length_of_the_history()
    {
        static int MostOpen(string history)
        {
            var replayer = new TicketReplayer([ReplayFixtures.Reference], new SimulationOptions(), []);
            using var reader = HistoryReader.Open(new MemoryStream(Encoding.UTF8.GetBytes(history)), HistoryFormat.JsonLines, ReplayFixtures.Reference.Schema);
            var most = 0;
            while (reader.Next(out var row, out _))
            {
                replayer.Apply(row!, SimulationShard.Hash(row!.Ticket));
                most = Math.Max(most, replayer.OpenTickets);
            }

            return most;
        }

        MostOpen(Synthetic(3000, seed: 9)).Should().BeLessThanOrEqualTo(1, "grouped rows finish each ticket before the next begins");
        MostOpen(Synthetic(3000, seed: 9, sortedByTime: true)).Should().BeLessThan(60, "a year's tickets are open a day or two each");
    }
}
