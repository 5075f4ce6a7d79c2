using FluentAssertions;
using NodaTime;
using SlaEngine.Calendars;
using Xunit;

namespace SlaEngine.Tests.Calendars;

public sealed class HolidayRuleTests
{
    [Theory]
    [InlineData(2024, 20)]
    [InlineData(2025, 19)]
    [InlineData(2026, 18)]
    [InlineData(2027, 24)]
    [InlineData(2028, 22)]
    public void Victoria_Day_is_the_Monday_from_18_to_24_May(int year, int day) =>
        new WeekdayOnOrAfterHoliday(5, IsoDayOfWeek.Monday, 18).OccurrenceIn(year).Should().Be(new LocalDate(year, 5, day));

    [Fact]
    public void A_weekday_on_or_after_rule_can_run_into_the_next_month()
    {
        // Finland's All Saints' Day: the Saturday from 31 October to 6 November; 31 October 2026 is a Saturday.
        var allSaints = new WeekdayOnOrAfterHoliday(10, IsoDayOfWeek.Saturday, 31);
        allSaints.OccurrenceIn(2026).Should().Be(new LocalDate(2026, 10, 31));
        allSaints.OccurrenceIn(2027).Should().Be(new LocalDate(2027, 11, 6));
    }

    [Fact]
    public void From_and_until_keep_a_yearly_holiday_in_their_years_inclusive()
    {
        var juneteenth = new YearlyHoliday(6, 19, "Juneteenth") { FromYear = 2021, UntilYear = 2030 };

        juneteenth.FallsOn(new LocalDate(2020, 6, 19)).Should().BeFalse();
        juneteenth.FallsOn(new LocalDate(2021, 6, 19)).Should().BeTrue();
        juneteenth.FallsOn(new LocalDate(2030, 6, 19)).Should().BeTrue();
        juneteenth.FallsOn(new LocalDate(2031, 6, 19)).Should().BeFalse();
    }

    [Theory]
    [InlineData(2026, 26)]
    [InlineData(2027, 25)]
    [InlineData(2028, 23)]
    public void Thanksgiving_is_the_fourth_Thursday_of_November(int year, int day) =>
        new NthWeekdayHoliday(11, IsoDayOfWeek.Thursday, 4).OccurrenceIn(year).Should().Be(new LocalDate(year, 11, day));

    [Fact]
    public void A_fifth_weekday_the_month_lacks_has_no_date_that_year()
    {
        // February 2026 has four Mondays (2, 9, 16, 23); November 2026 has five (2, 9, 16, 23, 30).
        new NthWeekdayHoliday(2, IsoDayOfWeek.Monday, 5).OccurrenceIn(2026).Should().BeNull();
        new NthWeekdayHoliday(11, IsoDayOfWeek.Monday, 5).OccurrenceIn(2026).Should().Be(new LocalDate(2026, 11, 30));
    }

    [Fact]
    public void A_calendar_refuses_a_holiday_kept_from_a_year_after_its_until_year()
    {
        var ok = BusinessCalendar.TryCreate(
            "c", DateTimeZone.Utc, TestCalendars.Week((TestCalendars.MondayToFriday, [TestCalendars.H("09:00", "17:00")])),
            [new YearlyHoliday(1, 1) { FromYear = 2027, UntilYear = 2026 }], null, out _, out var error);

        ok.Should().BeFalse();
        error.Should().Contain("from 2027 until 2026");
    }

    [Fact]
    public void A_calendar_refuses_an_Easter_holiday_that_is_observed()
    {
        var ok = BusinessCalendar.TryCreate(
            "c", DateTimeZone.Utc, TestCalendars.Week((TestCalendars.MondayToFriday, [TestCalendars.H("09:00", "17:00")])),
            [new EasterHoliday(-1, Name: "Holy Saturday") { Observance = HolidayObservance.NextWeekday }], null, out _, out var error);

        ok.Should().BeFalse();
        error.Should().Contain("never move");
    }
}
