using System;
using FluentAssertions;
using NodaTime;
using SlaEngine.Calendars;
using Xunit;

namespace SlaEngine.Tests.Calendars;

public sealed class HolidayTests
{
    [Fact]
    public void A_fixed_date_holiday_falls_on_that_date_only()
    {
        var holiday = new FixedDateHoliday(new LocalDate(2026, 7, 3), "Company day");
        holiday.FallsOn(new LocalDate(2026, 7, 3)).Should().BeTrue();
        holiday.FallsOn(new LocalDate(2027, 7, 3)).Should().BeFalse();
        holiday.Name.Should().Be("Company day");
    }

    [Fact]
    public void A_yearly_holiday_falls_on_its_month_and_day_every_year()
    {
        var christmas = new YearlyHoliday(12, 25, "Christmas Day");
        christmas.FallsOn(new LocalDate(2026, 12, 25)).Should().BeTrue();
        christmas.FallsOn(new LocalDate(1999, 12, 25)).Should().BeTrue();
        christmas.FallsOn(new LocalDate(2026, 12, 24)).Should().BeFalse();
    }

    [Fact]
    public void A_February_29_holiday_falls_in_leap_years_only()
    {
        var leap = new YearlyHoliday(2, 29);
        leap.FallsOn(new LocalDate(2028, 2, 29)).Should().BeTrue();
        leap.FallsOn(new LocalDate(2027, 2, 28)).Should().BeFalse();
        leap.FallsOn(new LocalDate(2027, 3, 1)).Should().BeFalse();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(13, 1)]
    [InlineData(2, 30)]
    [InlineData(4, 31)]
    [InlineData(1, 0)]
    public void A_yearly_holiday_on_an_impossible_date_is_refused(int month, int day)
    {
        var act = () => new YearlyHoliday(month, day);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(2026, 26)]
    [InlineData(2027, 25)]
    [InlineData(2028, 23)]
    public void Thanksgiving_is_the_fourth_Thursday_of_November(int year, int day)
    {
        var thanksgiving = new NthWeekdayHoliday(11, IsoDayOfWeek.Thursday, 4, "Thanksgiving");
        thanksgiving.FallsOn(new LocalDate(year, 11, day)).Should().BeTrue();
        thanksgiving.FallsOn(new LocalDate(year, 11, day - 7)).Should().BeFalse();
        thanksgiving.FallsOn(new LocalDate(year, 11, day + 1)).Should().BeFalse();
    }

    [Fact]
    public void The_last_weekday_of_a_month_is_occurrence_minus_one()
    {
        var memorialDay = new NthWeekdayHoliday(5, IsoDayOfWeek.Monday, -1);
        memorialDay.FallsOn(new LocalDate(2026, 5, 25)).Should().BeTrue();
        memorialDay.FallsOn(new LocalDate(2026, 5, 18)).Should().BeFalse();
    }

    [Fact]
    public void A_fifth_weekday_in_a_month_without_one_gives_no_holiday_that_year()
    {
        var fifthMonday = new NthWeekdayHoliday(2, IsoDayOfWeek.Monday, 5);
        for (var date = new LocalDate(2026, 2, 1); date.Month == 2; date = date.PlusDays(1))
        {
            fifthMonday.FallsOn(date).Should().BeFalse();
        }

        fifthMonday.FallsOn(new LocalDate(2044, 2, 29)).Should().BeTrue(); // 2044-02-29 is the fifth Monday
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-2)]
    public void An_occurrence_outside_one_to_five_or_last_is_refused(int occurrence)
    {
        var act = () => new NthWeekdayHoliday(11, IsoDayOfWeek.Thursday, occurrence);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*1 to 5, or -1*");
    }

    [Fact]
    public void A_weekday_of_none_is_refused()
    {
        var act = () => new NthWeekdayHoliday(11, IsoDayOfWeek.None, 1);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
