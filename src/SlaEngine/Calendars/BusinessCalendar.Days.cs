using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace SlaEngine.Calendars;

/// <content>What the calendar does on each local date, and why: holidays (actual and observed) and day descriptions.</content>
public sealed partial class BusinessCalendar
{
    /// <summary>
    /// Lists the holidays' actual dates in a range of dates, in date order (for example to warn that a calendar has no
    /// holiday in the next 12 months). Observed dates and exceptions are not listed (see <see cref="HolidayDates"/>).
    /// A date matched by two holidays is listed once per holiday.
    /// </summary>
    /// <param name="start">The first date.</param>
    /// <param name="endInclusive">The last date.</param>
    /// <returns>The dates and names of the holidays.</returns>
    public IEnumerable<(LocalDate Date, string? Name)> HolidaysBetween(LocalDate start, LocalDate endInclusive) =>
        HolidayDates(start, endInclusive).Where(d => !d.IsObserved).SelectMany(d => d.Holidays.Select(h => (d.Date, h.Name)));

    /// <summary>
    /// Lists the dates the holidays close in a range of dates, actual and observed, in date order (on one date, the
    /// actual holiday before observed ones). Entries that fall on one actual date are one <see cref="HolidayDate"/>.
    /// An exception on a date still wins over its holiday for the open time; such a date is listed all the same.
    /// </summary>
    /// <param name="start">The first date.</param>
    /// <param name="endInclusive">The last date (inclusive).</param>
    /// <returns>The closed dates with their holidays; empty when <paramref name="endInclusive"/> is before <paramref name="start"/>.</returns>
    public IEnumerable<HolidayDate> HolidayDates(LocalDate start, LocalDate endInclusive)
    {
        var first = start.WithCalendar(CalendarSystem.Iso);
        var last = endInclusive.WithCalendar(CalendarSystem.Iso);
        return last < first || Holidays.IsEmpty ? [] : Enumerate(first, last);

        IEnumerable<HolidayDate> Enumerate(LocalDate first, LocalDate last)
        {
            for (var year = first.Year; year <= last.Year; year++)
            {
                foreach (var date in _index.Holidays.In(year))
                {
                    if (date.Date >= first && date.Date <= last)
                    {
                        yield return date;
                    }
                }
            }
        }
    }

    /// <summary>
    /// Describes a local date: the intervals that start on it, in local time and as instants, and why (the weekly
    /// hours of its weekday, an exception, a holiday or an observed holiday, with their names). This is how a manager
    /// checks a calendar (<c>slaengine calendar show</c>).
    /// </summary>
    /// <param name="date">The local date (any calendar system; it is described in the ISO calendar).</param>
    /// <returns>The description.</returns>
    public CalendarDay Describe(LocalDate date)
    {
        var iso = date.WithCalendar(CalendarSystem.Iso);
        var holidays = Holidays.IsEmpty ? [] : _index.Holidays.On(iso).ToImmutableArray();
        CalendarDayKind kind;
        ImmutableArray<OpenHours> hours;
        if (_index.TryGetException(iso, out var exception))
        {
            kind = CalendarDayKind.Exception;
            hours = exception;
        }
        else if (!holidays.IsEmpty)
        {
            kind = holidays.Any(h => !h.IsObserved) ? CalendarDayKind.Holiday : CalendarDayKind.ObservedHoliday;
            hours = [];
        }
        else
        {
            kind = CalendarDayKind.WeeklyHours;
            hours = _index.Weekly(iso.DayOfWeek);
        }

        var intervals = iso < MinSupportedDate || iso > MaxSupportedDate ? [] : _index.ResolvedIntervals(iso, hours).ToImmutableArray();
        return new CalendarDay(iso, kind, hours, intervals, holidays);
    }

    /// <summary>Describes consecutive local dates (see <see cref="Describe(LocalDate)"/>).</summary>
    /// <param name="start">The first date.</param>
    /// <param name="days">How many dates, at least 1.</param>
    /// <returns>The descriptions, one per date, in order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is less than 1, or the dates run past the supported range.</exception>
    public IReadOnlyList<CalendarDay> Describe(LocalDate start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        var first = start.WithCalendar(CalendarSystem.Iso);
        if (first < MinSupportedDate || first.PlusDays(days - 1) > MaxSupportedDate)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"The dates must lie within {CalendarText.Date(MinSupportedDate)} to {CalendarText.Date(MaxSupportedDate)}.");
        }

        var result = new CalendarDay[days];
        for (var i = 0; i < days; i++)
        {
            result[i] = Describe(first.PlusDays(i));
        }

        return result;
    }
}
