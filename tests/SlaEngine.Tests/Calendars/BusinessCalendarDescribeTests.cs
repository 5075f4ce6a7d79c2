using System;
using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Calendars;
using Xunit;
using static SlaEngine.Tests.Calendars.TestCalendars;

namespace SlaEngine.Tests.Calendars;

public sealed class BusinessCalendarDescribeTests
{
    private static readonly BusinessCalendar London = new(
        "london",
        TestCalendars.London,
        Week((MondayToFriday, [H("08:00", "18:00")])),
        [
            new YearlyHoliday(12, 25, "Christmas Day") { Observance = HolidayObservance.NextWeekday },
            new YearlyHoliday(12, 26, "Boxing Day") { Observance = HolidayObservance.NextWeekday },
            new EasterHoliday(-2, Name: "Good Friday"),
        ],
        [new CalendarException(new LocalDate(2027, 12, 24), [H("08:00", "12:00")])]);

    [Fact]
    public void A_weekday_shows_its_weekly_hours_in_local_time_and_as_instants()
    {
        var day = London.Describe(new LocalDate(2027, 12, 23));

        day.Kind.Should().Be(CalendarDayKind.WeeklyHours);
        day.Hours.Should().Equal(H("08:00", "18:00"));
        day.Intervals.Should().Equal(new Interval(I("2027-12-23T08:00Z"), I("2027-12-23T18:00Z")));
        day.IsOpenDate.Should().BeTrue();
        day.ToString().Should().Be("2027-12-23 Thu  08:00-18:00  weekly hours");
    }

    [Fact]
    public void An_exception_shows_its_own_hours()
    {
        var day = London.Describe(new LocalDate(2027, 12, 24));

        day.Kind.Should().Be(CalendarDayKind.Exception);
        day.ToString().Should().Be("2027-12-24 Fri  08:00-12:00  exception");
    }

    [Fact]
    public void A_weekend_holiday_shows_its_name_and_its_observed_day_names_the_actual_date()
    {
        var days = London.Describe(new LocalDate(2027, 12, 25), 4);

        days.Select(d => d.Kind).Should().Equal(CalendarDayKind.Holiday, CalendarDayKind.Holiday, CalendarDayKind.ObservedHoliday, CalendarDayKind.ObservedHoliday);
        days[0].ToString().Should().Be("2027-12-25 Sat  closed  holiday: Christmas Day");
        days[2].ToString().Should().Be("2027-12-27 Mon  closed  holiday (observed): Christmas Day observed, actual Sat 2027-12-25");
        days[3].Holidays.Single().ActualDate.Should().Be(new LocalDate(2027, 12, 26));
        days.Should().OnlyContain(d => !d.IsOpenDate);
    }

    [Fact]
    public void A_weekend_without_holidays_is_closed_by_the_weekly_hours()
    {
        London.Describe(new LocalDate(2027, 12, 18)).ToString().Should().Be("2027-12-18 Sat  closed  weekly hours (closed on Sat)");
    }

    [Fact]
    public void An_Easter_holiday_is_named_on_its_date()
    {
        London.Describe(new LocalDate(2027, 3, 26)).ToString().Should().Be("2027-03-26 Fri  closed  holiday: Good Friday");
    }

    [Fact]
    public void Describing_no_days_is_refused()
    {
        var act = () => London.Describe(new LocalDate(2027, 1, 1), 0);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
