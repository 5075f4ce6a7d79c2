using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CsCheck;
using FluentAssertions;
using NodaTime;
using SlaEngine.Calendars;
using Xunit;

namespace SlaEngine.Tests.Calendars;

/// <summary>
/// Random calendars (overnight hours, holidays, exceptions, DST zones) checked against the invariants of SPEC 4.2
/// and against a brute-force model that lists every interval of every date in a window and merges them.
/// </summary>
public sealed class BusinessCalendarPropertyTests
{
    private const int Iterations = 100;
    private static readonly Instant WindowStart = Instant.FromUtc(2026, 1, 1, 0, 0);
    private static readonly Instant WindowEnd = Instant.FromUtc(2027, 12, 1, 0, 0);
    private static readonly Duration Nanosecond = Duration.FromNanoseconds(1);
    private static readonly Instant ModelEnd = Instant.FromUtc(2028, 2, 1, 0, 0);

    private static readonly string[] ZoneIds =
    [
        "UTC", "America/New_York", "Europe/London", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Apia",
        "America/Sao_Paulo", "Asia/Tokyo",
    ];

    private static readonly Gen<(int Start, int Length)> GenHalfHourInterval = Gen.Select(Gen.Int[0, 47], Gen.Int[1, 48]);

    private static readonly Gen<Holiday> GenHoliday =
        Gen.Select(Gen.Int[0, 2], Gen.Int[1, 12], Gen.Int[1, 28], Gen.Int[1, 7], Gen.Int[-1, 5])
            .Select(t => t.Item1 switch
            {
                0 => (Holiday)new FixedDateHoliday(new LocalDate(2026 + t.Item3 % 2, t.Item2, t.Item3)),
                1 => new YearlyHoliday(t.Item2, t.Item3),
                _ => new NthWeekdayHoliday(t.Item2, (IsoDayOfWeek)t.Item4, t.Item5 == 0 ? -1 : t.Item5),
            });

    private static readonly Gen<(int DayOfWindow, (int Start, int Length)[] Hours)> GenException =
        Gen.Select(Gen.Int[0, 600], GenHalfHourInterval.Array[0, 2]);

    private static readonly Gen<Case> GenCase =
        Gen.Select(Gen.Int[0, ZoneIds.Length - 1], GenHalfHourInterval.Array[0, 2].Array[7], GenHoliday.Array[0, 3], GenException.Array[0, 3])
            .Select(t => Case.Create(ZoneIds[t.Item1], t.Item2, t.Item3, t.Item4));

    /// <summary>
    /// Calendars with weekly hours, whose open time never runs out. A calendar open only on exception dates has a
    /// finite total and throws <see cref="CalendarRangeException"/> past it, as documented; the Add and Subtract
    /// properties below hold for the unbounded ones, and the bounded ones are checked on their own.
    /// </summary>
    private static readonly Gen<Case> GenUnboundedCase =
        GenCase.Where(c => c.Calendar.WeeklyHours.Values.Any(day => day.Count > 0));

    private static readonly Gen<Case> GenBoundedCase =
        Gen.Select(Gen.Int[0, ZoneIds.Length - 1], GenHoliday.Array[0, 3], GenException.Array[1, 3])
            .Select(t => Case.Create(ZoneIds[t.Item1], [.. Enumerable.Range(0, 7).Select(_ => Array.Empty<(int, int)>())], t.Item2, t.Item3))
            .Where(c => c.Calendar.WeeklyHours.Values.All(day => day.Count == 0));

    private static readonly Gen<Instant> GenInstant =
        Gen.Select(Gen.Int[0, 690 * 24 * 60], Gen.Int[0, 9]).Select((minutes, odd) =>
            WindowStart + Duration.FromMinutes(minutes) + (odd == 0 ? Duration.FromNanoseconds(123_456_789) : Duration.Zero));

    private static readonly Gen<Duration> GenDuration =
        Gen.Select(Gen.Int[0, 9], Gen.Int[1, 300 * 60]).Select((kind, minutes) => kind == 0 ? Duration.Zero : Duration.FromMinutes(minutes));

    [Fact]
    public void OpenTimeBetween_matches_the_brute_force_model() =>
        Gen.Select(GenCase, GenInstant, GenInstant).Sample((c, a, b) =>
            c.Calendar.OpenTimeBetween(a, b).Should().Be(c.Model.OpenTimeBetween(a, b)), iter: Iterations);

    [Fact]
    public void IsOpen_and_NextOpen_match_the_brute_force_model() =>
        Gen.Select(GenCase, GenInstant).Sample((c, t) =>
        {
            foreach (var probe in c.Model.BoundariesNear(t).Append(t))
            {
                c.Calendar.IsOpen(probe).Should().Be(c.Model.IsOpen(probe), "at {0}", probe);

                // A calendar open only on exception dates (about one draw in two thousand) never opens again after its
                // last interval: NextOpen throws CalendarRangeException there, as documented.
                if (c.Model.OpenTimeBetween(probe, ModelEnd) > Duration.Zero)
                {
                    c.Calendar.NextOpen(probe).Should().Be(c.Model.NextOpen(probe), "from {0}", probe);
                }
                else
                {
                    c.Calendar.WeeklyHours.Values.Should().OnlyContain(day => day.Count == 0);
                    c.Calendar.Invoking(cal => cal.NextOpen(probe)).Should().Throw<CalendarRangeException>();
                }
            }
        }, iter: Iterations);

    [Fact]
    public void OpenIntervals_match_the_brute_force_model() =>
        Gen.Select(GenCase, GenInstant, Gen.Int[0, 30 * 24 * 60]).Sample((c, a, minutes) =>
        {
            var b = a + Duration.FromMinutes(minutes);
            c.Calendar.OpenIntervals(a, b).Should().Equal(c.Model.OpenIntervals(a, b));
        }, iter: Iterations);

    [Fact]
    public void Add_reaches_exactly_the_duration_at_the_earliest_instant() =>
        Gen.Select(GenUnboundedCase, GenInstant, GenDuration).Sample((c, t, d) =>
        {
            var u = c.Calendar.Add(t, d);
            u.Should().BeGreaterThanOrEqualTo(t);
            c.Calendar.OpenTimeBetween(t, u).Should().Be(d);
            if (d > Duration.Zero)
            {
                c.Calendar.IsOpen(u - Nanosecond).Should().BeTrue("the open time must still be running just before the result");
            }

            if (u < WindowEnd)
            {
                c.Model.OpenTimeBetween(t, u).Should().Be(d);
            }
        }, iter: Iterations);

    [Fact]
    public void Add_is_monotonic_in_the_start_and_the_duration() =>
        Gen.Select(GenUnboundedCase, GenInstant, GenInstant, GenDuration, GenDuration).Sample((c, t1, t2, d1, d2) =>
        {
            var (early, late) = t1 <= t2 ? (t1, t2) : (t2, t1);
            var (small, large) = d1 <= d2 ? (d1, d2) : (d2, d1);
            c.Calendar.Add(early, small).Should().BeLessThanOrEqualTo(c.Calendar.Add(late, small));
            c.Calendar.Add(early, small).Should().BeLessThanOrEqualTo(c.Calendar.Add(early, large));
        }, iter: Iterations);

    [Fact]
    public void Subtract_undoes_Add_back_to_the_first_open_instant() =>
        Gen.Select(GenUnboundedCase, GenInstant, GenDuration).Sample((c, t, d) =>
        {
            var back = c.Calendar.Subtract(c.Calendar.Add(t, d), d);
            if (d == Duration.Zero)
            {
                back.Should().Be(t);
            }
            else
            {
                // Equal to t when t is open; otherwise the next opening after t.
                back.Should().Be(c.Calendar.NextOpen(t));
            }
        }, iter: Iterations);

    [Fact]
    public void Add_on_a_calendar_open_only_on_exception_dates_throws_past_its_total_open_time() =>
        Gen.Select(GenBoundedCase, GenInstant, GenDuration).Sample((c, t, d) =>
        {
            var left = c.Model.OpenTimeBetween(t, WindowEnd);
            if (d > left)
            {
                var act = () => c.Calendar.Add(t, d);
                act.Should().Throw<CalendarRangeException>();
            }
            else
            {
                c.Calendar.OpenTimeBetween(t, c.Calendar.Add(t, d)).Should().Be(d);
            }
        }, iter: Iterations);

    [Fact]
    public void Subtract_reaches_exactly_the_duration_at_the_latest_instant() =>
        Gen.Select(GenUnboundedCase, GenInstant, GenDuration).Sample((c, t, d) =>
        {
            var u = c.Calendar.Subtract(t + Duration.FromDays(60), d);
            u.Should().BeLessThanOrEqualTo(t + Duration.FromDays(60));
            c.Calendar.OpenTimeBetween(u, t + Duration.FromDays(60)).Should().Be(d);
            if (d > Duration.Zero)
            {
                c.Calendar.IsOpen(u).Should().BeTrue("the open time must start running at the result");
            }
        }, iter: Iterations);

    [Fact]
    public void Business_days_match_the_brute_force_model() =>
        Gen.Select(GenCase, GenInstant, Gen.Int[0, 25]).Sample((c, t, n) =>
        {
            // A calendar open on a single exception date has fewer than n open dates: the documented answer is a
            // CalendarRangeException, and the model must agree that there is no N-th open date.
            Instant? Try(Func<Instant> f)
            {
                try
                {
                    return f();
                }
                catch (CalendarRangeException)
                {
                    return null;
                }
            }

            var forward = Try(() => c.Calendar.AddBusinessDays(t, n));
            var backward = Try(() => c.Calendar.SubtractBusinessDays(t, n));
            if (n == 0)
            {
                forward.Should().Be(t);
                backward.Should().Be(t);
                return;
            }

            var (expectedForward, expectedBackward) = c.Model.BusinessDays(t, n);
            if (forward is null)
            {
                expectedForward.Should().BeNull("the calendar threw: the model must find no N-th open date either");
            }

            if (backward is null)
            {
                expectedBackward.Should().BeNull("the calendar threw: the model must find no N-th open date either");
            }

            if (expectedForward is { } f && forward is not null)
            {
                forward.Should().Be(f);
                c.Calendar.IsOpen(forward.Value - Nanosecond).Should().BeTrue();
            }

            if (expectedBackward is { } b && backward is not null)
            {
                backward.Should().Be(b);
                c.Calendar.IsOpen(backward.Value).Should().BeTrue();
            }
        }, iter: Iterations);

    /// <summary>A random calendar with its brute-force model.</summary>
    public sealed class Case
    {
        private readonly string _description;

        private Case(BusinessCalendar calendar, string description)
        {
            Calendar = calendar;
            Model = new ReferenceModel(calendar);
            _description = description;
        }

        public BusinessCalendar Calendar { get; }

        public ReferenceModel Model { get; }

        public static Case Create(string zoneId, (int Start, int Length)[][] week, Holiday[] holidays, (int DayOfWindow, (int Start, int Length)[] Hours)[] exceptions)
        {
            var zone = DateTimeZoneProviders.Tzdb[zoneId];
            var weekly = new Dictionary<IsoDayOfWeek, IReadOnlyList<OpenHours>>();
            for (var i = 0; i < 7; i++)
            {
                weekly[(IsoDayOfWeek)(i + 1)] = NonOverlapping(week[i]);
            }

            var exceptionList = exceptions
                .Select(e => new CalendarException(new LocalDate(2026, 1, 1).PlusDays(e.DayOfWindow), [.. NonOverlapping(e.Hours)]))
                .DistinctBy(e => e.Date)
                .ToList();
            if (!BusinessCalendar.TryCreate("random", zone, weekly, holidays, exceptionList, out var calendar, out _))
            {
                weekly[IsoDayOfWeek.Wednesday] = [new OpenHours(new LocalTime(9, 0), new LocalTime(17, 0))];
                calendar = new BusinessCalendar("random", zone, weekly, holidays, exceptionList);
            }

            var description = $"{zoneId}; " + string.Join(", ", weekly.Where(w => w.Value.Count > 0).Select(w => $"{w.Key}: {string.Join(" ", w.Value)}"))
                + "; holidays: " + string.Join(", ", holidays.Select(h => h.ToString()))
                + "; exceptions: " + string.Join(", ", exceptionList.Select(e => $"{e.Date:uuuu-MM-dd} {string.Join(" ", e.Hours)}"));
            return new Case(calendar!, description);
        }

        public override string ToString() => _description;

        private static List<OpenHours> NonOverlapping((int Start, int Length)[] candidates)
        {
            var result = new List<OpenHours>();
            foreach (var (start, length) in candidates)
            {
                var hours = new OpenHours(LocalTime.FromMinutesSinceMidnight(start * 30), LocalTime.FromMinutesSinceMidnight((start + length) % 48 * 30));
                var s = start * 30;
                var e = s + length * 30;
                if (result.All(r => e <= r.Start.Hour * 60 + r.Start.Minute
                    || s >= r.Start.Hour * 60 + r.Start.Minute + (int)r.LocalLength.TotalMinutes))
                {
                    result.Add(hours);
                }
            }

            return result;
        }
    }

    /// <summary>
    /// Every interval of every date from June 2025 to early 2028, resolved and merged the slow way. The window starts
    /// seven months before the instants the tests draw (from 2026), so that the N-th open date before one (N up to 12)
    /// is inside it even for a calendar open one weekday a week with holidays on that weekday.
    /// </summary>
    public sealed class ReferenceModel
    {
        private readonly BusinessCalendar _calendar;
        private readonly List<(Instant Start, Instant End)> _merged = [];
        private readonly SortedDictionary<LocalDate, List<(Instant Start, Instant End)>> _byDate = [];

        public ReferenceModel(BusinessCalendar calendar)
        {
            _calendar = calendar;
            var all = new List<(Instant Start, Instant End)>();
            for (var date = new LocalDate(2025, 6, 1); date < new LocalDate(2028, 2, 1); date = date.PlusDays(1))
            {
                var intervals = new List<(Instant Start, Instant End)>();
                foreach (var h in HoursOf(date).OrderBy(h => h.Start))
                {
                    var start = calendar.Zone.AtLeniently(date + h.Start).ToInstant();
                    var end = calendar.Zone.AtLeniently((h.End <= h.Start ? date.PlusDays(1) : date) + h.End).ToInstant();
                    if (end > start)
                    {
                        intervals.Add((start, end));
                    }
                }

                _byDate[date] = intervals;
                all.AddRange(intervals);
            }

            foreach (var (s, e) in all.OrderBy(i => i.Start))
            {
                if (_merged.Count > 0 && s <= _merged[^1].End)
                {
                    _merged[^1] = (_merged[^1].Start, e > _merged[^1].End ? e : _merged[^1].End);
                }
                else
                {
                    _merged.Add((s, e));
                }
            }
        }

        public Duration OpenTimeBetween(Instant a, Instant b)
        {
            var total = Duration.Zero;
            foreach (var (s, e) in _merged)
            {
                var from = s > a ? s : a;
                var to = e < b ? e : b;
                if (to > from)
                {
                    total += to - from;
                }
            }

            return total;
        }

        public bool IsOpen(Instant t) => _merged.Any(i => i.Start <= t && t < i.End);

        public Instant NextOpen(Instant t)
        {
            var (s, _) = _merged.First(i => i.End > t);
            return s > t ? s : t;
        }

        public IEnumerable<Interval> OpenIntervals(Instant a, Instant b) =>
            _merged.Where(i => i.End > a && i.Start < b).Select(i => new Interval(i.Start > a ? i.Start : a, i.End < b ? i.End : b));

        public IEnumerable<Instant> BoundariesNear(Instant t) =>
            _merged.Where(i => i.End > t - Duration.FromDays(3) && i.Start < t + Duration.FromDays(3))
                .SelectMany(i => new[] { i.Start, i.End, i.Start - Nanosecond, i.End - Nanosecond });

        public (Instant? Forward, Instant? Backward) BusinessDays(Instant t, int n)
        {
            var d0 = t.InZone(_calendar.Zone).Date;
            var after = _byDate.Where(p => p.Key > d0 && p.Value.Count > 0).Select(p => p.Value).Skip(n - 1).FirstOrDefault();
            var before = _byDate.Where(p => p.Key < d0 && p.Value.Count > 0).Select(p => p.Value).Reverse().Skip(n - 1).FirstOrDefault();
            return (after?[^1].End, before?[0].Start);
        }

        private ImmutableArray<OpenHours> HoursOf(LocalDate date)
        {
            var exception = _calendar.Exceptions.FirstOrDefault(e => e.Date == date);
            if (exception is not null)
            {
                return exception.Hours;
            }

            return _calendar.Holidays.Any(h => h.FallsOn(date)) ? [] : [.. _calendar.WeeklyHours[date.DayOfWeek]];
        }
    }
}
