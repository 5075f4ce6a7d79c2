using System.Linq;
using FluentAssertions;
using SlaEngine.Replay;
using Xunit;
using static SlaEngine.Tests.Replay.ReplayFixtures;

namespace SlaEngine.Tests.Replay;

public sealed class BadRowTests
{
    private static readonly string History = Lines(
        """{"ticket": "A", "at": "2026-11-24T09:00:00Z", "category": "app"}""",
        """{"ticket": "A", "at": "2026-11-24T09:10:00Z", "priority": "P9"}""",
        """{"ticket": "B", "at": "2026-11-24T09:00:00", "category": "app"}""",
        """{"ticket": "C", "at": "2026-11-24T09:00:00Z", "category": "app",""",
        "",
        """{"at": "2026-11-24T09:00:00Z", "category": "app"}""",
        """{"ticket": "D", "at": "2026-11-24T09:00:00Z"}""",
        """{"ticket": "A", "at": "2026-11-24T08:00:00Z", "status": "open"}""",
        """{"ticket": "A", "at": "2026-11-24T10:00:00Z", "status": "done"}""");

    [Fact]
    public void The_first_bad_row_stops_the_replay_naming_its_line_and_field()
    {
        var result = Run(History);

        result.Success.Should().BeFalse();
        result.Error!.Line.Should().Be(2);
        result.Error.Field.Should().Be("priority");
        result.Error.Message.Should().Contain("'P9' is not one of P1, P2, P3");
        result.Error.ToString().Should().StartWith("line 2: priority:");
    }

    [Fact]
    public void With_skip_bad_every_bad_row_is_skipped_counted_and_listed_with_its_line_and_field()
    {
        var report = Report(History, new SimulationOptions { SkipBad = true });

        report.History.BadRows.Should().Be(6);
        report.History.FirstBadRows.Select(e => (e.Line, e.Field)).Should().Equal(
            (2, "priority"),
            (3, "at"),
            (4, null),
            (6, "ticket"),
            (7, "category"),
            (8, "at"));
        report.History.FirstBadRows[1].Message.Should().Contain("offset");
        report.History.FirstBadRows[3].Message.Should().Contain("does not say which ticket");
        report.History.FirstBadRows[4].Message.Should().Contain("submission").And.Contain("category");
        report.History.FirstBadRows[5].Message.Should().Contain("earlier than the ticket's previous row");
        report.History.Tickets.Should().Be(1);
        report.Policies[0].ClockFor("resolve")!.Total.Met.Should().Be(1, "ticket A's good rows are replayed around its bad ones");
    }

    [Fact]
    public void A_report_lists_the_first_twenty_bad_rows_and_counts_them_all()
    {
        var rows = Enumerable.Range(1, 45).Select(i => $$"""{"ticket": "T{{i}}", "at": "yesterday"}""").ToArray();

        var report = Report(Lines(rows), new SimulationOptions { SkipBad = true });

        report.History.BadRows.Should().Be(45);
        report.History.FirstBadRows.Select(e => e.Line).Should().Equal(Enumerable.Range(1, 20).Select(i => (long)i));
    }

    [Fact]
    public void A_csv_row_with_a_missing_cell_or_a_bad_value_is_named_by_its_line()
    {
        var csv = Lines(
            "ticket,at,category,status",
            "A,2026-11-24T09:00:00Z,app,",
            "A,2026-11-24T09:10:00Z,,opened",
            "B,2026-11-24T09:00:00Z,app",
            "\"C, quoted\",2026-11-24T09:00:00Z,network,");

        var report = Report(csv, new SimulationOptions { SkipBad = true }, HistoryFormat.Csv);

        report.History.FirstBadRows.Select(e => (e.Line, e.Field)).Should().Equal((3, "status"), (4, null));
        report.History.FirstBadRows[0].Message.Should().Contain("'opened'").And.Contain("did you mean 'open'");
        report.History.FirstBadRows[1].Message.Should().Contain("3 cells where the header row has 4");
        report.History.Tickets.Should().Be(2, "a quoted ticket with a comma is read whole");
    }

    [Fact]
    public void A_csv_file_without_a_ticket_column_cannot_be_read_even_with_skip_bad()
    {
        var result = Run(Lines("id,at,category", "A,2026-11-24T09:00:00Z,app"), new SimulationOptions { SkipBad = true }, HistoryFormat.Csv);

        result.Success.Should().BeFalse();
        (result.Error!.Line, result.Error.Field).Should().Be((1, "ticket"));
        result.Error.Message.Should().Contain("no 'ticket' column");
    }

    [Fact]
    public void An_empty_history_gives_an_empty_report()
    {
        var report = Report(string.Empty);

        report.History.Rows.Should().Be(0);
        report.Policies[0].Clocks.Select(c => c.Total.Total).Should().Equal(0, 0);
    }
}
