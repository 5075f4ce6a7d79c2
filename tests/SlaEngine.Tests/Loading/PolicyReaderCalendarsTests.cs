using System.Linq;
using FluentAssertions;
using SlaEngine.Diagnostics;
using Xunit;
using static SlaEngine.Tests.Loading.LoadResultAssertions;

namespace SlaEngine.Tests.Loading;

public sealed class PolicyReaderCalendarsTests
{
    private const string Head = "format: slaengine/v1\npolicy: p\ncalendars:\n  c:\n    zone: America/New_York\n";

    // Lines 1-5 are the head; the first line of a body is line 6.
    private static PolicyLoadResult Calendar(string body) => Load(Head + body);

    [Theory]
    [InlineData("mon-fri: \"08:00-18:00\"")]
    [InlineData("mon,wed,fri: \"08:00-18:00\"")]
    [InlineData("\"mon, wed, fri\": \"08:00-18:00\"")]
    [InlineData("fri-mon: \"08:00-18:00\"")]
    [InlineData("mon-sun: \"00:00-24:00\"")]
    [InlineData("sun: \"18:00-24:00\"")]
    [InlineData("mon-fri: \"22:00-06:00\"")]
    [InlineData("mon-fri: [\"08:00-12:00\", \"13:00-18:00\"]")]
    [InlineData("mon-fri: [\"13:00-18:00\", \"08:00-12:00\"]")]
    [InlineData("mon-fri: [\"08:00-12:00\", \"12:00-18:00\"]")]
    [InlineData("mon-sat,sun: \"09:00-17:00\"")]
    [InlineData("mon-fri: \"08:00-18:00\"\n      sat: closed")]
    [InlineData("mon: \"08:00-18:00\"\n      tue: \"09:00-17:00\"\n      wed-thu: [\"07:00-11:00\", \"20:00-02:00\"]")]
    public void Every_form_of_weekly_hours_loads(string hours)
    {
        Calendar("    hours:\n      " + hours + "\n").ShouldLoadCleanly();
    }

    [Fact]
    public void An_overnight_interval_may_run_into_the_next_days_first_interval()
    {
        Calendar("    hours:\n      mon: \"22:00-06:00\"\n      tue: \"05:00-09:00\"\n").ShouldLoadCleanly();
    }

    [Theory]
    [InlineData("monday", "'monday' is not a day")]
    [InlineData("mon-fry", "did you mean 'fri'")]
    [InlineData("Mon", "did you mean 'mon'")]
    [InlineData("mon-", "is not a day")]
    [InlineData("\"mon,,fri\"", "is not a day")]
    [InlineData("mon-tue-wed", "is not a day")]
    public void A_malformed_day_key_is_reported_at_the_key(string key, string expected)
    {
        Calendar($"    hours:\n      {key}: \"08:00-18:00\"\n").ShouldHaveOneError(DiagnosticCodes.InvalidHours, 7, 7)
            .Message.Should().Contain(expected);
    }

    [Theory]
    [InlineData("\"08:00-25:00\"", "25:00")]
    [InlineData("\"24:00-08:00\"", "24:00")]
    [InlineData("\"08:00-24:01\"", "24:01")]
    [InlineData("\"08:60-09:00\"", "08:60")]
    [InlineData("\"8:00-18:00\"", "HH:mm-HH:mm")]
    [InlineData("8-18", "HH:mm-HH:mm")]
    [InlineData("\"08:00 - 18:00\"", "HH:mm-HH:mm")]
    [InlineData("open", "HH:mm-HH:mm")]
    [InlineData("~", "not an interval")]
    public void A_malformed_interval_is_reported_at_the_interval(string interval, string expected)
    {
        Calendar($"    hours:\n      mon: {interval}\n").ShouldHaveOneError(DiagnosticCodes.InvalidHours, 7, 12)
            .Message.Should().Contain(expected);
    }

    [Fact]
    public void A_malformed_interval_in_a_list_is_reported_at_that_interval()
    {
        Calendar("    hours:\n      mon: [\"08:00-12:00\", \"13:00-1800\"]\n").ShouldHaveOneError(DiagnosticCodes.InvalidHours, 7, 28);
    }

    [Fact]
    public void Closed_inside_a_list_of_intervals_is_reported_at_closed()
    {
        Calendar("    hours:\n      mon: [\"08:00-12:00\", closed]\n      tue: \"08:00-12:00\"\n").ShouldHaveOneError(DiagnosticCodes.InvalidHours, 7, 28)
            .Message.Should().Contain("'closed' stands alone");
    }

    [Fact]
    public void Overlapping_intervals_are_reported_at_the_one_that_starts_later_in_the_day()
    {
        Calendar("    hours:\n      mon-fri: [\"11:00-18:00\", \"08:00-12:00\"]\n").ShouldHaveOneError(DiagnosticCodes.OverlappingHours, 7, 17)
            .Message.Should().Contain("overlap");
    }

    [Fact]
    public void Overlap_between_two_day_keys_is_reported_once_at_the_later_interval()
    {
        Calendar("    hours:\n      mon-fri: \"08:00-18:00\"\n      mon,tue: \"17:00-20:00\"\n").ShouldHaveOneError(DiagnosticCodes.OverlappingHours, 8, 16);
    }

    [Fact]
    public void An_overnight_interval_overlapping_a_later_one_on_its_own_day_is_reported()
    {
        Calendar("    hours:\n      mon: [\"20:00-06:00\", \"23:00-23:30\"]\n").ShouldHaveOneError(DiagnosticCodes.OverlappingHours, 7, 28);
    }

    [Fact]
    public void A_calendar_that_is_always_closed_is_reported_at_hours()
    {
        Calendar("    hours:\n      mon-sun: closed\n").ShouldHaveOneError(DiagnosticCodes.CalendarNeverOpen, 6, 5);
    }

    [Fact]
    public void A_closed_week_with_an_open_exception_is_allowed()
    {
        Calendar("    hours:\n      mon-sun: closed\n    exceptions:\n      - { date: 2026-12-24, hours: \"08:00-12:00\" }\n").ShouldLoadCleanly();
    }

    [Fact]
    public void A_calendar_without_a_zone_is_reported_at_the_calendar()
    {
        Load("format: slaengine/v1\npolicy: p\ncalendars:\n  c:\n    hours: { mon: \"08:00-12:00\" }\n")
            .ShouldHaveOneError(DiagnosticCodes.MissingKey, 5, 5).Message.Should().Contain("'zone'");
    }

    [Fact]
    public void A_calendar_without_hours_is_reported_at_the_calendar()
    {
        Calendar("    name: Empty\n").ShouldHaveOneError(DiagnosticCodes.MissingKey, 5, 5).Message.Should().Contain("'hours'");
    }

    [Theory]
    [InlineData("America/New_Yrok", "did you mean 'America/New_York'")]
    [InlineData("\"America/New_York \"", "IANA")]
    [InlineData("Mars/Olympus", "IANA")]
    public void An_unknown_zone_is_reported_at_the_zone(string zone, string expected)
    {
        Load($"format: slaengine/v1\npolicy: p\ncalendars:\n  c:\n    zone: {zone}\n    hours: {{ mon: \"08:00-12:00\" }}\n")
            .ShouldHaveOneError(DiagnosticCodes.UnknownZone, 5, 11).Message.Should().Contain(expected);
    }

    [Theory]
    [InlineData("24x7")]
    [InlineData("owner")]
    public void A_reserved_calendar_name_cannot_be_declared(string id)
    {
        Load($"format: slaengine/v1\npolicy: p\ncalendars:\n  {id}: {{ zone: UTC, hours: {{ mon: \"08:00-12:00\" }} }}\n")
            .ShouldHaveOneError(DiagnosticCodes.InvalidId, 4, 3).Message.Should().Contain("reserved");
    }

    [Fact]
    public void Every_form_of_holiday_loads()
    {
        Calendar("""
                hours: { mon-fri: "08:00-18:00" }
                holidays:
                  - 2026-12-25
                  - "2026-12-26"
                  - { date: 2026-11-26, name: Thanksgiving }
                  - { yearly: "01-01", name: New Year }
                  - { yearly: "02-29" }
                  - { yearly: "11/thu#4", name: Thanksgiving }
                  - { yearly: "05/mon#-1", name: Memorial Day }
                  - { yearly: "09/mon#1" }
                  - { yearly: "03/sun#5" }
            """ + "\n").ShouldLoadCleanly();
    }

    [Theory]
    [InlineData("2026-13-01", "not a date")]
    [InlineData("2026-02-30", "not a date")]
    [InlineData("12/25/2026", "not a date")]
    [InlineData("{ date: 2026-02-30 }", "not a date")]
    [InlineData("{ yearly: \"13-01\" }", "not a day of the year")]
    [InlineData("{ yearly: \"02-30\" }", "not a day of the year")]
    [InlineData("{ yearly: \"12-00\" }", "not a day of the year")]
    [InlineData("{ yearly: \"11/thu#0\" }", "1 to 5, or -1")]
    [InlineData("{ yearly: \"11/thu#6\" }", "1 to 5, or -1")]
    [InlineData("{ yearly: \"11/thu#-2\" }", "1 to 5, or -1")]
    [InlineData("{ yearly: \"13/thu#1\" }", "month")]
    [InlineData("{ yearly: \"11/thr#4\" }", "did you mean 'thu'")]
    [InlineData("{ yearly: \"11/THU#4\" }", "not a yearly holiday")]
    [InlineData("{ yearly: 2026-12-25 }", "not a yearly holiday")]
    [InlineData("[2026-12-25]", "not a list")]
    public void A_malformed_holiday_is_reported_at_its_value(string holiday, string expected)
    {
        var line = "      - " + holiday;
        var column = holiday.StartsWith('{') ? line.IndexOf(": ", System.StringComparison.Ordinal) + 3 : 9;
        Calendar("    hours: { mon: \"08:00-12:00\" }\n    holidays:\n" + line + "\n")
            .ShouldHaveOneError(DiagnosticCodes.InvalidHoliday, 8, column).Message.Should().Contain(expected);
    }

    [Fact]
    public void A_holiday_with_both_date_and_yearly_is_reported_at_the_yearly_key()
    {
        Calendar("    hours: { mon: \"08:00-12:00\" }\n    holidays:\n      - { date: 2026-12-25, yearly: \"12-25\" }\n")
            .ShouldHaveOneError(DiagnosticCodes.InvalidHoliday, 8, 29);
    }

    [Fact]
    public void A_holiday_with_neither_date_nor_yearly_is_reported_at_the_holiday()
    {
        Calendar("    hours: { mon: \"08:00-12:00\" }\n    holidays:\n      - { name: Someday }\n")
            .ShouldHaveOneError(DiagnosticCodes.MissingKey, 8, 9);
    }

    [Theory]
    [InlineData("\"08:00-12:00\"")]
    [InlineData("closed")]
    [InlineData("[\"08:00-10:00\", \"14:00-16:00\"]")]
    [InlineData("\"22:00-02:00\"")]
    public void An_exception_may_have_hours_or_be_closed(string hours)
    {
        Calendar($"    hours: {{ mon-fri: \"08:00-18:00\" }}\n    exceptions:\n      - {{ date: 2026-12-24, hours: {hours}, name: Eve }}\n").ShouldLoadCleanly();
    }

    [Fact]
    public void An_exception_with_a_malformed_date_is_reported_at_the_date()
    {
        Calendar("    hours: { mon: \"08:00-12:00\" }\n    exceptions:\n      - { date: 2026-12-32, hours: closed }\n")
            .ShouldHaveOneError(DiagnosticCodes.InvalidDate, 8, 17);
    }

    [Fact]
    public void Two_exceptions_for_one_date_are_reported_at_the_second()
    {
        Calendar("    hours: { mon: \"08:00-12:00\" }\n    exceptions:\n      - { date: 2026-12-24, hours: closed }\n      - { date: 2026-12-24, hours: \"08:00-10:00\" }\n")
            .ShouldHaveOneError(DiagnosticCodes.InvalidDate, 9, 17);
    }

    [Fact]
    public void An_exception_without_hours_is_reported_at_the_exception()
    {
        Calendar("    hours: { mon: \"08:00-12:00\" }\n    exceptions:\n      - { date: 2026-12-24 }\n")
            .ShouldHaveOneError(DiagnosticCodes.MissingKey, 8, 9);
    }

    [Fact]
    public void Overlapping_exception_hours_are_reported_at_the_later_interval()
    {
        Calendar("    hours: { mon: \"08:00-12:00\" }\n    exceptions:\n      - { date: 2026-12-24, hours: [\"08:00-12:00\", \"09:00-10:00\"] }\n")
            .ShouldHaveOneError(DiagnosticCodes.OverlappingHours, 8, 52);
    }

    [Fact]
    public void A_malformed_exception_interval_is_reported_at_it()
    {
        Calendar("    hours: { mon: \"08:00-12:00\" }\n    exceptions:\n      - { date: 2026-12-24, hours: half-day }\n")
            .ShouldHaveOneError(DiagnosticCodes.InvalidHours, 8, 36);
    }

    [Fact]
    public void The_reference_policy_calendars_load_with_their_positions_intact()
    {
        var result = PolicyLoader.LoadFile(TestFiles.ReferencePolicyPath);

        result.Errors.Should().BeEmpty();
        result.Policy!.Schema.TeamIds.Should().Contain(["cc-ops", "it-oncall"]);
        result.Policy.Schema.Fields.Single(f => f.Name == "category").Location.Line.Should().Be(62);
    }
}
