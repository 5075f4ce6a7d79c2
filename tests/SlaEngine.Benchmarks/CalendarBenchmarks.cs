using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaEngine.Calendars;

namespace SlaEngine.Benchmarks;

/// <summary>
/// Business calendar operations on New York calendars: mon-fri 08:00-18:00 without holidays, and it-hours of the
/// reference policy (Thanksgiving, Christmas, New Year, a Christmas Eve exception), and a calendar of rule-based
/// holidays (the bank holidays of England and Wales with Easter and substitute days, the US federal holidays observed
/// on the nearest weekday). The caches are warm, as they are in a running service; the <c>Cold_</c> benchmarks build a
/// new calendar and add a year of open time on it, so they include every block and holiday year resolved on the way.
/// </summary>
[MemoryDiagnoser]
public class CalendarBenchmarks
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 24, 15, 0); // Tuesday 10:00 EST

    private BusinessCalendar _plain = null!;
    private BusinessCalendar _withHolidays = null!;
    private BusinessCalendar _ruleBased = null!;
    private Dictionary<IsoDayOfWeek, IReadOnlyList<OpenHours>> _week = null!;
    private Holiday[] _fixedHolidays = null!;
    private Holiday[] _ruleHolidays = null!;

    [GlobalSetup]
    public void Setup()
    {
        var week = new Dictionary<IsoDayOfWeek, IReadOnlyList<OpenHours>>();
        foreach (var day in new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday })
        {
            week[day] = [new OpenHours(new LocalTime(8, 0), new LocalTime(18, 0))];
        }

        _week = week;
        _plain = new BusinessCalendar("plain", NewYork, week);
        _fixedHolidays = [new NthWeekdayHoliday(11, IsoDayOfWeek.Thursday, 4), new YearlyHoliday(12, 25), new YearlyHoliday(1, 1)];
        _ruleHolidays =
        [
            new YearlyHoliday(1, 1) { Observance = HolidayObservance.NextWeekday },
            new EasterHoliday(-2),
            new EasterHoliday(1),
            new NthWeekdayHoliday(5, IsoDayOfWeek.Monday, 1),
            new NthWeekdayHoliday(5, IsoDayOfWeek.Monday, -1),
            new NthWeekdayHoliday(8, IsoDayOfWeek.Monday, -1),
            new YearlyHoliday(12, 25) { Observance = HolidayObservance.NextWeekday },
            new YearlyHoliday(12, 26) { Observance = HolidayObservance.NextWeekday },
            new YearlyHoliday(6, 19) { FromYear = 2021, Observance = HolidayObservance.NearestWeekday },
            new YearlyHoliday(7, 4) { Observance = HolidayObservance.NearestWeekday },
            new YearlyHoliday(11, 11) { Observance = HolidayObservance.NearestWeekday },
            new WeekdayOnOrAfterHoliday(5, IsoDayOfWeek.Monday, 18),
            new EasterHoliday(50, EasterChurch.Orthodox),
        ];
        _ruleBased = new BusinessCalendar("rule-based", NewYork, week, _ruleHolidays);
        _withHolidays = new BusinessCalendar(
            "it-hours",
            NewYork,
            week,
            [new NthWeekdayHoliday(11, IsoDayOfWeek.Thursday, 4), new YearlyHoliday(12, 25), new YearlyHoliday(1, 1)],
            [new CalendarException(new LocalDate(2026, 12, 24), [new OpenHours(new LocalTime(8, 0), new LocalTime(12, 0))])]);

        // Warm the caches over the spans the benchmarks touch.
        foreach (var calendar in new[] { _plain, _withHolidays, _ruleBased })
        {
            calendar.Add(Start, Duration.FromHours(10_000));
            calendar.OpenTimeBetween(Start, Start + Duration.FromDays(366));
        }
    }

    [Benchmark]
    public Instant Add_10h() => _plain.Add(Start, Duration.FromHours(10));

    [Benchmark]
    public Instant Add_40h() => _plain.Add(Start, Duration.FromHours(40));

    [Benchmark]
    public Instant Add_10000h() => _plain.Add(Start, Duration.FromHours(10_000));

    [Benchmark(Baseline = true)]
    public Instant Add_10h_with_holidays() => _withHolidays.Add(Start, Duration.FromHours(10));

    [Benchmark]
    public Instant Add_40h_with_holidays() => _withHolidays.Add(Start, Duration.FromHours(40));

    [Benchmark]
    public Instant Add_10000h_with_holidays() => _withHolidays.Add(Start, Duration.FromHours(10_000));

    [Benchmark]
    public Instant Add_10h_rule_based_holidays() => _ruleBased.Add(Start, Duration.FromHours(10));

    [Benchmark]
    public Instant Add_10000h_rule_based_holidays() => _ruleBased.Add(Start, Duration.FromHours(10_000));

    [Benchmark]
    public Instant Cold_add_a_year_fixed_holidays() =>
        new BusinessCalendar("cold", NewYork, _week, _fixedHolidays).Add(Start, Duration.FromHours(2_600));

    [Benchmark]
    public Instant Cold_add_a_year_rule_based_holidays() =>
        new BusinessCalendar("cold", NewYork, _week, _ruleHolidays).Add(Start, Duration.FromHours(2_600));

    [Benchmark]
    public Duration OpenTimeBetween_week() => _withHolidays.OpenTimeBetween(Start, Start + Duration.FromDays(7));

    [Benchmark]
    public Duration OpenTimeBetween_year() => _withHolidays.OpenTimeBetween(Start, Start + Duration.FromDays(365));

    [Benchmark]
    public Instant AddBusinessDays_20() => _withHolidays.AddBusinessDays(Start, 20);
}
