using System;
using FluentAssertions;
using NodaTime;
using SlaEngine.Calendars;
using Xunit;
using static SlaEngine.Tests.Calendars.TestCalendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>Open time is real elapsed time; local times are resolved leniently.</summary>
public sealed class BusinessCalendarTimeZoneTests
{
    private static readonly BusinessCalendar NewYorkNights = Simple(EveryDay, [H("18:00", "08:00")]);
    private static readonly BusinessCalendar LondonNights = Simple(EveryDay, [H("18:00", "08:00")], London);

    [Fact]
    public void New_York_night_shift_is_an_hour_shorter_when_clocks_spring_forward() =>
        NewYorkNights.OpenTimeBetween(I("2027-03-13T12:00-05:00"), I("2027-03-14T12:00-04:00")).Should().Be(Duration.FromHours(13));

    [Fact]
    public void New_York_night_shift_is_an_hour_longer_when_clocks_fall_back()
    {
        NewYorkNights.OpenTimeBetween(I("2026-10-31T12:00-04:00"), I("2026-11-01T12:00-05:00")).Should().Be(Duration.FromHours(15));
        NewYorkNights.Add(I("2026-10-31T18:00-04:00"), Duration.FromHours(15)).Should().Be(I("2026-11-01T08:00-05:00"));
    }

    [Fact]
    public void London_night_shifts_follow_the_European_changes()
    {
        LondonNights.OpenTimeBetween(I("2027-03-27T12:00+00:00"), I("2027-03-28T12:00+01:00")).Should().Be(Duration.FromHours(13));
        LondonNights.OpenTimeBetween(I("2026-10-24T12:00+01:00"), I("2026-10-25T12:00+00:00")).Should().Be(Duration.FromHours(15));
        LondonNights.Subtract(I("2026-10-25T08:00+00:00"), Duration.FromHours(15)).Should().Be(I("2026-10-24T18:00+01:00"));
    }

    [Fact]
    public void A_night_shift_across_a_holiday_and_the_spring_change_keeps_its_thirteen_hours()
    {
        var calendar = Simple(EveryDay, [H("18:00", "08:00")], holidays: [new FixedDateHoliday(new LocalDate(2027, 3, 14))]);
        calendar.OpenTimeBetween(I("2027-03-13T12:00-05:00"), I("2027-03-15T12:00-04:00")).Should().Be(Duration.FromHours(13));
        calendar.Add(I("2027-03-13T18:00-05:00"), Duration.FromHours(14)).Should().Be(I("2027-03-15T19:00-04:00"));
    }

    [Fact]
    public void An_opening_time_skipped_by_spring_forward_moves_forward_by_the_gap()
    {
        // 02:30 does not exist on 2027-03-14 in New York: it resolves to 03:30 EDT.
        var calendar = Simple(EveryDay, [H("02:30", "06:00")]);
        calendar.IsOpen(I("2027-03-14T03:29-04:00")).Should().BeFalse();
        calendar.NextOpen(I("2027-03-14T01:00-05:00")).Should().Be(I("2027-03-14T03:30-04:00"));
        calendar.OpenTimeBetween(I("2027-03-14T00:00-05:00"), I("2027-03-14T12:00-04:00")).Should().Be(Duration.FromHours(2.5));
    }

    [Fact]
    public void An_interval_lying_wholly_in_the_gap_is_empty_that_day()
    {
        var calendar = Simple(EveryDay, [H("02:30", "03:00")]);
        calendar.OpenTimeBetween(I("2027-03-14T00:00-05:00"), I("2027-03-14T12:00-04:00")).Should().Be(Duration.Zero);
        calendar.IsOpenDate(new LocalDate(2027, 3, 14)).Should().BeFalse();
        calendar.IsOpenDate(new LocalDate(2027, 3, 15)).Should().BeTrue();
    }

    [Fact]
    public void An_ambiguous_autumn_time_takes_the_earlier_instant()
    {
        // 01:30 happens twice on 2026-11-01 in New York: the EDT one is used, so 01:30-03:00 lasts 2.5 real hours.
        var calendar = Simple(EveryDay, [H("01:30", "03:00")]);
        calendar.NextOpen(I("2026-11-01T00:00-04:00")).Should().Be(I("2026-11-01T01:30-04:00"));
        calendar.OpenTimeBetween(I("2026-11-01T00:00-04:00"), I("2026-11-01T12:00-05:00")).Should().Be(Duration.FromHours(2.5));
    }

    [Fact]
    public void Kathmandu_quarter_hour_offset_is_honoured()
    {
        var calendar = Simple(MondayToFriday, [H("09:00", "17:00")], DateTimeZoneProviders.Tzdb["Asia/Kathmandu"]);
        calendar.NextOpen(I("2026-11-23T00:00+00:00")).Should().Be(I("2026-11-23T09:00+05:45"));
        calendar.Add(I("2026-11-23T16:00+05:45"), Duration.FromHours(2)).Should().Be(I("2026-11-24T10:00+05:45"));
    }

    [Fact]
    public void Lord_Howe_half_hour_daylight_saving_shortens_the_night_by_thirty_minutes()
    {
        // Lord Howe moves from +10:30 to +11:00 at 02:00 on the first Sunday of October (2026-10-04).
        var calendar = Simple(EveryDay, [H("18:00", "08:00")], DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"]);
        calendar.OpenTimeBetween(I("2026-10-03T12:00+10:30"), I("2026-10-04T12:00+11:00")).Should().Be(Duration.FromMinutes(13 * 60 + 30));
    }

    [Fact]
    public void Apia_skipped_day_opens_once_not_twice()
    {
        // Samoa skipped 2011-12-30: its hours resolve onto the 31st, and the union counts them once.
        var apia = DateTimeZoneProviders.Tzdb["Pacific/Apia"];
        var calendar = Simple(EveryDay, [H("08:00", "18:00")], apia);
        var from = new LocalDateTime(2011, 12, 29, 0, 0).InZoneLeniently(apia).ToInstant();
        var to = new LocalDateTime(2012, 1, 1, 0, 0).InZoneLeniently(apia).ToInstant();
        calendar.OpenTimeBetween(from, to).Should().Be(Duration.FromHours(20));
        calendar.IsOpenDate(new LocalDate(2011, 12, 30)).Should().BeTrue();
        calendar.Add(from, Duration.FromHours(15)).Should().Be(new LocalDateTime(2011, 12, 31, 13, 0).InZoneStrictly(apia).ToInstant());
    }

    [Fact]
    public void Add_works_the_same_in_every_DST_season_of_a_long_span()
    {
        var calendar = Simple(MondayToFriday, [H("09:00", "17:00")], London);
        var start = I("2026-01-05T09:00+00:00");
        var due = calendar.Add(start, Duration.FromHours(8 * 5 * 52));
        due.Should().Be(I("2027-01-01T17:00+00:00"));
        calendar.OpenTimeBetween(start, due).Should().Be(Duration.FromHours(8 * 5 * 52));
    }

    [Fact]
    public void Instants_at_the_ends_of_time_are_closed_and_results_beyond_the_range_throw_a_range_exception()
    {
        var calendar = Simple(MondayToFriday, [H("09:00", "17:00")]);
        calendar.IsOpen(Instant.MinValue).Should().BeFalse();
        calendar.IsOpen(Instant.MaxValue).Should().BeFalse();
        calendar.OpenTimeBetween(Instant.MaxValue - Duration.FromDays(2), Instant.MaxValue).Should().Be(Duration.Zero);
        calendar.Invoking(c => c.NextOpen(Instant.MaxValue)).Should().Throw<CalendarRangeException>().WithMessage("*supported range*");
        calendar.Invoking(c => c.Add(Instant.MaxValue - Duration.FromDays(30), Duration.FromHours(1000)))
            .Should().Throw<CalendarRangeException>();
        calendar.Invoking(c => c.Subtract(Instant.MinValue + Duration.FromDays(30), Duration.FromHours(1000)))
            .Should().Throw<CalendarRangeException>();
        calendar.Invoking(c => c.AddBusinessDays(Instant.MaxValue, 1)).Should().Throw<CalendarRangeException>();
        calendar.Invoking(c => c.SubtractBusinessDays(Instant.MinValue, 1)).Should().Throw<CalendarRangeException>();
    }

    [Fact]
    public void Near_the_ends_of_time_open_time_still_counts_up_to_the_last_supported_date()
    {
        var calendar = Simple(EveryDay, [H("09:00", "17:00")], DateTimeZoneProviders.Tzdb["Pacific/Kiritimati"]);
        var nearEnd = Instant.FromUtc(9999, 12, 1, 0, 0);
        calendar.Add(nearEnd, Duration.FromHours(8)).Should().BeGreaterThan(nearEnd);
        var nearStart = Instant.FromUtc(-9998, 2, 1, 0, 0);
        calendar.Subtract(nearStart, Duration.FromHours(8)).Should().BeLessThan(nearStart);
    }

    [Fact]
    public void A_calendar_open_only_on_exception_dates_runs_out_of_open_time_with_a_range_exception()
    {
        var calendar = new BusinessCalendar("once", NewYork, Week(),
            exceptions: [new CalendarException(new LocalDate(2026, 11, 24), [H("09:00", "10:00")])]);
        calendar.Add(I("2026-11-01T00:00-05:00"), Duration.FromHours(1)).Should().Be(I("2026-11-24T10:00-05:00"));
        calendar.Invoking(c => c.Add(I("2026-11-01T00:00-05:00"), Duration.FromHours(2))).Should().Throw<CalendarRangeException>();
        calendar.Invoking(c => c.NextOpen(I("2026-11-25T00:00-05:00"))).Should().Throw<CalendarRangeException>();
        calendar.Invoking(c => c.Subtract(I("2026-11-24T09:30-05:00"), Duration.FromHours(1))).Should().Throw<CalendarRangeException>();
        calendar.AddBusinessDays(I("2026-11-01T00:00-05:00"), 1).Should().Be(I("2026-11-24T10:00-05:00"));
        calendar.Invoking(c => c.AddBusinessDays(I("2026-11-01T00:00-05:00"), 2)).Should().Throw<CalendarRangeException>();
    }

    [Fact]
    public void A_huge_duration_ends_in_a_range_exception_rather_than_a_loop()
    {
        var calendar = Simple(MondayToFriday, [H("09:00", "17:00")]);
        calendar.Invoking(c => c.Add(I("2026-11-23T09:00-05:00"), Duration.FromDays(16_000_000)))
            .Should().Throw<CalendarRangeException>();
        calendar.Invoking(c => c.Subtract(I("2026-11-23T09:00-05:00"), Duration.FromDays(16_000_000)))
            .Should().Throw<CalendarRangeException>();

        // Less than the time left, more than the open time left: found by walking the blocks to the end of the range.
        calendar.Invoking(c => c.Add(Instant.FromUtc(9900, 1, 1, 0, 0), Duration.FromDays(20_000)))
            .Should().Throw<CalendarRangeException>();
    }

    [Fact]
    public void The_24x7_calendar_is_plain_elapsed_time_in_UTC()
    {
        var always = BusinessCalendar.AlwaysOpen;
        var t = I("2027-03-14T01:30-05:00");
        always.Id.Should().Be("24x7");
        always.Zone.Should().Be(DateTimeZone.Utc);
        always.IsOpen(t).Should().BeTrue();
        always.NextOpen(t).Should().Be(t);
        always.Add(t, Duration.FromHours(10_000)).Should().Be(t + Duration.FromHours(10_000));
        always.Subtract(t, Duration.FromHours(3)).Should().Be(t - Duration.FromHours(3));
        always.OpenTimeBetween(t, t + Duration.FromDays(365)).Should().Be(Duration.FromDays(365));
        always.AddBusinessDays(t, 2).Should().Be(I("2027-03-17T00:00+00:00"));
        always.Invoking(c => c.Add(Instant.MaxValue - Duration.FromDays(1), Duration.FromDays(2))).Should().Throw<CalendarRangeException>();
        always.Should().BeSameAs(BusinessCalendar.AlwaysOpen);
    }

    [Fact]
    public void A_user_calendar_open_all_week_round_the_clock_agrees_with_plain_elapsed_time()
    {
        var calendar = Simple(EveryDay, [H("00:00", "24:00")]);
        var t = I("2027-03-13T22:00-05:00");
        calendar.Add(t, Duration.FromHours(30)).Should().Be(t + Duration.FromHours(30));
        calendar.OpenTimeBetween(t, t + Duration.FromDays(400)).Should().Be(Duration.FromDays(400));
    }
}
