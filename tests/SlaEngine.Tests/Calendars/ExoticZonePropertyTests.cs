using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using FluentAssertions;
using NodaTime;
using SlaEngine.Calendars;
using Xunit;

namespace SlaEngine.Tests.Calendars;

/// <summary>
/// The invariants of SPEC 4.2 and the brute-force model of <see cref="BusinessCalendarPropertyTests"/>, on zones whose
/// offset changes are unusual: at local midnight (Beirut, Santiago, Havana, Cairo, Scoresbysund), by half an hour
/// (Lord Howe), at a quarter past the hour (Chatham), in the southern hemisphere (Sydney), or never (Kolkata). Hours
/// are drawn on a quarter-hour grid so that interval ends fall inside, at and just outside the gaps and overlaps.
/// </summary>
public sealed class ExoticZonePropertyTests
{
    private const int Iterations = 100;
    private static readonly Instant WindowStart = Instant.FromUtc(2026, 1, 1, 0, 0);
    private static readonly Duration Nanosecond = Duration.FromNanoseconds(1);

    private static readonly string[] ZoneIds =
    [
        "Asia/Beirut", "America/Santiago", "America/Havana", "Africa/Cairo", "America/Scoresbysund", "Australia/Lord_Howe",
        "Pacific/Chatham", "Australia/Sydney", "Asia/Kolkata",
    ];

    // (start, length) in quarter hours; a length of 96 is a whole day.
    private static readonly Gen<(int Start, int Length)> GenQuarterHourInterval = Gen.Select(Gen.Int[0, 95], Gen.Int[1, 96]);

    private static readonly Instant ModelEnd = Instant.FromUtc(2028, 1, 25, 0, 0);
    private static readonly Instant ModelStart = Instant.FromUtc(2025, 6, 5, 0, 0);

    private static readonly Gen<Case> GenCase =
        Gen.Select(
                Gen.Int[0, ZoneIds.Length - 1],
                GenQuarterHourInterval.Array[0, 2].Array[7],
                Gen.Select(Gen.Int[1, 12], Gen.Int[1, 29], Gen.Int[1, 7], Gen.Int[-1, 5], Gen.Bool).Array[0, 3],
                Gen.Select(Gen.Int[0, 700], GenQuarterHourInterval.Array[0, 2]).Array[0, 3])
            .Select(t => new Case(Create(ZoneIds[t.Item1], t.Item2, t.Item3, t.Item4)));

    private static readonly Gen<Instant> GenInstant =
        Gen.Select(Gen.Int[0, 600 * 24 * 4], Gen.Int[0, 9]).Select((quarters, odd) =>
            WindowStart + Duration.FromMinutes(quarters * 15L) + (odd == 0 ? Duration.FromNanoseconds(987_654_321) : Duration.Zero));

    private static readonly Gen<Duration> GenDuration =
        Gen.Select(Gen.Int[0, 9], Gen.Int[1, 200 * 4]).Select((kind, quarters) => kind == 0 ? Duration.Zero : Duration.FromMinutes(quarters * 15L));

    [Fact]
    public void Open_time_matches_the_brute_force_model() =>
        Gen.Select(GenCase, GenInstant, GenInstant).Sample((c, a, b) =>
        {
            var (calendar, model) = (c.Calendar, c.Model);
            calendar.OpenTimeBetween(a, b).Should().Be(model.OpenTimeBetween(a, b));
            foreach (var probe in model.BoundariesNear(a).Append(a))
            {
                calendar.IsOpen(probe).Should().Be(model.IsOpen(probe), "at {0}", probe);
                calendar.NextOpen(probe).Should().Be(model.NextOpen(probe), "from {0}", probe);
            }
        }, iter: Iterations);

    [Fact]
    public void Add_reaches_exactly_the_duration_and_Subtract_undoes_it() =>
        Gen.Select(GenCase, GenInstant, GenDuration).Sample((c, t, d) =>
        {
            var (calendar, model) = (c.Calendar, c.Model);
            var u = calendar.Add(t, d);
            u.Should().BeGreaterThanOrEqualTo(t);
            calendar.OpenTimeBetween(t, u).Should().Be(d);
            if (u < ModelEnd)
            {
                model.OpenTimeBetween(t, u).Should().Be(d);
            }

            if (d > Duration.Zero)
            {
                calendar.IsOpen(u - Nanosecond).Should().BeTrue("the open time must still be running just before the result");
                calendar.Subtract(u, d).Should().Be(calendar.NextOpen(t));
                var back = calendar.Subtract(t, d);
                calendar.OpenTimeBetween(back, t).Should().Be(d);
                if (back > ModelStart)
                {
                    model.OpenTimeBetween(back, t).Should().Be(d);
                }

                calendar.IsOpen(back).Should().BeTrue("the open time must start running at the result");
            }
        }, iter: Iterations);

    [Fact]
    public void Business_days_match_the_brute_force_model() =>
        Gen.Select(GenCase, GenInstant, Gen.Int[1, 12]).Sample((c, t, n) =>
        {
            // Every drawn calendar has weekly hours, so open dates recur at least weekly; the model's window (June 2025
            // to January 2028) holds the N-th open date either side for n up to 12 and t in 2026 - August 2027, even
            // for a calendar open on Wednesdays only (seed 1cCVmlVP76N3: 7 Wednesdays before 2026-01-10 fell before
            // the window's former start, December 2025).
            var (forward, backward) = c.Model.BusinessDays(t, n);
            forward.Should().NotBeNull();
            backward.Should().NotBeNull();
            var due = c.Calendar.AddBusinessDays(t, n);
            due.Should().Be(forward!.Value);
            c.Calendar.IsOpen(due - Nanosecond).Should().BeTrue();
            c.Calendar.SubtractBusinessDays(t, n).Should().Be(backward!.Value);
        }, iter: Iterations);

    /// <summary>
    /// Calendars open only on two consecutive exception dates around an internal block boundary (2026-10-10T00:00Z;
    /// blocks are 256 days from the Unix epoch): a long shift from the evening of the first date, and short hours early
    /// on the second, which mostly lie inside that shift, so that the open time of the first date outlasts that of
    /// the last and often runs across the boundary. Within the total open time Add and Subtract are exact; past it they
    /// throw <see cref="CalendarRangeException"/>.
    /// </summary>
    [Fact]
    public void Exception_only_calendars_around_a_block_boundary_count_all_their_open_time() =>
        Gen.Select(
                Gen.Int[0, ZoneIds.Length - 1].Select(i => i == 0 ? "Asia/Tokyo" : ZoneIds[i]),
                Gen.Int[-1, 0],
                Gen.Select(Gen.Int[64, 95], Gen.Int[60, 96]),
                Gen.Select(Gen.Int[0, 40], Gen.Int[1, 16]).Array[1, 2],
                Gen.Int[-48 * 4, 12 * 4],
                Gen.Int[1, 40 * 4])
            .Sample((zoneId, day, night, morning, quarters, length) =>
            {
                var boundary = Instant.FromUtc(2026, 10, 10, 0, 0);
                var zone = DateTimeZoneProviders.Tzdb[zoneId];
                var first = boundary.InZone(zone).Date.PlusDays(day - 1);
                var calendar = new BusinessCalendar("bounded", zone, new Dictionary<IsoDayOfWeek, IReadOnlyList<OpenHours>>(), exceptions:
                [
                    new CalendarException(first, [.. NonOverlapping([night])]),
                    new CalendarException(first.PlusDays(1), [.. NonOverlapping(morning)]),
                ]);
                var model = new BusinessCalendarPropertyTests.ReferenceModel(calendar);
                var t = boundary + Duration.FromMinutes(quarters * 15L);
                var d = Duration.FromMinutes(length * 15L);
                var after = model.OpenTimeBetween(t, boundary + Duration.FromDays(10));
                var before = model.OpenTimeBetween(boundary - Duration.FromDays(10), t);
                var describe = Describe(calendar) + $"; t = {t}; d = {d}";
                if (d <= after)
                {
                    calendar.OpenTimeBetween(t, calendar.Add(t, d)).Should().Be(d, describe);
                }
                else
                {
                    calendar.Invoking(c => c.Add(t, d)).Should().Throw<CalendarRangeException>(describe);
                }

                if (d <= before)
                {
                    calendar.OpenTimeBetween(calendar.Subtract(t, d), t).Should().Be(d, describe);
                }
                else
                {
                    calendar.Invoking(c => c.Subtract(t, d)).Should().Throw<CalendarRangeException>(describe);
                }
            }, iter: Iterations * 3);

    /// <summary>A drawn calendar with its brute-force model; printed in full when a property fails.</summary>
    public sealed class Case(BusinessCalendar calendar)
    {
        public BusinessCalendar Calendar { get; } = calendar;

        public BusinessCalendarPropertyTests.ReferenceModel Model { get; } = new(calendar);

        public override string ToString() => Describe(Calendar);
    }

    private static string Describe(BusinessCalendar calendar) =>
        $"{calendar.Zone.Id}; " + string.Join(", ", calendar.WeeklyHours.Where(w => w.Value.Count > 0).Select(w => $"{w.Key}: {string.Join(" ", w.Value)}"))
        + "; holidays: " + string.Join(", ", calendar.Holidays)
        + "; exceptions: " + string.Join(", ", calendar.Exceptions.Select(e => $"{e.Date:uuuu-MM-dd} {string.Join(" ", e.Hours)}"));

    private static BusinessCalendar Create(
        string zoneId,
        (int Start, int Length)[][] week,
        (int Month, int Day, int Weekday, int Occurrence, bool Yearly)[] holidays,
        (int DayOfWindow, (int Start, int Length)[] Hours)[] exceptions)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var weekly = new Dictionary<IsoDayOfWeek, IReadOnlyList<OpenHours>>();
        for (var i = 0; i < 7; i++)
        {
            weekly[(IsoDayOfWeek)(i + 1)] = NonOverlapping(week[i]);
        }

        // At least one weekday open, so that open time never runs out and business days recur.
        if (weekly.Values.All(h => h.Count == 0))
        {
            weekly[IsoDayOfWeek.Wednesday] = [new OpenHours(new LocalTime(9, 0), new LocalTime(17, 0))];
        }

        var holidayList = holidays.Select(h => h.Yearly
            ? (Holiday)new YearlyHoliday(h.Month, Math.Min(h.Day, CalendarSystem.Iso.GetDaysInMonth(2028, h.Month)))
            : new NthWeekdayHoliday(h.Month, (IsoDayOfWeek)h.Weekday, h.Occurrence == 0 ? -1 : h.Occurrence)).ToList();
        var exceptionList = exceptions
            .Select(e => new CalendarException(new LocalDate(2026, 1, 1).PlusDays(e.DayOfWindow), [.. NonOverlapping(e.Hours)]))
            .DistinctBy(e => e.Date)
            .ToList();
        return new BusinessCalendar("exotic", zone, weekly, holidayList, exceptionList);
    }

    private static List<OpenHours> NonOverlapping((int Start, int Length)[] candidates)
    {
        var result = new List<(int Start, int End)>();
        foreach (var (start, length) in candidates)
        {
            if (result.All(r => start + length <= r.Start || start >= r.End))
            {
                result.Add((start, start + length));
            }
        }

        return [.. result.Select(r => new OpenHours(LocalTime.FromMinutesSinceMidnight(r.Start * 15), LocalTime.FromMinutesSinceMidnight(r.End % 96 * 15)))];
    }
}
