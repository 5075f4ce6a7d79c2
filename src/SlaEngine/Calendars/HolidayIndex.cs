using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// The dates a calendar closes for its holidays, actual and observed, resolved a year at a time and cached (a small
/// direct-mapped cache of immutable years, published with <see cref="Volatile"/> writes, as the open-time blocks are).
/// Observed dates depend on every holiday of the calendar (the next-weekday rule skips the others' dates), so a year
/// is resolved from the holidays of the two years before it to the year after it, in the order of their actual dates.
/// </summary>
internal sealed class HolidayIndex
{
    private const int CacheSize = 16; // a power of two: slots are year & (CacheSize - 1)

    private readonly ImmutableArray<Holiday> _holidays;
    private readonly HolidayYear?[] _cache = new HolidayYear?[CacheSize];

    public HolidayIndex(ImmutableArray<Holiday> holidays)
    {
        _holidays = holidays;
        IsEmpty = holidays.IsEmpty;
        // Each holiday closes at most two dates a year (its actual and its observed date); dated ones only in their year.
        var recurring = holidays.Where(h => h is not FixedDateHoliday).ToList();
        var busiestYear = holidays.OfType<FixedDateHoliday>().GroupBy(h => h.Date.Year).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        MaxDatesPerYear = 2 * (recurring.Count + busiestYear + 1);
    }

    /// <summary>Whether the calendar has no holiday at all.</summary>
    public bool IsEmpty { get; }

    /// <summary>An upper bound of the dates closed in one year.</summary>
    public int MaxDatesPerYear { get; }

    /// <summary>Tells whether a date (ISO) is closed for a holiday, actual or observed.</summary>
    public bool IsClosed(LocalDate date) => !IsEmpty && Year(date.Year).IsClosed(date);

    /// <summary>The holiday dates (actual and observed) of a date, in the calendar's order; usually empty.</summary>
    public IEnumerable<HolidayDate> On(LocalDate date) => IsEmpty ? [] : Year(date.Year).Dates.Where(d => d.Date == date);

    /// <summary>The holiday dates (actual and observed) of a year, sorted by date, actual before observed.</summary>
    public ImmutableArray<HolidayDate> In(int year) => IsEmpty ? [] : Year(year).Dates;

    private HolidayYear Year(int year)
    {
        ref var slot = ref _cache[year & (CacheSize - 1)];
        var cached = Volatile.Read(ref slot);
        if (cached is not null && cached.Year == year)
        {
            return cached;
        }

        // Two threads may resolve the same year at once; both results are equal, and the last write wins.
        cached = Resolve(year);
        Volatile.Write(ref slot, cached);
        return cached;
    }

    private HolidayYear Resolve(int year)
    {
        // Actual dates keyed by the years around: an Easter-relative holiday can fall up to 100 days from its year's
        // Easter Sunday, an observed date a few days from its actual date, across the new year.
        var byDate = new SortedDictionary<LocalDate, List<Holiday>>();
        for (var key = year - 2; key <= year + 1; key++)
        {
            foreach (var holiday in _holidays)
            {
                if (holiday.OccurrenceIn(key) is { } date)
                {
                    if (!byDate.TryGetValue(date, out var list))
                    {
                        byDate[date] = list = [];
                    }

                    if (!list.Contains(holiday))
                    {
                        list.Add(holiday);
                    }
                }
            }
        }

        var dates = new List<HolidayDate>();
        var taken = new HashSet<LocalDate>();
        foreach (var (actual, entries) in byDate)
        {
            var holidays = entries.ToImmutableArray();
            if (actual.Year == year)
            {
                dates.Add(new HolidayDate(actual, actual, holidays));
            }

            if (Observed(actual, Observance(entries), byDate, taken) is { } observed)
            {
                taken.Add(observed);
                if (observed.Year == year)
                {
                    dates.Add(new HolidayDate(observed, actual, holidays));
                }
            }
        }

        // Sorted by date; on one date, the actual holiday first, then observed ones by their actual dates.
        var sorted = dates.OrderBy(d => d.Date).ThenBy(d => d.IsObserved).ThenBy(d => d.ActualDate).ToImmutableArray();
        return new HolidayYear(year, sorted);
    }

    /// <summary>Entries on one date are one holiday: it is observed by the first rule one of them gives.</summary>
    private static HolidayObservance Observance(List<Holiday> entries)
    {
        foreach (var holiday in entries)
        {
            if (holiday.Observance != HolidayObservance.None && holiday is not EasterHoliday)
            {
                return holiday.Observance;
            }
        }

        return HolidayObservance.None;
    }

    private static LocalDate? Observed(LocalDate actual, HolidayObservance observance, SortedDictionary<LocalDate, List<Holiday>> actualDates, HashSet<LocalDate> taken)
    {
        if (observance == HolidayObservance.None || actual.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
        {
            return null;
        }

        if (actual < BusinessCalendar.MinSupportedDate || actual > BusinessCalendar.MaxSupportedDate)
        {
            return null; // beyond the dates intervals can start on: nothing to close, and no date arithmetic to risk
        }

        if (observance == HolidayObservance.NearestWeekday)
        {
            return actual.PlusDays(actual.DayOfWeek == IsoDayOfWeek.Saturday ? -1 : 1);
        }

        var date = actual;
        do
        {
            date = date.PlusDays(1);
        }
        while (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday || actualDates.ContainsKey(date) || taken.Contains(date));

        return date;
    }

    /// <summary>One year's closed dates: a bit per day of the year, and the dates with their holidays.</summary>
    private sealed class HolidayYear
    {
        private readonly ulong[] _closed = new ulong[6]; // bit (dayOfYear - 1)

        public HolidayYear(int year, ImmutableArray<HolidayDate> dates)
        {
            Year = year;
            Dates = dates;
            foreach (var d in dates)
            {
                var bit = d.Date.DayOfYear - 1;
                _closed[bit >> 6] |= 1UL << (bit & 63);
            }
        }

        public int Year { get; }

        public ImmutableArray<HolidayDate> Dates { get; }

        public bool IsClosed(LocalDate date)
        {
            var bit = date.DayOfYear - 1;
            return (_closed[bit >> 6] & (1UL << (bit & 63))) != 0;
        }
    }
}
