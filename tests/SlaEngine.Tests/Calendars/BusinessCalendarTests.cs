using System;
using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Calendars;
using Xunit;
using static SlaEngine.Tests.Calendars.TestCalendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>Open time, Add, Subtract and friends on plain calendars; 2026-11-23 is a Monday, New York is on EST.</summary>
public sealed class BusinessCalendarTests
{
    private static readonly BusinessCalendar NineToFive = Simple(MondayToFriday, [H("09:00", "17:00")]);

    [Theory]
    [InlineData("2026-11-23T07:00-05:00", "2026-11-23T10:00-05:00")] // before opening
    [InlineData("2026-11-23T09:00-05:00", "2026-11-23T10:00-05:00")] // exactly at opening
    [InlineData("2026-11-23T12:30-05:00", "2026-11-23T13:30-05:00")] // inside
    [InlineData("2026-11-23T17:00-05:00", "2026-11-24T10:00-05:00")] // exactly at closing
    [InlineData("2026-11-23T20:00-05:00", "2026-11-24T10:00-05:00")] // after closing
    [InlineData("2026-11-28T12:00-05:00", "2026-11-30T10:00-05:00")] // on the weekend
    public void Add_one_hour_counts_only_open_time(string start, string expected) =>
        NineToFive.Add(I(start), Duration.FromHours(1)).Should().Be(I(expected));

    [Fact]
    public void Add_ending_exactly_at_closing_returns_the_closing_instant() =>
        NineToFive.Add(I("2026-11-27T16:00-05:00"), Duration.FromHours(1)).Should().Be(I("2026-11-27T17:00-05:00"));

    [Fact]
    public void Add_of_a_whole_day_from_opening_ends_at_that_days_closing() =>
        NineToFive.Add(I("2026-11-23T09:00-05:00"), Duration.FromHours(8)).Should().Be(I("2026-11-23T17:00-05:00"));

    [Fact]
    public void Add_of_zero_returns_the_start_even_when_closed() =>
        NineToFive.Add(I("2026-11-28T12:00-05:00"), Duration.Zero).Should().Be(I("2026-11-28T12:00-05:00"));

    [Fact]
    public void Add_of_a_negative_duration_is_refused()
    {
        var act = () => NineToFive.Add(I("2026-11-23T10:00-05:00"), Duration.FromHours(-1));
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*must not be negative*");
    }

    [Fact]
    public void Add_keeps_nanosecond_precision() =>
        NineToFive.Add(I("2026-11-23T16:59-05:00"), Duration.FromMinutes(1) + Duration.FromNanoseconds(7))
            .Should().Be(I("2026-11-24T09:00-05:00") + Duration.FromNanoseconds(7));

    [Fact]
    public void Add_of_ten_thousand_hours_equals_250_weeks_of_forty_hours() =>
        NineToFive.Add(I("2026-11-23T09:00-05:00"), Duration.FromHours(10_000))
            .Should().Be(I("2031-09-05T17:00-04:00")); // the Friday of the 250th week, at closing (EDT)

    [Theory]
    [InlineData("2026-11-24T10:00-05:00", 1, "2026-11-24T09:00-05:00")] // lands exactly at opening, not the evening before
    [InlineData("2026-11-24T10:00-05:00", 2, "2026-11-23T16:00-05:00")]
    [InlineData("2026-11-23T10:00-05:00", 2, "2026-11-20T16:00-05:00")] // back over the weekend
    [InlineData("2026-11-28T12:00-05:00", 1, "2026-11-27T16:00-05:00")] // from a closed Saturday
    [InlineData("2026-11-23T17:00-05:00", 8, "2026-11-23T09:00-05:00")] // from closing back to opening
    public void Subtract_counts_open_time_backwards(string end, int hours, string expected) =>
        NineToFive.Subtract(I(end), Duration.FromHours(hours)).Should().Be(I(expected));

    [Fact]
    public void Subtract_of_zero_returns_the_end() =>
        NineToFive.Subtract(I("2026-11-28T12:00-05:00"), Duration.Zero).Should().Be(I("2026-11-28T12:00-05:00"));

    [Fact]
    public void Subtract_of_a_negative_duration_is_refused()
    {
        var act = () => NineToFive.Subtract(I("2026-11-23T10:00-05:00"), Duration.FromHours(-1));
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("2026-11-23T08:59-05:00", false)]
    [InlineData("2026-11-23T09:00-05:00", true)] // opening instant is open
    [InlineData("2026-11-23T16:59-05:00", true)]
    [InlineData("2026-11-23T17:00-05:00", false)] // closing instant is not
    [InlineData("2026-11-28T12:00-05:00", false)]
    public void IsOpen_treats_intervals_as_half_open(string instant, bool expected) =>
        NineToFive.IsOpen(I(instant)).Should().Be(expected);

    [Theory]
    [InlineData("2026-11-23T10:00-05:00", "2026-11-23T10:00-05:00")]
    [InlineData("2026-11-23T09:00-05:00", "2026-11-23T09:00-05:00")]
    [InlineData("2026-11-23T17:00-05:00", "2026-11-24T09:00-05:00")]
    [InlineData("2026-11-27T18:00-05:00", "2026-11-30T09:00-05:00")]
    public void NextOpen_returns_the_instant_itself_or_the_next_opening(string instant, string expected) =>
        NineToFive.NextOpen(I(instant)).Should().Be(I(expected));

    [Fact]
    public void OpenTimeBetween_over_a_week_is_forty_hours() =>
        NineToFive.OpenTimeBetween(I("2026-11-22T00:00-05:00"), I("2026-11-29T00:00-05:00")).Should().Be(Duration.FromHours(40));

    [Fact]
    public void OpenTimeBetween_is_zero_when_the_end_is_not_after_the_start()
    {
        NineToFive.OpenTimeBetween(I("2026-11-23T12:00-05:00"), I("2026-11-23T10:00-05:00")).Should().Be(Duration.Zero);
        NineToFive.OpenTimeBetween(I("2026-11-23T12:00-05:00"), I("2026-11-23T12:00-05:00")).Should().Be(Duration.Zero);
    }

    [Fact]
    public void OpenTimeBetween_over_a_year_spans_cache_blocks() =>
        NineToFive.OpenTimeBetween(I("2026-01-01T00:00-05:00"), I("2027-01-01T00:00-05:00"))
            .Should().Be(Duration.FromHours(8 * 261));

    [Fact]
    public void An_overnight_shift_running_into_morning_hours_is_one_interval_counted_once()
    {
        var calendar = Simple(EveryDay, [H("06:00", "10:00"), H("22:00", "07:00")]);
        var intervals = calendar.OpenIntervals(I("2026-11-23T12:00-05:00"), I("2026-11-24T12:00-05:00")).ToList();
        intervals.Should().Equal(new Interval(I("2026-11-23T22:00-05:00"), I("2026-11-24T10:00-05:00")));
        calendar.OpenTimeBetween(I("2026-11-23T12:00-05:00"), I("2026-11-24T12:00-05:00")).Should().Be(Duration.FromHours(12));
    }

    [Fact]
    public void A_shift_spanning_an_internal_cache_block_boundary_is_still_one_interval()
    {
        // Blocks are 256 days from the Unix epoch: one starts at 2026-01-27T00:00Z, 19:00 in New York.
        var boundary = Instant.FromUtc(2026, 1, 27, 0, 0);
        var nights = Simple(EveryDay, [H("18:00", "08:00")]);
        nights.OpenIntervals(I("2026-01-26T12:00-05:00"), I("2026-01-27T12:00-05:00"))
            .Should().Equal(new Interval(I("2026-01-26T18:00-05:00"), I("2026-01-27T08:00-05:00")));
        nights.IsOpen(boundary).Should().BeTrue();
        nights.IsOpen(boundary - Duration.FromNanoseconds(1)).Should().BeTrue();
        nights.Add(I("2026-01-26T18:00-05:00"), Duration.FromHours(1)).Should().Be(boundary);
        nights.Add(I("2026-01-26T18:00-05:00"), Duration.FromHours(14)).Should().Be(I("2026-01-27T08:00-05:00"));
        nights.Subtract(I("2026-01-27T08:00-05:00"), Duration.FromHours(13)).Should().Be(boundary);
        nights.Subtract(boundary, Duration.FromHours(1)).Should().Be(I("2026-01-26T18:00-05:00"));
        nights.NextOpen(boundary).Should().Be(boundary);
    }

    [Fact]
    public void OpenIntervals_are_clipped_to_the_window()
    {
        NineToFive.OpenIntervals(I("2026-11-23T10:00-05:00"), I("2026-11-24T10:00-05:00")).Should().Equal(
            new Interval(I("2026-11-23T10:00-05:00"), I("2026-11-23T17:00-05:00")),
            new Interval(I("2026-11-24T09:00-05:00"), I("2026-11-24T10:00-05:00")));
        NineToFive.OpenIntervals(I("2026-11-24T10:00-05:00"), I("2026-11-23T10:00-05:00")).Should().BeEmpty();
    }

    [Fact]
    public void End_at_24_00_closes_at_the_next_midnight_and_joins_a_shift_starting_then()
    {
        var calendar = new BusinessCalendar("late", NewYork, Week(
            ([IsoDayOfWeek.Monday], [H("18:00", "24:00")]),
            ([IsoDayOfWeek.Tuesday], [H("00:00", "02:00")])));
        calendar.OpenIntervals(I("2026-11-23T00:00-05:00"), I("2026-11-25T00:00-05:00"))
            .Should().Equal(new Interval(I("2026-11-23T18:00-05:00"), I("2026-11-24T02:00-05:00")));
        calendar.Add(I("2026-11-23T23:00-05:00"), Duration.FromHours(1)).Should().Be(I("2026-11-24T00:00-05:00"));
    }

    [Fact]
    public void A_whole_day_from_00_00_to_24_00_is_24_hours() =>
        Simple([IsoDayOfWeek.Monday], [H("00:00", "24:00")])
            .OpenTimeBetween(I("2026-11-22T00:00-05:00"), I("2026-11-29T00:00-05:00")).Should().Be(Duration.FromHours(24));

    [Fact]
    public void A_holiday_on_a_weekend_moves_nothing()
    {
        // Christmas 2027 is a Saturday: no "observed" Friday or Monday.
        ItHours.IsOpenDate(new LocalDate(2027, 12, 24)).Should().BeTrue();
        ItHours.IsOpenDate(new LocalDate(2027, 12, 27)).Should().BeTrue();
        ItHours.OpenTimeBetween(I("2027-12-20T00:00-05:00"), I("2027-12-27T00:00-05:00")).Should().Be(Duration.FromHours(50));
    }

    [Fact]
    public void A_holiday_does_not_cut_the_night_shift_that_started_the_evening_before()
    {
        var nights = Simple(EveryDay, [H("18:00", "08:00")], holidays: [new YearlyHoliday(12, 25)]);
        nights.IsOpen(I("2026-12-25T07:59-05:00")).Should().BeTrue();
        nights.IsOpen(I("2026-12-25T18:00-05:00")).Should().BeFalse();
        nights.Add(I("2026-12-25T07:00-05:00"), Duration.FromHours(2)).Should().Be(I("2026-12-26T19:00-05:00"));
    }

    [Fact]
    public void An_exception_with_its_own_hours_replaces_the_weekly_hours()
    {
        ItHours.IsOpen(I("2026-12-24T11:59-05:00")).Should().BeTrue();
        ItHours.IsOpen(I("2026-12-24T12:00-05:00")).Should().BeFalse();
        ItHours.OpenTimeBetween(I("2026-12-24T00:00-05:00"), I("2026-12-25T00:00-05:00")).Should().Be(Duration.FromHours(4));
    }

    [Fact]
    public void A_closed_exception_closes_a_working_day_and_an_exception_on_a_holiday_opens_it()
    {
        var calendar = Simple(MondayToFriday, [H("09:00", "17:00")],
            holidays: [new YearlyHoliday(12, 25)],
            exceptions: [CalendarException.Closed(new LocalDate(2026, 11, 24)), new CalendarException(new LocalDate(2026, 12, 25), [H("10:00", "12:00")])]);
        calendar.IsOpenDate(new LocalDate(2026, 11, 24)).Should().BeFalse();
        calendar.Add(I("2026-11-23T16:00-05:00"), Duration.FromHours(2)).Should().Be(I("2026-11-25T10:00-05:00"));
        calendar.OpenTimeBetween(I("2026-12-25T00:00-05:00"), I("2026-12-26T00:00-05:00")).Should().Be(Duration.FromHours(2));
    }

    [Fact]
    public void HolidaysBetween_lists_the_holidays_of_the_next_twelve_months_in_date_order() =>
        ItHours.HolidaysBetween(new LocalDate(2026, 11, 1), new LocalDate(2027, 10, 31)).Should().Equal(
            (new LocalDate(2026, 11, 26), "Thanksgiving"),
            (new LocalDate(2026, 12, 25), "Christmas Day"),
            (new LocalDate(2027, 1, 1), "New Year's Day"));

    [Fact]
    public void HolidaysBetween_is_empty_for_a_reversed_range() =>
        ItHours.HolidaysBetween(new LocalDate(2027, 1, 1), new LocalDate(2026, 1, 1)).Should().BeEmpty();

    [Fact]
    public void IsOpenDate_is_true_only_when_an_interval_starts_on_the_date()
    {
        ItHours.IsOpenDate(new LocalDate(2026, 11, 25)).Should().BeTrue();
        ItHours.IsOpenDate(new LocalDate(2026, 11, 26)).Should().BeFalse(); // Thanksgiving
        ItHours.IsOpenDate(new LocalDate(2026, 11, 28)).Should().BeFalse(); // Saturday
        OncallNights.IsOpenDate(new LocalDate(2026, 11, 28)).Should().BeTrue();
    }

    [Fact]
    public void The_views_show_all_seven_weekdays_and_the_sorted_exceptions()
    {
        ItHours.Id.Should().Be("it-hours");
        ItHours.Zone.Should().Be(NewYork);
        ItHours.WeeklyHours.Should().HaveCount(7);
        ItHours.WeeklyHours[IsoDayOfWeek.Saturday].Should().BeEmpty();
        ItHours.WeeklyHours[IsoDayOfWeek.Monday].Should().Equal(H("08:00", "18:00"));
        ItHours.Holidays.Should().HaveCount(3);
        ItHours.Exceptions.Select(e => e.Date).Should().Equal(new LocalDate(2026, 12, 24));
        ItHours.ToString().Should().Be("it-hours");
    }

    [Fact]
    public void The_calendar_is_safe_to_share_between_threads()
    {
        var calendar = Simple(MondayToFriday, [H("09:00", "17:00")]);
        var start = I("2026-11-23T09:00-05:00");
        var expected = Enumerable.Range(0, 200).Select(i => Simple(MondayToFriday, [H("09:00", "17:00")])
            .Add(start + Duration.FromDays(i * 37), Duration.FromHours(i * 13))).ToArray();
        var actual = new Instant[200];
        System.Threading.Tasks.Parallel.For(0, 200, i => actual[i] = calendar.Add(start + Duration.FromDays(i * 37), Duration.FromHours(i * 13)));
        actual.Should().Equal(expected);
    }
}
