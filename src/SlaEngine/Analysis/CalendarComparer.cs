using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;

namespace SlaEngine.Analysis;

/// <summary>
/// Compares the calendars both versions declare, local date by local date over a horizon, on the compiled calendars
/// (<see cref="BusinessCalendar.OpenIntervals"/>: whatever holiday rules they were built from), and names the change
/// behind each date that differs: a holiday added or removed, an exception, the weekday's hours, the zone.
/// </summary>
internal static class CalendarComparer
{
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public static (ImmutableArray<CalendarDifference> Dates, List<DefinitionChange> Changes) Compare(Policy oldPolicy, Policy newPolicy, LocalDate from, LocalDate until)
    {
        var differences = ImmutableArray.CreateBuilder<CalendarDifference>();
        var changes = new List<DefinitionChange>();
        foreach (var old in oldPolicy.Calendars)
        {
            if (newPolicy.Calendars.FirstOrDefault(c => c.Id == old.Id) is not { } @new)
            {
                changes.Add(new DefinitionChange(DefinitionSection.Calendar, old.Id, "removed"));
                continue;
            }

            var groups = new Dictionary<(string Old, string New, string Cause), List<LocalDate>>();
            var order = new List<(string, string, string)>();
            var oldOpen = new OpenTime(old, from, until);
            var newOpen = new OpenTime(@new, from, until);
            if (!oldOpen.SameAs(newOpen))
            {
                for (var date = from; date < until; date = date.PlusDays(1))
                {
                    var a = oldOpen.Day(date);
                    var b = newOpen.Day(date);
                    if (a.Intervals.SequenceEqual(b.Intervals))
                    {
                        continue;
                    }

                    var key = (Text(old, a), Text(@new, b), Cause(old, @new, date));
                    if (!groups.TryGetValue(key, out var dates))
                    {
                        groups[key] = dates = [];
                        order.Add(key);
                    }

                    dates.Add(date);
                }
            }

            foreach (var key in order)
            {
                differences.Add(new CalendarDifference(old.Id, [.. groups[key]], key.Item1, key.Item2, key.Item3));
            }
        }

        foreach (var added in newPolicy.Calendars.Where(c => oldPolicy.Calendars.All(o => o.Id != c.Id)))
        {
            changes.Add(new DefinitionChange(DefinitionSection.Calendar, added.Id, "added"));
        }

        return (differences.ToImmutable(), changes);
    }

    /// <summary>The local text of a day's open intervals: <c>closed</c>, or <c>HH:mm-HH:mm</c> each (<c>24:00</c> for the day's end).</summary>
    private static string Text(BusinessCalendar calendar, (Interval[] Intervals, Instant End) day)
    {
        if (day.Intervals.Length == 0)
        {
            return "closed";
        }

        return string.Join(", ", day.Intervals.Select(i =>
            Time.Format(i.Start.InZone(calendar.Zone).TimeOfDay) + "-" + (i.End == day.End ? "24:00" : Time.Format(i.End.InZone(calendar.Zone).TimeOfDay))));
    }

    private static string Cause(BusinessCalendar old, BusinessCalendar @new, LocalDate date)
    {
        var causes = new List<string>();
        if (old.Zone.Id != @new.Zone.Id)
        {
            causes.Add($"zone {old.Zone.Id} → {@new.Zone.Id}");
        }

        var oldException = old.Exceptions.FirstOrDefault(x => x.Date == date);
        var newException = @new.Exceptions.FirstOrDefault(x => x.Date == date);
        if (oldException is null != newException is null || (oldException is not null && !oldException.Hours.SequenceEqual(newException!.Hours)))
        {
            causes.Add(oldException is null ? "exception added" : newException is null ? "exception removed" : "exception changed");
        }

        var oldHolidays = old.HolidaysBetween(date, date).Select(h => h.Name ?? "unnamed").ToList();
        var newHolidays = @new.HolidaysBetween(date, date).Select(h => h.Name ?? "unnamed").ToList();
        if (oldHolidays.Count == 0 && newHolidays.Count > 0)
        {
            causes.Add($"holiday '{string.Join("', '", newHolidays)}' added");
        }
        else if (oldHolidays.Count > 0 && newHolidays.Count == 0)
        {
            causes.Add($"holiday '{string.Join("', '", oldHolidays)}' removed");
        }

        if (!Hours(old, date.DayOfWeek).SequenceEqual(Hours(@new, date.DayOfWeek)))
        {
            causes.Add($"weekly hours of {date.DayOfWeek.ToString()[..3].ToLowerInvariant()} changed");
        }
        else if (!Hours(old, date.PlusDays(-1).DayOfWeek).SequenceEqual(Hours(@new, date.PlusDays(-1).DayOfWeek)))
        {
            causes.Add("the previous day's overnight hours changed");
        }

        return causes.Count == 0 ? "open hours changed" : string.Join("; ", causes);
    }

    private static IEnumerable<OpenHours> Hours(BusinessCalendar calendar, IsoDayOfWeek day) =>
        calendar.WeeklyHours.TryGetValue(day, out var hours) ? hours : [];

    /// <summary>
    /// A calendar's open intervals over the whole horizon, read once, and cut into local dates (in the calendar's
    /// zone) in date order. <see cref="BusinessCalendar.OpenIntervals"/> merges touching intervals and clips them to
    /// the span asked, so the intervals of one day cut from the horizon's are those the calendar gives for that day.
    /// </summary>
    private sealed class OpenTime
    {
        private readonly BusinessCalendar _calendar;
        private readonly Interval[] _intervals;
        private int _next;

        public OpenTime(BusinessCalendar calendar, LocalDate from, LocalDate until)
        {
            _calendar = calendar;
            _intervals = from < until
                ? [.. calendar.OpenIntervals(from.AtStartOfDayInZone(calendar.Zone).ToInstant(), until.AtStartOfDayInZone(calendar.Zone).ToInstant())]
                : [];
        }

        /// <summary>Whether every date of the horizon has the same open intervals in both: same zone, same open time.</summary>
        public bool SameAs(OpenTime other) =>
            ReferenceEquals(_calendar.Zone, other._calendar.Zone) && _intervals.AsSpan().SequenceEqual(other._intervals);

        /// <summary>The open intervals that meet a local date, and the day's end; dates must come in increasing order.</summary>
        public (Interval[] Intervals, Instant End) Day(LocalDate date)
        {
            var start = date.AtStartOfDayInZone(_calendar.Zone).ToInstant();
            var end = date.PlusDays(1).AtStartOfDayInZone(_calendar.Zone).ToInstant();
            while (_next < _intervals.Length && _intervals[_next].End <= start)
            {
                _next++;
            }

            var day = new List<Interval>();
            for (var i = _next; i < _intervals.Length && _intervals[i].Start < end; i++)
            {
                var interval = _intervals[i];
                day.Add(new Interval(interval.Start < start ? start : interval.Start, interval.End > end ? end : interval.End));
            }

            return ([.. day], end);
        }
    }
}
