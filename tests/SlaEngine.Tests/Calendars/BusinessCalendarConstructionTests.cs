using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Calendars;
using Xunit;
using static SlaEngine.Tests.Calendars.TestCalendars;

namespace SlaEngine.Tests.Calendars;

public sealed class BusinessCalendarConstructionTests
{
    [Fact]
    public void Overlapping_hours_of_one_day_are_refused_with_the_day_and_both_intervals()
    {
        var act = () => Simple([IsoDayOfWeek.Monday], [H("08:00", "12:00"), H("11:00", "13:00")]);
        act.Should().Throw<ArgumentException>().WithMessage("Calendar 'test': the hours of Monday overlap: 08:00-12:00 and 11:00-13:00.*");
    }

    [Fact]
    public void An_overnight_interval_overlapping_a_later_one_of_the_same_day_is_refused()
    {
        var act = () => Simple([IsoDayOfWeek.Monday], [H("22:00", "06:00"), H("23:00", "23:30")]);
        act.Should().Throw<ArgumentException>().WithMessage("*overlap: 22:00-06:00 and 23:00-23:30*");
    }

    [Fact]
    public void A_whole_day_interval_overlaps_anything_else_on_that_day()
    {
        var act = () => Simple([IsoDayOfWeek.Monday], [H("08:00", "08:00"), H("09:00", "10:00")]);
        act.Should().Throw<ArgumentException>().WithMessage("*overlap*");
    }

    [Fact]
    public void Adjacent_intervals_and_an_overnight_shift_running_into_the_next_days_hours_are_accepted()
    {
        var act = () => Simple(EveryDay, [H("08:00", "12:00"), H("12:00", "16:00"), H("22:00", "09:00")]);
        act.Should().NotThrow();
    }

    [Fact]
    public void Overlapping_hours_of_an_exception_are_refused_with_its_date()
    {
        var act = () => Simple(MondayToFriday, [H("09:00", "17:00")],
            exceptions: [new CalendarException(new LocalDate(2026, 12, 24), [H("08:00", "12:00"), H("10:00", "11:00")])]);
        act.Should().Throw<ArgumentException>().WithMessage("*exception on 2026-12-24 overlap*");
    }

    [Fact]
    public void Two_exceptions_on_one_date_are_refused()
    {
        var act = () => Simple(MondayToFriday, [H("09:00", "17:00")],
            exceptions: [CalendarException.Closed(new LocalDate(2026, 12, 24)), CalendarException.Closed(new LocalDate(2026, 12, 24))]);
        act.Should().Throw<ArgumentException>().WithMessage("*2026-12-24 has more than one exception*");
    }

    [Fact]
    public void A_calendar_without_any_hours_is_refused_as_never_open()
    {
        var act = () => new BusinessCalendar("empty", NewYork, Week());
        act.Should().Throw<ArgumentException>().WithMessage("Calendar 'empty' is never open*");
    }

    [Fact]
    public void A_calendar_whose_every_open_weekday_is_a_holiday_is_refused_as_never_open()
    {
        var everyDay = Enumerable.Range(1, 12)
            .SelectMany(m => Enumerable.Range(1, CalendarSystem.Iso.GetDaysInMonth(2000, m)).Select(d => new YearlyHoliday(m, d)));
        var act = () => Simple(MondayToFriday, [H("09:00", "17:00")], holidays: everyDay);
        act.Should().Throw<ArgumentException>().WithMessage("Calendar 'test' is never open*");
    }

    [Fact]
    public void Every_Monday_a_holiday_leaves_the_other_days_open()
    {
        var mondays = Enumerable.Range(1, 12).SelectMany(m => Enumerable.Range(1, 5).Select(n => new NthWeekdayHoliday(m, IsoDayOfWeek.Monday, n)));
        var calendar = Simple([IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday], [H("09:00", "17:00")], holidays: mondays);
        calendar.OpenTimeBetween(I("2026-11-22T00:00-05:00"), I("2026-11-29T00:00-05:00")).Should().Be(Duration.FromHours(8));
    }

    [Fact]
    public void A_blank_id_or_a_missing_zone_is_refused()
    {
        var blank = () => new BusinessCalendar(" ", NewYork, Week((MondayToFriday, [H("09:00", "17:00")])));
        blank.Should().Throw<ArgumentException>().WithMessage("*id must not be blank*");
        var noZone = () => new BusinessCalendar("x", null!, Week((MondayToFriday, [H("09:00", "17:00")])));
        noZone.Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void TryCreate_reports_the_problem_as_text_instead_of_throwing()
    {
        var ok = BusinessCalendar.TryCreate("x", NewYork, Week(([IsoDayOfWeek.Monday], [H("08:00", "12:00"), H("11:00", "13:00")])),
            null, null, out var calendar, out var error);
        ok.Should().BeFalse();
        calendar.Should().BeNull();
        error.Should().Be("Calendar 'x': the hours of Monday overlap: 08:00-12:00 and 11:00-13:00.");

        BusinessCalendar.TryCreate("x", NewYork, Week(), null, null, out _, out error).Should().BeFalse();
        error.Should().StartWith("Calendar 'x' is never open");

        BusinessCalendar.TryCreate("x", null!, Week(), null, null, out _, out error).Should().BeFalse();
        error.Should().Contain("time zone");
    }

    [Fact]
    public void A_weekday_key_of_none_is_refused()
    {
        var act = () => new BusinessCalendar("x", NewYork, Week(([IsoDayOfWeek.None], [H("09:00", "17:00")])));
        act.Should().Throw<ArgumentException>().WithMessage("Calendar 'x': 'None' is not a weekday.*");
    }

    [Fact]
    public void TryCreate_returns_the_calendar_when_it_is_valid()
    {
        BusinessCalendar.TryCreate("x", NewYork, Week((MondayToFriday, [H("09:00", "17:00")])), null, null, out var calendar, out var error)
            .Should().BeTrue();
        error.Should().BeNull();
        calendar!.Id.Should().Be("x");
    }

    [Fact]
    public void Hours_are_kept_sorted_by_start()
    {
        var calendar = Simple([IsoDayOfWeek.Monday], [H("13:00", "17:00"), H("08:00", "12:00")]);
        calendar.WeeklyHours[IsoDayOfWeek.Monday].Should().Equal(H("08:00", "12:00"), H("13:00", "17:00"));
    }

    [Fact]
    public void The_caller_changing_its_dictionary_afterwards_does_not_change_the_calendar()
    {
        var week = Week((MondayToFriday, [H("09:00", "17:00")]));
        var calendar = new BusinessCalendar("x", NewYork, week);
        week[IsoDayOfWeek.Saturday] = new List<OpenHours> { H("09:00", "17:00") };
        calendar.WeeklyHours[IsoDayOfWeek.Saturday].Should().BeEmpty();
    }
}
