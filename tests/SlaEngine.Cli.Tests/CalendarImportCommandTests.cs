using System;
using System.IO;
using FluentAssertions;
using Xunit;
using static SlaEngine.Cli.Tests.CliRunner;

namespace SlaEngine.Cli.Tests;

/// <summary>
/// <c>calendar import</c> on iCalendar files of the kinds holiday feeds and calendar exports publish, written here from
/// RFC 5545: multi-day events, DURATION, yearly rules, EXDATE, folded lines, timed events, malformed files.
/// </summary>
public sealed class CalendarImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slaengine-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Ics(params string[] events)
    {
        var path = Path.Combine(_folder, "feed.ics");
        File.WriteAllText(path, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//Holidays//EN\r\n" + string.Concat(events) + "END:VCALENDAR\r\n");
        return path;
    }

    private static string Event(string uid, params string[] lines) =>
        $"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20260101T000000Z\r\n" + string.Concat(Array.ConvertAll(lines, l => l + "\r\n")) + "END:VEVENT\r\n";

    private static (int Exit, string Out, string Error) Import(params string[] args) => Run(["calendar", "import", .. args]);

    [Fact]
    public void A_dated_all_day_event_becomes_one_date_entry_per_date_it_covers_DTEND_excluded()
    {
        var path = Ics(
            Event("1", "DTSTART;VALUE=DATE:20271224", "DTEND;VALUE=DATE:20271227", "SUMMARY:Christmas closure"),
            Event("2", "DTSTART;VALUE=DATE:20270101", "SUMMARY:New Year's Day"));

        var (exit, output, _) = Import(path);

        exit.Should().Be(CliApp.Ok);
        output.Should().Be(
            "# 4 holiday entries from feed.ics; 0 timed event(s) skipped\n" +
            "holidays:\n" +
            "  - { date: 2027-01-01, name: \"New Year's Day\" }\n" +
            "  - { date: 2027-12-24, name: \"Christmas closure\" }\n" +
            "  - { date: 2027-12-25, name: \"Christmas closure\" }\n" +
            "  - { date: 2027-12-26, name: \"Christmas closure\" }\n");
    }

    [Fact]
    public void A_DURATION_counts_its_days()
    {
        var (_, output, _) = Import(Ics(Event("1", "DTSTART;VALUE=DATE:20270412", "DURATION:P2D", "SUMMARY:Spring break")));

        output.Should().Contain("{ date: 2027-04-12, name: \"Spring break\" }").And.Contain("{ date: 2027-04-13, name: \"Spring break\" }")
            .And.NotContain("2027-04-14");
    }

    [Fact]
    public void A_yearly_rule_on_a_fixed_date_or_an_nth_weekday_becomes_one_yearly_entry()
    {
        var path = Ics(
            Event("1", "DTSTART;VALUE=DATE:20100101", "RRULE:FREQ=YEARLY", "SUMMARY:New Year's Day"),
            Event("2", "DTSTART;VALUE=DATE:20101125", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "SUMMARY:Thanksgiving"),
            Event("3", "DTSTART;VALUE=DATE:20100531", "RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO;UNTIL=20301231", "SUMMARY:Memorial Day"),
            Event("4", "DTSTART;VALUE=DATE:20210619", "RRULE:FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=19", "SUMMARY:Juneteenth"));

        var (exit, output, _) = Import(path);

        exit.Should().Be(CliApp.Ok);
        output.Should().Contain("  - { yearly: \"01-01\", name: \"New Year's Day\", from: 2010 }\n")
            .And.Contain("  - { yearly: \"11/thu#4\", name: \"Thanksgiving\", from: 2010 }\n")
            .And.Contain("  - { yearly: \"05/mon#-1\", name: \"Memorial Day\", from: 2010, until: 2030 }\n")
            .And.Contain("  - { yearly: \"06-19\", name: \"Juneteenth\", from: 2021 }\n");
    }

    [Fact]
    public void A_yearly_rule_with_an_EXDATE_and_any_other_recurrence_are_expanded_between_from_and_until()
    {
        var path = Ics(
            Event("1", "DTSTART;VALUE=DATE:20200101", "RRULE:FREQ=YEARLY", "EXDATE;VALUE=DATE:20270101", "SUMMARY:New Year's Day"),
            Event("2", "DTSTART;VALUE=DATE:20260105", "RRULE:FREQ=MONTHLY;BYDAY=1MO", "SUMMARY:Inventory Monday"));

        var (exit, output, _) = Import(path, "--from", "2026", "--until", "2027");

        exit.Should().Be(CliApp.Ok);
        output.Should().Contain("{ date: 2026-01-01, name: \"New Year's Day\" }").And.NotContain("2027-01-01")
            .And.Contain("{ date: 2026-02-02, name: \"Inventory Monday\" }").And.Contain("{ date: 2027-12-06, name: \"Inventory Monday\" }")
            .And.NotContain("2028-");
    }

    [Fact]
    public void Another_recurrence_without_from_and_until_is_an_error_naming_its_line()
    {
        var (exit, _, error) = Import(Ics(Event("1", "DTSTART;VALUE=DATE:20260105", "RRULE:FREQ=MONTHLY;BYDAY=1MO", "SUMMARY:Inventory Monday")));

        exit.Should().Be(CliApp.Failed);
        error.Should().Contain("feed.ics:4:").And.Contain("give --from and --until");
    }

    [Fact]
    public void Folded_lines_are_unfolded_and_escaped_text_is_read()
    {
        var path = Ics(Event("1", "DTSTART;VALUE=DATE:20270527", "SUMMARY:Ascension Day\\, the company's spring", " holiday \"day\""));

        var (_, output, _) = Import(path);

        output.Should().Contain("{ date: 2027-05-27, name: \"Ascension Day, the company's springholiday \\\"day\\\"\" }");
    }

    [Fact]
    public void Timed_events_are_skipped_and_counted()
    {
        var path = Ics(
            Event("1", "DTSTART;TZID=Europe/London:20271224T090000", "DTEND;TZID=Europe/London:20271224T120000", "SUMMARY:Office party"),
            Event("2", "DTSTART:20271231T230000Z", "SUMMARY:Countdown"),
            Event("3", "DTSTART;VALUE=DATE:20271225", "SUMMARY:Christmas Day"));

        var (exit, output, _) = Import(path);

        exit.Should().Be(CliApp.Ok);
        output.Should().StartWith("# 1 holiday entry from feed.ics; 2 timed event(s) skipped\n").And.NotContain("Office party");
    }

    [Fact]
    public void Imported_entries_paste_into_a_policy_that_loads()
    {
        var (_, output, _) = Import(Ics(
            Event("1", "DTSTART;VALUE=DATE:20101125", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "SUMMARY:Thanksgiving: \"turkey\" day"),
            Event("2", "DTSTART;VALUE=DATE:20271224", "DTEND;VALUE=DATE:20271225", "SUMMARY:Christmas Eve")));
        var holidays = output.Replace("holidays:\n", string.Empty, StringComparison.Ordinal).Replace("  - ", "      - ", StringComparison.Ordinal);
        var policy = "format: slaengine/v1\npolicy: p\ncalendars:\n  c:\n    zone: America/New_York\n    hours: { mon-fri: \"09:00-17:00\" }\n    holidays:\n" + holidays;

        var result = PolicyLoader.Load(policy, "p.yaml");

        result.Errors.Should().BeEmpty();
        result.Policy!.FindCalendar("c")!.Holidays.Should().HaveCount(2);
    }

    [Theory]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2027XX01\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", 4, "is not a date")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nthis is not a property\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", 4, "not an iCalendar content line")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nEND:VCALENDAR\r\n", 5, "does not close BEGIN:VEVENT of line 3")]
    [InlineData("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nEND:VEVENT\r\n", 1, "never closed")]
    [InlineData("Subject,Start Date\r\nNew Year,2027-01-01\r\n", 1, "must start with BEGIN:VCALENDAR")]
    [InlineData("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:No start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", 2, "has no DTSTART")]
    public void A_malformed_file_is_an_error_naming_its_line(string text, int line, string expected)
    {
        var path = Path.Combine(_folder, "bad.ics");
        File.WriteAllText(path, text);

        var (exit, output, error) = Import(path);

        exit.Should().Be(CliApp.Failed);
        output.Should().BeEmpty();
        error.Should().Contain($"{path}:{line}: ").And.Contain(expected);
    }

    [Fact]
    public void A_missing_file_is_an_error()
    {
        var (exit, _, error) = Import(Path.Combine(_folder, "none.ics"));

        exit.Should().Be(CliApp.Failed);
        error.Should().Contain("none.ics");
    }
}
