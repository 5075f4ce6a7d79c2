using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Replay;
using Xunit;
using static SlaEngine.Tests.Replay.ReplayFixtures;

namespace SlaEngine.Tests.Replay;

/// <summary>
/// The figures of replay.jsonl under replay.yaml, computed by hand (all targets on 24x7), at midnight after the last row:
/// T1 app: respond 20m of 1h, resolve 2h of 4h, both met. T2 network: respond 1h of 30m (breached, 2.0), resolve
/// 2h + 5h of 8h with 4h waiting (met, 0.875). T3 app P1: respond 10m of 1h, resolve 3h of 2h (breached, 1.5).
/// T4 network: respond 5m of 30m, resolve stopped by cancellation at 1h of 8h (a stop: met). T5 network: respond 10m
/// of 30m, resolve running 10h of 8h (breached, its breach step notifies desk). T6 app: both clocks running 1h.
/// </summary>
public sealed class HistoryReplayTests
{
    private static readonly SimulationOptions AtMidnight = new() { At = Midnight };

    [Fact]
    public void The_respond_clock_of_the_hand_computed_history_has_four_met_one_breached_one_running()
    {
        var respond = Report(JsonLines, AtMidnight).Policies[0].ClockFor("respond")!.Total;

        (respond.Met, respond.Breached, respond.Cancelled, respond.Running, respond.NotStarted).Should().Be((4, 1, 0, 1, 0));
        respond.Attainment.Should().Be(0.8);
        respond.Ratio.Count.Should().Be(5);
        respond.Ratio.P50.Should().Be(0.34, "the third of 0.17, 0.17, 0.33, 0.33, 2.0 falls in the bucket [0.33, 0.34)");
        respond.Ratio.P90.Should().Be(2.0, "the fifth falls in [2.00, 2.01), capped by the exact maximum");
        respond.Ratio.Max.Should().Be(2.0);
    }

    [Fact]
    public void The_resolve_clock_counts_a_running_ticket_past_its_target_as_breached_but_keeps_it_out_of_the_distribution()
    {
        var resolve = Report(JsonLines, AtMidnight).Policies[0].ClockFor("resolve")!.Total;

        (resolve.Met, resolve.Breached, resolve.Running).Should().Be((3, 2, 1));
        resolve.Attainment.Should().Be(0.6);
        resolve.Ratio.Count.Should().Be(4, "T1, T2, T3 and T4 ended; T5 and T6 still run");
        resolve.Ratio.Buckets.Select(b => (b.Index, b.Count)).Should().Equal((12, 1), (50, 1), (87, 1), (150, 1));
        resolve.Ratio.Max.Should().Be(1.5);
    }

    [Fact]
    public void Figures_are_broken_down_by_owner_team_and_iso_week()
    {
        var resolve = Report(JsonLines, AtMidnight).Policies[0].ClockFor("resolve")!;

        resolve.ByOwner.Select(g => (g.Key, g.Figures.Met, g.Figures.Breached, g.Figures.Running))
            .Should().Equal(("desk", 1, 1, 1), ("infra", 2, 1, 0));
        resolve.ByWeek.Select(g => (g.Key, g.Figures.Total)).Should().Equal(("2026-W48", 6));
    }

    [Fact]
    public void Figures_are_broken_down_by_the_fields_asked_for()
    {
        var resolve = Report(JsonLines, new SimulationOptions { At = Midnight, By = ["priority", "category"] }).Policies[0].ClockFor("resolve")!;

        resolve.ByField.Select(f => f.Field).Should().Equal("priority", "category");
        resolve.ByField[0].Groups.Select(g => (g.Key, g.Figures.Met, g.Figures.Breached)).Should().Equal(("P1", 0, 1), ("P3", 3, 1));
        resolve.ByField[1].Groups.Select(g => (g.Key, g.Figures.Total)).Should().Equal(("app", 3), ("network", 3));
    }

    [Fact]
    public void Escalations_are_counted_per_notified_team()
    {
        var escalations = Report(JsonLines, AtMidnight).Policies[0].Escalations;

        escalations.Select(e => (e.Team, e.Clock, e.Count)).Should().Equal(("desk", "resolve", 1));
    }

    [Fact]
    public void Without_an_instant_the_report_is_made_at_the_last_row_of_the_history()
    {
        var report = Report(JsonLines);

        report.At.Should().Be(Instant.FromUtc(2026, 11, 24, 23, 0));
        var resolve = report.Policies[0].ClockFor("resolve")!.Total;
        (resolve.Met, resolve.Breached, resolve.Running).Should().Be((3, 2, 1), "T5 has run 9 h of 8 h by 23:00");
    }

    [Fact]
    public void Rows_after_the_report_instant_are_left_out()
    {
        var report = Report(JsonLines, new SimulationOptions { At = Instant.FromUtc(2026, 11, 24, 12, 0) });

        report.History.RowsAfterAt.Should().Be(8);
        report.History.Tickets.Should().Be(4, "T5 and T6 were submitted after noon, T4 at noon exactly");
        var resolve = report.Policies[0].ClockFor("resolve")!.Total;
        (resolve.Met, resolve.Breached, resolve.Running).Should().Be((1, 0, 3), "T1 has met; T2 waits at 2 h of 8 h, T3 has run exactly its 2 h (not over it), T4 has just started");
    }

    [Fact]
    public void The_csv_history_gives_the_same_report_as_the_json_lines_one()
    {
        ReplayFixtures.Json(Report(Csv, AtMidnight, HistoryFormat.Csv)).Should().Be(ReplayFixtures.Json(Report(JsonLines, AtMidnight)));
    }

    [Fact]
    public void Rows_sorted_by_time_give_the_same_report_as_rows_grouped_by_ticket()
    {
        var sorted = string.Join("\n", JsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select((line, i) => (line, i, at: System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("at").GetString()))
            .OrderBy(x => x.at, StringComparer.Ordinal).ThenBy(x => x.i).Select(x => x.line));

        ReplayFixtures.Json(Report(sorted, AtMidnight)).Should().Be(ReplayFixtures.Json(Report(JsonLines, AtMidnight)));
    }

    [Fact]
    public void A_comparison_shows_the_tighter_resolve_target_breaching_the_two_hour_app_ticket()
    {
        var report = Report(JsonLines, new SimulationOptions { At = Midnight, Compare = Tight });

        report.IsComparison.Should().BeTrue();
        var before = report.Policies[0].ClockFor("resolve")!.Total;
        var after = report.Policies[1].ClockFor("resolve")!.Total;
        (before.Met, before.Breached).Should().Be((3, 2));
        (after.Met, after.Breached).Should().Be((2, 3), "T1 took 2 h, over the proposed 1h30m");
        report.DifferenceCount.Should().Be(1);
        var difference = report.Differences.Single();
        (difference.Ticket, difference.Clock, difference.Outcome, difference.OtherOutcome).Should().Be(("T1", "resolve", CycleOutcome.Met, CycleOutcome.Breached));
    }

    [Fact]
    public void Each_cycle_is_handed_over_for_the_csv_with_its_owner_target_and_outcome()
    {
        var cycles = new List<CycleRecord>();
        Report(JsonLines, new SimulationOptions { At = Midnight, OnCycle = cycles.Add });

        cycles.Should().HaveCount(12);
        var t2 = cycles.Single(c => c.Ticket == "T2" && c.Clock == "resolve");
        (t2.Owner, t2.Start, t2.End, t2.Target, t2.Elapsed, t2.Outcome).Should().Be(
            ("infra", Instant.FromUtc(2026, 11, 24, 9, 0), (Instant?)Instant.FromUtc(2026, 11, 24, 20, 0), Duration.FromHours(8), Duration.FromHours(7), CycleOutcome.Met));
        cycles.Single(c => c.Ticket == "T6" && c.Clock == "resolve").End.Should().BeNull();
    }

    [Fact]
    public void A_row_whose_entry_id_the_ticket_already_holds_is_ignored()
    {
        var history = Lines(
            """{"ticket": "A", "at": "2026-11-24T09:00:00Z", "id": "e1", "category": "app"}""",
            """{"ticket": "A", "at": "2026-11-24T09:10:00Z", "id": "e2", "status": "open"}""",
            """{"ticket": "A", "at": "2026-11-24T09:10:00Z", "id": "e2", "status": "open"}""",
            """{"ticket": "A", "at": "2026-11-24T10:00:00Z", "id": "e3", "status": "done"}""");

        var report = Report(history);

        report.History.DuplicateRows.Should().Be(1);
        report.History.Rows.Should().Be(3);
    }

    [Fact]
    public void Rows_of_a_ticket_whose_clocks_have_all_ended_are_counted_and_change_nothing()
    {
        var history = JsonLines + Lines("""{"ticket": "T1", "at": "2026-11-24T21:00:00Z", "status": "open"}""");

        var report = Report(history, AtMidnight);

        report.History.RowsAfterEnd.Should().Be(1);
        ReplayFixtures.Json(Report(history, AtMidnight)).Should().Contain("\"met\": 3");
        report.Policies[0].ClockFor("resolve")!.Total.Met.Should().Be(3);
    }

    [Fact]
    public void The_same_history_gives_the_same_bytes_whatever_the_number_of_threads()
    {
        var history = Synthetic(400, sortedByTime: true);

        var one = ReplayFixtures.Json(Report(history, new SimulationOptions { Threads = 1, By = ["priority"] }, policy: Reference));
        var three = ReplayFixtures.Json(Report(history, new SimulationOptions { Threads = 3, By = ["priority"] }, policy: Reference));

        three.Should().Be(one);
    }

    [Fact]
    public void A_by_name_that_is_not_an_enum_bool_or_team_field_is_refused_with_the_fields_that_are()
    {
        var act = () => Run(JsonLines, new SimulationOptions { By = ["summary"] });

        act.Should().Throw<ArgumentException>().WithMessage("*'summary' is not an enum, bool or team field*category, priority, status*");
    }
}
