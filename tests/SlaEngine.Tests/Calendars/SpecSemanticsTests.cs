using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Calendars;
using Xunit;
using static SlaEngine.Tests.Calendars.TestCalendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>
/// Corners of SPEC 4.1-4.3 not covered elsewhere, expected values worked out by hand. New York, 2026-11-23 is a
/// Monday, EST (-05:00) throughout unless stated.
/// </summary>
public sealed class SpecSemanticsTests
{
    private static readonly Duration Nanosecond = Duration.FromNanoseconds(1);

    [Fact]
    public void An_overnight_shift_is_half_open_at_both_ends()
    {
        var nights = Simple(MondayToFriday, [H("22:00", "06:00")]);
        nights.IsOpen(I("2026-11-23T22:00-05:00")).Should().BeTrue();
        nights.IsOpen(I("2026-11-23T22:00-05:00") - Nanosecond).Should().BeFalse();
        nights.IsOpen(I("2026-11-24T06:00-05:00") - Nanosecond).Should().BeTrue();
        nights.IsOpen(I("2026-11-24T06:00-05:00")).Should().BeFalse();
        nights.NextOpen(I("2026-11-24T06:00-05:00")).Should().Be(I("2026-11-24T22:00-05:00"));

        // Friday's shift runs into Saturday; the next one is Monday evening.
        nights.NextOpen(I("2026-11-28T06:00-05:00")).Should().Be(I("2026-11-30T22:00-05:00"));
    }

    [Fact]
    public void A_whole_day_running_into_the_next_mornings_hours_is_one_open_stretch()
    {
        var calendar = new BusinessCalendar("seam", NewYork, Week(
            ([IsoDayOfWeek.Monday], [H("00:00", "24:00")]),
            ([IsoDayOfWeek.Tuesday], [H("00:00", "08:00")])));
        calendar.IsOpen(I("2026-11-24T00:00-05:00")).Should().BeTrue();
        calendar.OpenTimeBetween(I("2026-11-23T00:00-05:00"), I("2026-11-25T00:00-05:00")).Should().Be(Duration.FromHours(32));
        calendar.Add(I("2026-11-23T23:00-05:00"), Duration.FromHours(2)).Should().Be(I("2026-11-24T01:00-05:00"));
        calendar.Subtract(I("2026-11-24T01:00-05:00"), Duration.FromHours(2)).Should().Be(I("2026-11-23T23:00-05:00"));

        // Each date's last interval ends where it ends, not where the merged stretch ends.
        calendar.AddBusinessDays(I("2026-11-22T12:00-05:00"), 1).Should().Be(I("2026-11-24T00:00-05:00"));
        calendar.AddBusinessDays(I("2026-11-22T12:00-05:00"), 2).Should().Be(I("2026-11-24T08:00-05:00"));
        calendar.SubtractBusinessDays(I("2026-11-25T12:00-05:00"), 1).Should().Be(I("2026-11-24T00:00-05:00"));
    }

    [Fact]
    public void Add_and_Subtract_across_the_seam_of_a_night_shift_and_the_morning_hours()
    {
        // 22:00-06:00 runs into 06:00-10:00 every day: 22:00 to 10:00 is one stretch of 12 hours.
        var calendar = Simple(EveryDay, [H("06:00", "10:00"), H("22:00", "06:00")]);
        calendar.Add(I("2026-11-23T22:00-05:00"), Duration.FromHours(8)).Should().Be(I("2026-11-24T06:00-05:00"));
        calendar.Add(I("2026-11-23T22:00-05:00"), Duration.FromHours(12)).Should().Be(I("2026-11-24T10:00-05:00"));
        calendar.Add(I("2026-11-23T22:00-05:00"), Duration.FromHours(13)).Should().Be(I("2026-11-24T23:00-05:00"));
        calendar.Subtract(I("2026-11-24T10:00-05:00"), Duration.FromHours(4)).Should().Be(I("2026-11-24T06:00-05:00"));
        calendar.Subtract(I("2026-11-24T10:00-05:00"), Duration.FromHours(12)).Should().Be(I("2026-11-23T22:00-05:00"));
        calendar.OpenTimeBetween(I("2026-11-23T12:00-05:00"), I("2026-11-25T12:00-05:00")).Should().Be(Duration.FromHours(24));
    }

    [Fact]
    public void A_closed_exception_the_day_after_a_night_shift_keeps_the_shift_and_opens_nothing_that_evening()
    {
        var calendar = Simple(EveryDay, [H("22:00", "06:00")], exceptions: [CalendarException.Closed(new LocalDate(2026, 11, 24))]);
        calendar.IsOpen(I("2026-11-24T05:59-05:00")).Should().BeTrue();
        calendar.IsOpen(I("2026-11-24T22:00-05:00")).Should().BeFalse();
        calendar.OpenTimeBetween(I("2026-11-23T12:00-05:00"), I("2026-11-25T12:00-05:00")).Should().Be(Duration.FromHours(8));
        calendar.Add(I("2026-11-24T05:00-05:00"), Duration.FromHours(2)).Should().Be(I("2026-11-25T23:00-05:00"));
        calendar.AddBusinessDays(I("2026-11-23T10:00-05:00"), 1).Should().Be(I("2026-11-26T06:00-05:00"));
    }

    [Fact]
    public void An_exception_with_its_own_hours_the_day_after_a_night_shift_joins_the_shift()
    {
        // Monday's 22:00-06:00 runs into Tuesday's exception 05:00-09:00: one stretch Mon 22:00 - Tue 09:00 (11h).
        var calendar = Simple(EveryDay, [H("22:00", "06:00")],
            exceptions: [new CalendarException(new LocalDate(2026, 11, 24), [H("05:00", "09:00")])]);
        calendar.OpenTimeBetween(I("2026-11-23T12:00-05:00"), I("2026-11-25T12:00-05:00")).Should().Be(Duration.FromHours(11));
        calendar.Add(I("2026-11-23T22:00-05:00"), Duration.FromHours(10)).Should().Be(I("2026-11-24T08:00-05:00"));
        calendar.IsOpen(I("2026-11-24T22:00-05:00")).Should().BeFalse();
        calendar.AddBusinessDays(I("2026-11-23T10:00-05:00"), 1).Should().Be(I("2026-11-24T09:00-05:00"));
        calendar.SubtractBusinessDays(I("2026-11-25T10:00-05:00"), 1).Should().Be(I("2026-11-24T05:00-05:00"));
    }

    [Fact]
    public void Business_days_from_inside_a_night_shift_count_from_the_date_of_the_instant()
    {
        // 02:00 on Tuesday is inside Monday's shift, but D0 is Tuesday.
        OncallNights.AddBusinessDays(I("2026-11-24T02:00-05:00"), 1).Should().Be(I("2026-11-26T08:00-05:00"));
        OncallNights.SubtractBusinessDays(I("2026-11-24T02:00-05:00"), 1).Should().Be(I("2026-11-23T18:00-05:00"));

        // Weekday nights: Saturday 02:00 is inside Friday's shift; the next open date is Monday.
        var weekdayNights = Simple(MondayToFriday, [H("22:00", "06:00")]);
        weekdayNights.AddBusinessDays(I("2026-11-28T02:00-05:00"), 1).Should().Be(I("2026-12-01T06:00-05:00"));
        weekdayNights.SubtractBusinessDays(I("2026-11-28T02:00-05:00"), 1).Should().Be(I("2026-11-27T22:00-05:00"));
    }

    [Fact]
    public void Business_days_from_a_holiday_count_from_the_holiday()
    {
        // Thanksgiving 2026-11-26 on it-hours: D0 is the holiday itself.
        ItHours.AddBusinessDays(I("2026-11-26T10:00-05:00"), 1).Should().Be(I("2026-11-27T18:00-05:00"));
        ItHours.SubtractBusinessDays(I("2026-11-26T10:00-05:00"), 1).Should().Be(I("2026-11-25T08:00-05:00"));
    }

    [Fact]
    public void A_weekend_only_calendar()
    {
        var weekend = Simple([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], [H("10:00", "16:00")], DateTimeZoneProviders.Tzdb["Asia/Tokyo"]);
        var wednesday = I("2026-11-25T12:00+09:00");
        weekend.AddBusinessDays(wednesday, 1).Should().Be(I("2026-11-28T16:00+09:00"));
        weekend.AddBusinessDays(wednesday, 2).Should().Be(I("2026-11-29T16:00+09:00"));
        weekend.AddBusinessDays(wednesday, 3).Should().Be(I("2026-12-05T16:00+09:00"));
        weekend.SubtractBusinessDays(wednesday, 1).Should().Be(I("2026-11-22T10:00+09:00"));
        weekend.SubtractBusinessDays(wednesday, 2).Should().Be(I("2026-11-21T10:00+09:00"));
        weekend.Add(wednesday, Duration.FromHours(7)).Should().Be(I("2026-11-29T11:00+09:00"));
        weekend.Subtract(wednesday, Duration.FromHours(7)).Should().Be(I("2026-11-21T15:00+09:00"));
    }

    [Fact]
    public void A_February_29_holiday_closes_the_day_in_leap_years_and_nothing_otherwise()
    {
        var calendar = Simple(MondayToFriday, [H("09:00", "17:00")], holidays: [new YearlyHoliday(2, 29, "Leap day")]);

        // 2027: Sun 02-28, Mon 03-01 open.
        calendar.OpenTimeBetween(I("2027-02-27T00:00-05:00"), I("2027-03-02T00:00-05:00")).Should().Be(Duration.FromHours(8));
        calendar.HolidaysBetween(new LocalDate(2027, 1, 1), new LocalDate(2027, 12, 31)).Should().BeEmpty();

        // 2028: Mon 02-28 open, Tue 02-29 closed, Wed 03-01 open.
        calendar.OpenTimeBetween(I("2028-02-28T00:00-05:00"), I("2028-03-02T00:00-05:00")).Should().Be(Duration.FromHours(16));
        calendar.HolidaysBetween(new LocalDate(2028, 1, 1), new LocalDate(2028, 12, 31)).Should().Equal((new LocalDate(2028, 2, 29), "Leap day"));
        calendar.AddBusinessDays(I("2028-02-28T10:00-05:00"), 1).Should().Be(I("2028-03-01T17:00-05:00"));
    }

    [Fact]
    public void A_fifth_weekday_holiday_occurs_only_in_years_with_a_fifth_such_weekday()
    {
        // November 2026 and 2027 have four Thursdays (2026: 5, 12, 19, 26); November 2028 has five (2 .. 30, the 1st
        // is a Wednesday) and so has 2029 (1 .. 29).
        var calendar = Simple(MondayToFriday, [H("09:00", "17:00")], holidays: [new NthWeekdayHoliday(11, IsoDayOfWeek.Thursday, 5, "Fifth Thursday")]);
        calendar.HolidaysBetween(new LocalDate(2026, 1, 1), new LocalDate(2029, 12, 31)).Should().Equal(
            (new LocalDate(2028, 11, 30), "Fifth Thursday"), (new LocalDate(2029, 11, 29), "Fifth Thursday"));
        calendar.IsOpenDate(new LocalDate(2026, 11, 26)).Should().BeTrue();
        calendar.IsOpenDate(new LocalDate(2029, 11, 29)).Should().BeFalse();
    }

    [Fact]
    public void The_last_weekday_of_a_month_closes_that_date()
    {
        // The last Friday of November 2026 is the 27th.
        var calendar = Simple(MondayToFriday, [H("09:00", "17:00")], holidays: [new NthWeekdayHoliday(11, IsoDayOfWeek.Friday, -1)]);
        calendar.OpenTimeBetween(I("2026-11-27T00:00-05:00"), I("2026-11-28T00:00-05:00")).Should().Be(Duration.Zero);
        calendar.Add(I("2026-11-26T16:00-05:00"), Duration.FromHours(2)).Should().Be(I("2026-11-30T10:00-05:00"));
        calendar.IsOpenDate(new LocalDate(2026, 11, 20)).Should().BeTrue();
    }

    [Fact]
    public void A_fixed_date_holiday_given_in_another_calendar_system_closes_the_same_day()
    {
        // Holiday.FallsOn compares in the ISO calendar; the open time must agree with it. 2026-11-25 (a Wednesday) is
        // 2026-11-12 in the Julian calendar; the Gregorian calendar system is a distinct system with the same dates.
        foreach (var date in new[] { new LocalDate(2026, 11, 25, CalendarSystem.Gregorian), new LocalDate(2026, 11, 12, CalendarSystem.Julian) })
        {
            var calendar = Simple(MondayToFriday, [H("09:00", "17:00")], holidays: [new FixedDateHoliday(date)]);
            calendar.IsOpenDate(new LocalDate(2026, 11, 25)).Should().BeFalse();
            calendar.OpenTimeBetween(I("2026-11-25T00:00-05:00"), I("2026-11-26T00:00-05:00")).Should().Be(Duration.Zero);
            calendar.AddBusinessDays(I("2026-11-24T10:00-05:00"), 1).Should().Be(I("2026-11-26T17:00-05:00"));
            calendar.HolidaysBetween(new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30)).Select(h => h.Date)
                .Should().Equal(new LocalDate(2026, 11, 25));
        }
    }

    [Fact]
    public void A_calendar_open_only_on_exceptions_counts_an_earlier_night_that_outlasts_the_last_dates_hours()
    {
        // Tokyo (+09:00): 2026-01-26 20:00 to 2026-01-27 12:00, and 01:00-02:00 on the 27th, inside it: 16 open hours
        // in all, across the internal block boundary at 2026-01-27T00:00Z (09:00 local). The open time ends at 12:00
        // on the 27th, not at 02:00, the end of the last date's own hours.
        var tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];
        var calendar = new BusinessCalendar("tokyo-exceptions", tokyo, Week(), exceptions:
        [
            new CalendarException(new LocalDate(2026, 1, 26), [H("20:00", "12:00")]),
            new CalendarException(new LocalDate(2026, 1, 27), [H("01:00", "02:00")]),
        ]);
        calendar.OpenTimeBetween(I("2026-01-26T00:00+09:00"), I("2026-01-28T00:00+09:00")).Should().Be(Duration.FromHours(16));
        calendar.Add(I("2026-01-26T20:00+09:00"), Duration.FromHours(16)).Should().Be(I("2026-01-27T12:00+09:00"));
        calendar.Add(I("2026-01-26T12:00+09:00"), Duration.FromHours(14)).Should().Be(I("2026-01-27T10:00+09:00"));
        calendar.Invoking(c => c.Add(I("2026-01-26T20:00+09:00"), Duration.FromHours(16) + Nanosecond)).Should().Throw<CalendarRangeException>();
        calendar.NextOpen(I("2026-01-27T11:00+09:00")).Should().Be(I("2026-01-27T11:00+09:00"));
        calendar.Subtract(I("2026-01-27T12:00+09:00"), Duration.FromHours(16)).Should().Be(I("2026-01-26T20:00+09:00"));
        calendar.AddBusinessDays(I("2026-01-25T10:00+09:00"), 1).Should().Be(I("2026-01-27T12:00+09:00"));
        calendar.AddBusinessDays(I("2026-01-25T10:00+09:00"), 2).Should().Be(I("2026-01-27T02:00+09:00"));
    }

    [Fact]
    public void An_exception_whose_hours_are_set_to_a_default_array_by_a_with_expression_is_closed()
    {
        var exception = new CalendarException(new LocalDate(2026, 11, 24), [H("10:00", "12:00")]) with { Hours = default };
        exception.Hours.IsDefault.Should().BeFalse();
        exception.IsClosed.Should().BeTrue();
        var calendar = Simple(MondayToFriday, [H("09:00", "17:00")], exceptions: [exception]);
        calendar.IsOpenDate(new LocalDate(2026, 11, 24)).Should().BeFalse();
        calendar.Add(I("2026-11-23T16:00-05:00"), Duration.FromHours(2)).Should().Be(I("2026-11-25T10:00-05:00"));
    }

    [Fact]
    public void More_business_days_than_dates_left_in_the_range_throw_a_range_exception()
    {
        var t = I("2026-11-24T10:00-05:00");
        ItHours.Invoking(c => c.AddBusinessDays(t, int.MaxValue)).Should().Throw<CalendarRangeException>();
        ItHours.Invoking(c => c.SubtractBusinessDays(t, int.MaxValue)).Should().Throw<CalendarRangeException>();

        // UTC, every day: from 9999-12-24 exactly two dates (25th, 26th) are left, and from -9998-01-07 two before.
        var everyDay = Simple(EveryDay, [H("09:00", "17:00")], DateTimeZone.Utc);
        everyDay.AddBusinessDays(Instant.FromUtc(9999, 12, 24, 0, 0), 2).Should().Be(Instant.FromUtc(9999, 12, 26, 17, 0));
        everyDay.Invoking(c => c.AddBusinessDays(Instant.FromUtc(9999, 12, 24, 0, 0), 3)).Should().Throw<CalendarRangeException>();
        everyDay.SubtractBusinessDays(Instant.FromUtc(-9998, 1, 7, 0, 0), 2).Should().Be(Instant.FromUtc(-9998, 1, 5, 9, 0));
        everyDay.Invoking(c => c.SubtractBusinessDays(Instant.FromUtc(-9998, 1, 7, 0, 0), 3)).Should().Throw<CalendarRangeException>();
    }

    [Fact]
    public void Add_and_Subtract_of_zero_return_the_instant_even_inside_a_closed_night()
    {
        var t = I("2026-11-28T12:00-05:00");
        OncallNights.Add(t, Duration.Zero).Should().Be(t);
        OncallNights.Subtract(t, Duration.Zero).Should().Be(t);
    }

    [Fact]
    public void Add_ending_exactly_at_a_night_shifts_close_returns_the_close()
    {
        OncallNights.Add(I("2026-11-24T06:00-05:00"), Duration.FromHours(2)).Should().Be(I("2026-11-24T08:00-05:00"));
        OncallNights.Subtract(I("2026-11-24T20:00-05:00"), Duration.FromHours(2)).Should().Be(I("2026-11-24T18:00-05:00"));
    }

    [Fact]
    public void Results_at_the_end_of_the_supported_range_are_exact_and_one_nanosecond_more_throws()
    {
        // UTC every day 09:00-17:00: the last dates with hours are 9999-12-24, -25 and -26.
        var calendar = Simple(EveryDay, [H("09:00", "17:00")], DateTimeZone.Utc);
        var start = Instant.FromUtc(9999, 12, 24, 0, 0);
        calendar.Add(start, Duration.FromHours(24)).Should().Be(Instant.FromUtc(9999, 12, 26, 17, 0));
        calendar.OpenTimeBetween(start, Instant.MaxValue).Should().Be(Duration.FromHours(24));
        calendar.Invoking(c => c.Add(start, Duration.FromHours(24) + Nanosecond)).Should().Throw<CalendarRangeException>();
        calendar.AddBusinessDays(start, 2).Should().Be(Instant.FromUtc(9999, 12, 26, 17, 0));
        calendar.Invoking(c => c.AddBusinessDays(start, 3)).Should().Throw<CalendarRangeException>();
        calendar.Invoking(c => c.NextOpen(Instant.FromUtc(9999, 12, 26, 17, 0))).Should().Throw<CalendarRangeException>();

        // The first dates with hours are -9998-01-05 and -06.
        var end = Instant.FromUtc(-9998, 1, 7, 0, 0);
        calendar.Subtract(end, Duration.FromHours(16)).Should().Be(Instant.FromUtc(-9998, 1, 5, 9, 0));
        calendar.OpenTimeBetween(Instant.MinValue, end).Should().Be(Duration.FromHours(16));
        calendar.NextOpen(Instant.MinValue).Should().Be(Instant.FromUtc(-9998, 1, 5, 9, 0));
        calendar.Invoking(c => c.Subtract(end, Duration.FromHours(16) + Nanosecond)).Should().Throw<CalendarRangeException>();
        calendar.SubtractBusinessDays(end, 2).Should().Be(Instant.FromUtc(-9998, 1, 5, 9, 0));
        calendar.Invoking(c => c.SubtractBusinessDays(end, 3)).Should().Throw<CalendarRangeException>();
    }
}
