using System;
using System.IO;
using System.Linq;
using FluentAssertions;
using Xunit;
using static SlaEngine.Cli.Tests.CliRunner;

namespace SlaEngine.Cli.Tests;

public sealed class CalendarCommandTests : IDisposable
{
    private const string PolicyText = """
        format: slaengine/v1
        policy: calendars
        holidaySets:
          uk:
            - { yearly: "12-25", name: Christmas Day }
            - { yearly: "12-26", name: Boxing Day }
        calendars:
          london:
            zone: Europe/London
            hours: { mon-fri: "08:00-18:00" }
            holidays:
              - { set: uk, observed: next-weekday }
            exceptions:
              - { date: 2027-12-24, hours: "08:00-12:00" }
        teams:
          cc: { calendar: london }
        rules:
          - id: r
            owner: cc
        freezes:
          - id: year-end
            zone: Europe/London
            from: 2027-12-20T00:00
            to: 2028-01-04T00:00
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("slaengine-calendar-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Show_prints_each_date_with_its_hours_and_why()
    {
        var (exit, output, _) = Run("calendar", "show", Write("p.yaml", PolicyText), "london", "--from", "2027-12-23", "--days", "6");

        exit.Should().Be(CliApp.Ok);
        output.Should().Be("""
            calendar london (Europe/London), 2027-12-23 to 2027-12-28, local times
            2027-12-23 Thu  08:00-18:00  weekly hours
            2027-12-24 Fri  08:00-12:00  exception
            2027-12-25 Sat  closed  holiday: Christmas Day
            2027-12-26 Sun  closed  holiday: Boxing Day
            2027-12-27 Mon  closed  holiday (observed): Christmas Day observed, actual Sat 2027-12-25
            2027-12-28 Tue  closed  holiday (observed): Boxing Day observed, actual Sun 2027-12-26
            2 open date(s), 4 closed

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    [Fact]
    public void Show_refuses_an_unknown_calendar_naming_the_known_ones()
    {
        var (exit, _, error) = Run("calendar", "show", Write("p.yaml", PolicyText), "paris", "--from", "2027-12-23");

        exit.Should().Be(CliApp.Failed);
        error.Should().Contain("no calendar 'paris'").And.Contain("london, 24x7");
    }

    [Theory]
    [InlineData("23/12/2027", "14", "is not a date")]
    [InlineData("2027-12-23", "0", "out of range")]
    public void Show_refuses_a_bad_date_or_count(string from, string days, string expected)
    {
        var (exit, _, error) = Run("calendar", "show", Write("p.yaml", PolicyText), "london", "--from", from, "--days", days);

        exit.Should().Be(CliApp.Failed);
        error.Should().Contain(expected);
    }

    [Fact]
    public void Show_prints_the_policy_s_errors_with_their_lines()
    {
        var path = Write("bad.yaml", PolicyText.Replace("{ set: uk, observed: next-weekday }", "{ set: ukk }", StringComparison.Ordinal));

        var (exit, output, _) = Run("calendar", "show", path, "london", "--from", "2027-12-23");

        exit.Should().Be(CliApp.Failed);
        output.Should().Contain($"{path}:12:16: error SLA1208: unknown holiday set 'ukk'");
    }

    [Fact]
    public void Export_writes_a_file_that_Ical_Net_reads_back_the_same_with_the_same_stamp()
    {
        var policy = Write("p.yaml", PolicyText);
        var first = Path.Combine(_folder, "a.ics");
        var second = Path.Combine(_folder, "b.ics");

        Run("calendar", "export", policy, "--from", "2027-12-20", "--to", "2027-12-31", "--stamp", "2027-11-01T00:00:00Z", "-o", first).Exit.Should().Be(CliApp.Ok);
        Run("calendar", "export", policy, "--from", "2027-12-20", "--to", "2027-12-31", "--stamp", "2027-11-01T00:00:00Z", "-o", second).Exit.Should().Be(CliApp.Ok);

        File.ReadAllBytes(first).Should().Equal(File.ReadAllBytes(second));
        var calendar = Ical.Net.Calendar.Load(File.ReadAllText(first))!;
        calendar.Events.Select(e => e.Summary).Should().Equal(
            "Hours 08:00-12:00 [london]", "Christmas Day [london]", "Boxing Day [london]", "Christmas Day (observed) [london]",
            "Boxing Day (observed) [london]", "Change freeze year-end");
    }

    [Theory]
    [InlineData("2027-12-31", "--stamp", "yesterday", "is not an instant")]
    [InlineData("2027-13-01", "--stamp", "2027-11-01T00:00:00Z", "is not a date")]
    [InlineData("2027-12-31", "--calendar", "paris", "no calendar 'paris'")]
    [InlineData("2027-12-01", "--calendar", "london", "ends (2027-12-01) before it starts (2027-12-20)")]
    public void Export_refuses_bad_input_with_exit_1(string to, string option, string value, string expected)
    {
        var (exit, _, error) = Run("calendar", "export", Write("p.yaml", PolicyText), "--from", "2027-12-20", "--to", to, option, value);

        exit.Should().Be(CliApp.Failed);
        error.Should().Contain(expected);
    }
}
