using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Diagnostics;
using Xunit;
using static SlaEngine.Tests.Loading.LoadResultAssertions;

namespace SlaEngine.Tests.Loading;

public sealed class PolicyReaderHolidayRulesTests
{
    private const string Head = "format: slaengine/v1\npolicy: p\n";

    private const string Sets = "holidaySets:\n  uk:\n    - { yearly: \"12-25\", name: Christmas Day }\n    - { yearly: \"12-26\", name: Boxing Day }\n    - { easter: -2, name: Good Friday }\n";

    // With Head and Sets, a calendar's first holiday is on line 13.
    private static PolicyLoadResult WithCalendar(string holidays) =>
        Load(Head + Sets + "calendars:\n  c:\n    zone: Europe/London\n    hours: { mon-fri: \"08:00-18:00\" }\n    holidays:\n" + holidays);

    private static BusinessCalendar Calendar(PolicyLoadResult result) => result.ShouldLoadCleanly().Calendars.Single(c => c.Id == "c");

    [Fact]
    public void Every_holiday_rule_loads_into_the_calendar()
    {
        var calendar = Calendar(WithCalendar(
            "      - { set: uk, observed: next-weekday }\n" +
            "      - { easter: 1, church: orthodox, name: Orthodox Easter Monday, from: 2020, until: 2030 }\n" +
            "      - { yearly: \"05/mon>=18\", name: Victoria Day }\n" +
            "      - { yearly: \"06-19\", name: Juneteenth, from: 2021, observed: nearest-weekday }\n" +
            "      - { date: 2027-07-04, name: Company day, observed: none }\n"));

        calendar.Holidays.Should().HaveCount(7);
        calendar.Holidays.OfType<YearlyHoliday>().First().Observance.Should().Be(HolidayObservance.NextWeekday);
        calendar.Holidays.OfType<EasterHoliday>().First().Observance.Should().Be(HolidayObservance.None, "a set's observed rule skips its Easter holidays");
        calendar.Holidays.OfType<EasterHoliday>().Last().Should().Be(new EasterHoliday(1, EasterChurch.Orthodox, "Orthodox Easter Monday") { FromYear = 2020, UntilYear = 2030 });
        calendar.Holidays.OfType<WeekdayOnOrAfterHoliday>().Single().Should().Be(new WeekdayOnOrAfterHoliday(5, IsoDayOfWeek.Monday, 18, "Victoria Day"));
        calendar.IsOpenDate(new LocalDate(2027, 12, 28)).Should().BeFalse("Boxing Day on Sunday is observed on Tuesday");
    }

    [Fact]
    public void A_set_entry_s_observed_rule_does_not_override_an_entry_that_says_its_own()
    {
        var calendar = Calendar(Load(Head +
            "holidaySets:\n  s:\n    - { yearly: \"01-01\", observed: none }\n    - { yearly: \"12-25\" }\n" +
            "calendars:\n  c:\n    zone: Europe/London\n    hours: { mon-fri: \"08:00-18:00\" }\n    holidays:\n      - { set: s, observed: nearest-weekday }\n"));

        calendar.Holidays.Select(h => h.Observance).Should().Equal(HolidayObservance.None, HolidayObservance.NearestWeekday);
    }

    // The token is where the error points: the offending value, or the key that does not belong.
    [Theory]
    [InlineData("{ easter: 200 }", "200", "-100 to 100")]
    [InlineData("{ easter: two }", "two", "-100 to 100")]
    [InlineData("{ easter: 1, church: catholic }", "catholic", "western (the default) or orthodox")]
    [InlineData("{ yearly: \"12-25\", church: orthodox }", "church", "belongs to an 'easter' holiday")]
    [InlineData("{ easter: -1, observed: next-weekday }", "observed", "never move")]
    [InlineData("{ yearly: \"12-25\", observed: monday }", "monday", "nearest-weekday or next-weekday")]
    [InlineData("{ yearly: \"12-25\", from: 2027, until: 2026 }", "2026", "before 'from: 2027'")]
    [InlineData("{ yearly: \"12-25\", from: last year }", "last year", "is not a year")]
    [InlineData("{ date: 2026-12-25, from: 2020 }", "from", "has its year already")]
    [InlineData("{ set: uk, until: 2030 }", "until", "entries of the set")]
    [InlineData("{ set: uk, name: UK }", "name", "remove 'name'")]
    [InlineData("{ yearly: \"12-25\", easter: 1 }", "easter", "not both 'yearly' and 'easter'")]
    [InlineData("{ yearly: \"05/mon>=32\" }", "\"05/mon>=32\"", "day after >= must be a day of month 05")]
    [InlineData("{ yearly: \"05/mun>=18\" }", "\"05/mun>=18\"", "did you mean 'mon'")]
    public void A_bad_holiday_rule_is_reported_at_the_offending_token(string holiday, string token, string expected)
    {
        var line = "      - " + holiday;
        WithCalendar(line + "\n").ShouldHaveOneError(DiagnosticCodes.InvalidHoliday, 13, line.IndexOf(token, System.StringComparison.Ordinal) + 1)
            .Message.Should().Contain(expected);
    }

    [Fact]
    public void An_unknown_set_is_reported_at_its_name_with_a_suggestion() =>
        WithCalendar("      - { set: ukk }\n").ShouldHaveOneError(DiagnosticCodes.UnknownHolidaySet, 13, 16)
            .Message.Should().Contain("unknown holiday set 'ukk'").And.Contain("did you mean 'uk'");

    [Fact]
    public void A_set_inside_a_set_is_refused_because_sets_do_not_nest() =>
        Load(Head + "holidaySets:\n  a:\n    - { yearly: \"01-01\" }\n  b:\n    - { set: a }\n")
            .ShouldHaveOneError(DiagnosticCodes.InvalidHoliday, 7, 9).Message.Should().Contain("do not nest");

    [Fact]
    public void A_holiday_set_id_must_be_a_valid_id() =>
        Load(Head + "holidaySets:\n  UK:\n    - { yearly: \"01-01\" }\n")
            .ShouldHaveOneError(DiagnosticCodes.InvalidId, 4, 3);

    [Fact]
    public void A_misspelt_holiday_key_is_an_unknown_key_with_a_suggestion() =>
        WithCalendar("      - { yearly: \"12-25\", observd: next-weekday }\n").ShouldHaveError(DiagnosticCodes.UnknownKey, 13, 28)
            .Message.Should().Contain("did you mean 'observed'");
}
