// TEMPORARY: the agreed contract of the calendars branch, so evaluation compiles before the merge. Deleted at merge.
#pragma warning disable CS1591, CA1822, CA1032, CA1065
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Calendars;

public readonly record struct OpenHours(LocalTime Start, LocalTime End);
public abstract record Holiday(string? Name) { public abstract bool FallsOn(LocalDate date); }
public sealed record FixedDateHoliday(LocalDate Date, string? Name = null) : Holiday(Name) { public override bool FallsOn(LocalDate date) => date == Date; }
public sealed record YearlyHoliday(int Month, int Day, string? Name = null) : Holiday(Name) { public override bool FallsOn(LocalDate date) => date.Month == Month && date.Day == Day; }
public sealed record NthWeekdayHoliday(int Month, IsoDayOfWeek DayOfWeek, int Occurrence, string? Name = null) : Holiday(Name) { public override bool FallsOn(LocalDate date) => false; }
public sealed record CalendarException(LocalDate Date, ImmutableArray<OpenHours> Hours);
public sealed class CalendarRangeException : InvalidOperationException { public CalendarRangeException(string m) : base(m) { } }
public sealed class BusinessCalendar
{
    public BusinessCalendar(string id, DateTimeZone zone, IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpenHours>> weeklyHours, IEnumerable<Holiday>? holidays = null, IEnumerable<CalendarException>? exceptions = null) { Id = id; Zone = zone; }
    public static bool TryCreate(string id, DateTimeZone zone, IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpenHours>> weeklyHours, IEnumerable<Holiday>? holidays, IEnumerable<CalendarException>? exceptions, out BusinessCalendar? calendar, out string? error) { calendar = new BusinessCalendar(id, zone, weeklyHours, holidays, exceptions); error = null; return true; }
    public static BusinessCalendar AlwaysOpen { get; } = new("24x7", DateTimeZone.Utc, new Dictionary<IsoDayOfWeek, IReadOnlyList<OpenHours>>());
    public string Id { get; }
    public DateTimeZone Zone { get; }
    public bool IsOpen(Instant t) => true;
    public Instant NextOpen(Instant t) => t;
    public Instant Add(Instant t, Duration d) => t + d;
    public Instant Subtract(Instant t, Duration d) => t - d;
    public Duration OpenTimeBetween(Instant a, Instant b) => b > a ? b - a : Duration.Zero;
    public Instant AddBusinessDays(Instant t, int days) => t + Duration.FromDays(days);
    public Instant SubtractBusinessDays(Instant t, int days) => t - Duration.FromDays(days);
    public IEnumerable<Interval> OpenIntervals(Instant from, Instant to) { yield return new Interval(from, to); }
    public bool IsOpenDate(LocalDate date) => true;
    public IEnumerable<(LocalDate Date, string? Name)> HolidaysBetween(LocalDate start, LocalDate endInclusive) { yield break; }
}
