using System;
using FluentAssertions;
using NodaTime;
using SlaEngine.Calendars;
using Xunit;
using static SlaEngine.Tests.Calendars.TestCalendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>SPEC 4.3: N business days forward end at the close of the N-th open date; backward, at its opening.</summary>
public sealed class BusinessCalendarBusinessDayTests
{
    private static readonly BusinessCalendar NineToFive = Simple(MondayToFriday, [H("09:00", "17:00")]);

    [Theory]
    [InlineData("2026-11-24T10:00-05:00", 1, "2026-11-25T17:00-05:00")] // Tuesday (open) -> Wednesday at close
    [InlineData("2026-11-24T06:00-05:00", 1, "2026-11-25T17:00-05:00")] // before opening: D0 is still Tuesday
    [InlineData("2026-11-24T20:00-05:00", 1, "2026-11-25T17:00-05:00")] // after closing
    [InlineData("2026-11-28T10:00-05:00", 1, "2026-11-30T17:00-05:00")] // Saturday -> Monday at close
    [InlineData("2026-11-29T10:00-05:00", 1, "2026-11-30T17:00-05:00")] // Sunday -> Monday
    [InlineData("2026-11-27T10:00-05:00", 1, "2026-11-30T17:00-05:00")] // Friday -> Monday
    [InlineData("2026-11-24T10:00-05:00", 5, "2026-12-01T17:00-05:00")]
    public void AddBusinessDays_ends_at_the_close_of_the_nth_open_date(string start, int days, string expected) =>
        NineToFive.AddBusinessDays(I(start), days).Should().Be(I(expected));

    [Theory]
    [InlineData("2026-12-01T08:00-05:00", 3, "2026-11-26T09:00-05:00")] // Tuesday -> previous Thursday at opening
    [InlineData("2026-11-28T10:00-05:00", 1, "2026-11-27T09:00-05:00")] // Saturday -> Friday
    [InlineData("2026-11-30T10:00-05:00", 1, "2026-11-27T09:00-05:00")] // Monday -> Friday
    [InlineData("2026-11-24T23:00-05:00", 1, "2026-11-23T09:00-05:00")]
    public void SubtractBusinessDays_starts_at_the_opening_of_the_nth_open_date_before(string end, int days, string expected) =>
        NineToFive.SubtractBusinessDays(I(end), days).Should().Be(I(expected));

    [Fact]
    public void A_holiday_is_not_a_business_day() =>
        ItHours.AddBusinessDays(I("2026-11-25T10:00-05:00"), 1).Should().Be(I("2026-11-27T18:00-05:00"));

    [Fact]
    public void An_exception_date_with_short_hours_is_a_business_day_ending_at_its_own_closing() =>
        ItHours.AddBusinessDays(I("2026-12-23T10:00-05:00"), 1).Should().Be(I("2026-12-24T12:00-05:00"));

    [Fact]
    public void A_closed_exception_date_is_not_a_business_day()
    {
        var calendar = Simple(MondayToFriday, [H("09:00", "17:00")], exceptions: [CalendarException.Closed(new LocalDate(2026, 11, 25))]);
        calendar.AddBusinessDays(I("2026-11-24T10:00-05:00"), 1).Should().Be(I("2026-11-26T17:00-05:00"));
        calendar.SubtractBusinessDays(I("2026-11-26T10:00-05:00"), 1).Should().Be(I("2026-11-24T09:00-05:00"));
    }

    [Fact]
    public void On_a_night_shift_the_business_day_ends_the_next_morning() =>
        OncallNights.AddBusinessDays(I("2026-11-23T10:00-05:00"), 1).Should().Be(I("2026-11-25T08:00-05:00"));

    [Fact]
    public void With_two_intervals_a_day_forward_ends_at_the_last_and_backward_starts_at_the_first()
    {
        var split = Simple(MondayToFriday, [H("13:00", "17:00"), H("08:00", "12:00")]);
        split.AddBusinessDays(I("2026-11-23T10:00-05:00"), 1).Should().Be(I("2026-11-24T17:00-05:00"));
        split.SubtractBusinessDays(I("2026-11-25T10:00-05:00"), 1).Should().Be(I("2026-11-24T08:00-05:00"));
    }

    [Fact]
    public void The_business_day_result_is_a_closing_instant_across_the_spring_change() =>
        OncallNights.AddBusinessDays(I("2027-03-13T10:00-05:00"), 1).Should().Be(I("2027-03-15T08:00-04:00"));

    [Fact]
    public void Zero_business_days_return_the_instant_itself()
    {
        NineToFive.AddBusinessDays(I("2026-11-28T10:00-05:00"), 0).Should().Be(I("2026-11-28T10:00-05:00"));
        NineToFive.SubtractBusinessDays(I("2026-11-28T10:00-05:00"), 0).Should().Be(I("2026-11-28T10:00-05:00"));
    }

    [Fact]
    public void Negative_business_days_are_refused()
    {
        NineToFive.Invoking(c => c.AddBusinessDays(I("2026-11-24T10:00-05:00"), -1)).Should().Throw<ArgumentOutOfRangeException>();
        NineToFive.Invoking(c => c.SubtractBusinessDays(I("2026-11-24T10:00-05:00"), -1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void The_target_of_a_business_day_deadline_is_the_open_time_up_to_it()
    {
        var start = I("2026-11-24T10:00-05:00");
        NineToFive.OpenTimeBetween(start, NineToFive.AddBusinessDays(start, 2)).Should().Be(Duration.FromHours(7 + 16));
    }
}
