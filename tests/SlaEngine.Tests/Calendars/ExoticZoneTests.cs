using FluentAssertions;
using NodaTime;
using SlaEngine.Calendars;
using Xunit;
using static SlaEngine.Tests.Calendars.TestCalendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>
/// Zones with unusual offset changes, each expected value worked out by hand from the tz rules (TZDB 2026f, as
/// bundled with NodaTime) and SPEC 4.1: lenient resolution (a skipped time moves forward by the gap, an ambiguous
/// time takes the earlier instant) and open time as real elapsed time.
/// </summary>
public sealed class ExoticZoneTests
{
    private static readonly DateTimeZone Beirut = DateTimeZoneProviders.Tzdb["Asia/Beirut"];
    private static readonly DateTimeZone Santiago = DateTimeZoneProviders.Tzdb["America/Santiago"];
    private static readonly DateTimeZone Havana = DateTimeZoneProviders.Tzdb["America/Havana"];
    private static readonly DateTimeZone Chatham = DateTimeZoneProviders.Tzdb["Pacific/Chatham"];
    private static readonly DateTimeZone LordHowe = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];
    private static readonly DateTimeZone Sydney = DateTimeZoneProviders.Tzdb["Australia/Sydney"];
    private static readonly DateTimeZone Kolkata = DateTimeZoneProviders.Tzdb["Asia/Kolkata"];
    private static readonly DateTimeZone Tokyo = DateTimeZoneProviders.Tzdb["Asia/Tokyo"];

    // Beirut springs forward at 00:00 on 2026-03-29 (+02 -> +03, local midnight does not exist) and falls back at
    // 00:00 on 2026-10-25 (+03 -> +02, 23:00-24:00 on the 24th happens twice).

    [Fact]
    public void Beirut_an_interval_starting_at_a_skipped_midnight_opens_at_the_end_of_the_gap()
    {
        var calendar = Simple(EveryDay, [H("00:00", "08:00")], Beirut);

        // 00:00 on 2026-03-29 moves forward by the hour of the gap: 01:00 +03 (2026-03-28T22:00Z); the day has 7 hours.
        calendar.IsOpen(I("2026-03-28T23:59+02:00")).Should().BeFalse();
        calendar.IsOpen(I("2026-03-29T01:00+03:00")).Should().BeTrue();
        calendar.NextOpen(I("2026-03-28T23:30+02:00")).Should().Be(I("2026-03-29T01:00+03:00"));
        calendar.OpenTimeBetween(I("2026-03-28T12:00+02:00"), I("2026-03-29T12:00+03:00")).Should().Be(Duration.FromHours(7));
        calendar.Add(I("2026-03-28T12:00+02:00"), Duration.FromHours(7)).Should().Be(I("2026-03-29T08:00+03:00"));
        calendar.Subtract(I("2026-03-29T08:00+03:00"), Duration.FromHours(7)).Should().Be(I("2026-03-29T01:00+03:00"));

        // Business days: 2026-03-29 is an open date; its one interval starts at 01:00 and ends at 08:00.
        calendar.AddBusinessDays(I("2026-03-28T10:00+02:00"), 1).Should().Be(I("2026-03-29T08:00+03:00"));
        calendar.SubtractBusinessDays(I("2026-03-30T10:00+03:00"), 1).Should().Be(I("2026-03-29T01:00+03:00"));
    }

    [Fact]
    public void Beirut_night_shifts_are_seven_and_nine_real_hours_on_the_change_nights()
    {
        var calendar = Simple(EveryDay, [H("22:00", "06:00")], Beirut);

        // Spring: 22:00 +02 (20:00Z) to 06:00 +03 (03:00Z) = 7h.
        calendar.OpenTimeBetween(I("2026-03-28T12:00+02:00"), I("2026-03-29T12:00+03:00")).Should().Be(Duration.FromHours(7));

        // Autumn: 22:00 +03 (19:00Z) to 06:00 +02 (04:00Z) = 9h.
        calendar.OpenTimeBetween(I("2026-10-24T12:00+03:00"), I("2026-10-25T12:00+02:00")).Should().Be(Duration.FromHours(9));
        calendar.Add(I("2026-10-24T22:00+03:00"), Duration.FromHours(8)).Should().Be(I("2026-10-25T05:00+02:00"));
        calendar.Add(I("2026-10-24T22:00+03:00"), Duration.FromHours(9)).Should().Be(I("2026-10-25T06:00+02:00"));
        calendar.Add(I("2026-10-24T22:00+03:00"), Duration.FromHours(10)).Should().Be(I("2026-10-25T23:00+02:00"));
    }

    [Fact]
    public void Beirut_an_ambiguous_start_before_the_midnight_fall_back_takes_the_earlier_instant()
    {
        // 23:30 on 2026-10-24 happens at +03 and again at +02: the +03 one (20:30Z); 01:00 on the 25th is +02 (23:00Z).
        var calendar = Simple(EveryDay, [H("23:30", "01:00")], Beirut);
        calendar.NextOpen(I("2026-10-24T12:00+03:00")).Should().Be(I("2026-10-24T23:30+03:00"));
        calendar.OpenTimeBetween(I("2026-10-24T12:00+03:00"), I("2026-10-25T12:00+02:00")).Should().Be(Duration.FromMinutes(150));
        calendar.IsOpen(I("2026-10-24T23:45+02:00")).Should().BeTrue(); // the second 23:45, still inside
        calendar.IsOpen(I("2026-10-25T01:00+02:00")).Should().BeFalse();
    }

    // Santiago springs forward at 00:00 on 2026-09-06 (-04 -> -03) and falls back at 00:00 on 2026-04-05 (-03 -> -04:
    // 23:00-24:00 on 2026-04-04 happens twice).

    [Fact]
    public void Santiago_midnight_changes_give_seven_and_nine_hour_night_shifts()
    {
        var calendar = Simple(EveryDay, [H("22:00", "06:00")], Santiago);

        // Autumn: 22:00 -03 (01:00Z) to 06:00 -04 (10:00Z) = 9h.
        calendar.OpenTimeBetween(I("2026-04-04T12:00-03:00"), I("2026-04-05T12:00-04:00")).Should().Be(Duration.FromHours(9));
        calendar.Subtract(I("2026-04-05T06:00-04:00"), Duration.FromHours(9)).Should().Be(I("2026-04-04T22:00-03:00"));

        // Spring: 22:00 -04 (02:00Z) to 06:00 -03 (09:00Z) = 7h.
        calendar.OpenTimeBetween(I("2026-09-05T12:00-04:00"), I("2026-09-06T12:00-03:00")).Should().Be(Duration.FromHours(7));
        calendar.Add(I("2026-09-05T21:00-04:00"), Duration.FromHours(8)).Should().Be(I("2026-09-06T23:00-03:00"));
    }

    [Fact]
    public void Santiago_morning_hours_on_the_spring_date_start_at_one_and_last_seven_hours()
    {
        var calendar = Simple(EveryDay, [H("00:00", "08:00")], Santiago);
        calendar.NextOpen(I("2026-09-05T23:00-04:00")).Should().Be(I("2026-09-06T01:00-03:00"));
        calendar.OpenTimeBetween(I("2026-09-05T12:00-04:00"), I("2026-09-06T12:00-03:00")).Should().Be(Duration.FromHours(7));
    }

    [Fact]
    public void Havana_an_evening_ending_at_24_00_on_the_eve_of_the_spring_change_joins_the_next_day()
    {
        // Havana springs forward at 00:00 on 2026-03-08 (-05 -> -04). Sat 18:00-24:00 ends where the gap is, 05:00Z,
        // which is also where Sunday's 00:00-02:00 opens (01:00 -04): one interval of 6 + 1 hours.
        var calendar = new BusinessCalendar("havana", Havana, Week(
            ([IsoDayOfWeek.Saturday], [H("18:00", "24:00")]),
            ([IsoDayOfWeek.Sunday], [H("00:00", "02:00")])));
        calendar.OpenIntervals(I("2026-03-07T12:00-05:00"), I("2026-03-08T12:00-04:00"))
            .Should().Equal(new Interval(I("2026-03-07T18:00-05:00"), I("2026-03-08T02:00-04:00")));
        calendar.Add(I("2026-03-07T23:00-05:00"), Duration.FromHours(1)).Should().Be(I("2026-03-08T01:00-04:00"));
        calendar.Add(I("2026-03-07T23:00-05:00"), Duration.FromHours(2)).Should().Be(I("2026-03-08T02:00-04:00"));
        calendar.IsOpen(I("2026-03-08T01:00-04:00")).Should().BeTrue();
    }

    // Chatham: +12:45 in winter, +13:45 in summer; 02:45 -> 03:45 on 2026-09-27, 03:45 -> 02:45 on 2026-04-05.

    [Fact]
    public void Chatham_night_shifts_follow_its_quarter_hour_changes()
    {
        var calendar = Simple(EveryDay, [H("18:00", "08:00")], Chatham);

        // Spring: 18:00 +12:45 (05:15Z) to 08:00 +13:45 (18:15Z) = 13h.
        calendar.OpenTimeBetween(I("2026-09-26T12:00+12:45"), I("2026-09-27T12:00+13:45")).Should().Be(Duration.FromHours(13));

        // Autumn: 18:00 +13:45 (04:15Z) to 08:00 +12:45 (19:15Z) = 15h.
        calendar.OpenTimeBetween(I("2026-04-04T12:00+13:45"), I("2026-04-05T12:00+12:45")).Should().Be(Duration.FromHours(15));
        calendar.Add(I("2026-04-04T18:00+13:45"), Duration.FromHours(15)).Should().Be(I("2026-04-05T08:00+12:45"));
    }

    [Fact]
    public void Chatham_weekday_hours_and_an_interval_cut_by_the_gap()
    {
        var nineToFive = Simple(MondayToFriday, [H("09:00", "17:00")], Chatham);
        nineToFive.Add(I("2026-11-27T16:00+13:45"), Duration.FromHours(2)).Should().Be(I("2026-11-30T10:00+13:45"));

        // 03:00 on 2026-09-27 is in the gap (02:45-03:45) and moves forward by the hour to 04:00, which is also the end:
        // 03:00-04:00 is empty that date (lenient resolution), although 03:45-04:00 exists on the wall clock.
        var cut = Simple(EveryDay, [H("03:00", "04:00")], Chatham);
        cut.OpenTimeBetween(I("2026-09-26T12:00+12:45"), I("2026-09-27T12:00+13:45")).Should().Be(Duration.Zero);
        cut.IsOpenDate(new LocalDate(2026, 9, 27)).Should().BeFalse();
        cut.AddBusinessDays(I("2026-09-26T12:00+12:45"), 1).Should().Be(I("2026-09-28T04:00+13:45"));
    }

    // Lord Howe: +10:30 <-> +11, half-hour changes at 02:00 (2026-04-05: 02:00 -> 01:30; 2026-10-04: 02:00 -> 02:30).

    [Fact]
    public void Lord_Howe_autumn_night_is_half_an_hour_longer()
    {
        // 18:00 +11 (07:00Z) to 08:00 +10:30 (21:30Z) = 14h30m.
        var calendar = Simple(EveryDay, [H("18:00", "08:00")], LordHowe);
        calendar.OpenTimeBetween(I("2026-04-04T12:00+11:00"), I("2026-04-05T12:00+10:30")).Should().Be(Duration.FromMinutes(14 * 60 + 30));
        calendar.Add(I("2026-04-04T18:00+11:00"), Duration.FromMinutes(14 * 60 + 30)).Should().Be(I("2026-04-05T08:00+10:30"));
        calendar.AddBusinessDays(I("2026-04-04T10:00+11:00"), 1).Should().Be(I("2026-04-06T08:00+10:30"));
    }

    [Fact]
    public void Lord_Howe_half_hour_gap_and_overlap_resolve_leniently()
    {
        // Autumn: 01:45 is ambiguous (01:30-02:00 twice) -> the +11 one (14:45Z); 02:15 is +10:30 (15:45Z): one hour.
        var autumn = Simple(EveryDay, [H("01:45", "02:15")], LordHowe);
        autumn.OpenTimeBetween(I("2026-04-05T00:00+11:00"), I("2026-04-05T12:00+10:30")).Should().Be(Duration.FromHours(1));

        // Spring: 02:15 is in the gap (02:00-02:30) and moves to 02:45 +11 (15:45Z); 03:00 +11 is 16:00Z: fifteen minutes.
        var spring = Simple(EveryDay, [H("02:15", "03:00")], LordHowe);
        spring.NextOpen(I("2026-10-04T00:00+10:30")).Should().Be(I("2026-10-04T02:45+11:00"));
        spring.OpenTimeBetween(I("2026-10-04T00:00+10:30"), I("2026-10-04T12:00+11:00")).Should().Be(Duration.FromMinutes(15));
    }

    [Fact]
    public void Sydney_southern_hemisphere_nights_are_nine_hours_in_April_and_seven_in_October()
    {
        var calendar = Simple(EveryDay, [H("22:00", "06:00")], Sydney);
        calendar.OpenTimeBetween(I("2026-04-04T12:00+11:00"), I("2026-04-05T12:00+10:00")).Should().Be(Duration.FromHours(9));
        calendar.OpenTimeBetween(I("2026-10-03T12:00+10:00"), I("2026-10-04T12:00+11:00")).Should().Be(Duration.FromHours(7));
    }

    [Fact]
    public void Sydney_business_days_across_both_changes()
    {
        var calendar = Simple(MondayToFriday, [H("09:00", "17:00")], Sydney);
        calendar.AddBusinessDays(I("2026-04-03T10:00+11:00"), 1).Should().Be(I("2026-04-06T17:00+10:00"));
        calendar.SubtractBusinessDays(I("2026-10-05T08:00+11:00"), 1).Should().Be(I("2026-10-02T09:00+10:00"));

        // Friday 2026-04-03 16:00 +11 + 2h: 1h on Friday, 1h on Monday (now +10).
        calendar.Add(I("2026-04-03T16:00+11:00"), Duration.FromHours(2)).Should().Be(I("2026-04-06T10:00+10:00"));
    }

    [Fact]
    public void Kolkata_and_Tokyo_without_daylight_saving()
    {
        var kolkata = Simple(MondayToFriday, [H("09:30", "18:00")], Kolkata);
        kolkata.Add(I("2026-11-27T17:00+05:30"), Duration.FromHours(2)).Should().Be(I("2026-11-30T10:30+05:30"));
        kolkata.OpenTimeBetween(I("2026-01-05T00:00+05:30"), I("2026-01-12T00:00+05:30")).Should().Be(Duration.FromMinutes(5 * 510));

        var tokyoNights = Simple(EveryDay, [H("22:00", "06:00")], Tokyo);
        tokyoNights.OpenTimeBetween(I("2026-03-07T12:00+09:00"), I("2026-03-09T12:00+09:00")).Should().Be(Duration.FromHours(16));
    }

    [Fact]
    public void Utc_calendar_with_weekday_hours()
    {
        var calendar = Simple(MondayToFriday, [H("09:00", "17:00")], DateTimeZone.Utc);
        calendar.Add(I("2026-03-27T16:00+00:00"), Duration.FromHours(2)).Should().Be(I("2026-03-30T10:00+00:00"));
        calendar.AddBusinessDays(I("2026-03-28T10:00+00:00"), 1).Should().Be(I("2026-03-30T17:00+00:00"));
    }
}
