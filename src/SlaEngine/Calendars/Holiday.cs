using System;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// A day on which a <see cref="BusinessCalendar"/> opens no interval: no opening hours start on it, although a night
/// shift that started the evening before still runs to its end. Holidays are plain immutable data; the kinds are
/// <see cref="FixedDateHoliday"/>, <see cref="YearlyHoliday"/>, <see cref="NthWeekdayHoliday"/>,
/// <see cref="WeekdayOnOrAfterHoliday"/> and <see cref="EasterHoliday"/>.
/// </summary>
/// <remarks>
/// Every kind has at most one <b>actual date</b> per year (<see cref="OccurrenceIn"/>). <see cref="FromYear"/> and
/// <see cref="UntilYear"/> limit the years it is kept, inclusive, by the year of the actual date (for an Easter-relative
/// holiday, by the year of Easter Sunday). <see cref="Observance"/> asks the calendar to close one more weekday when
/// the actual date is a Saturday or a Sunday; observed dates depend on the calendar's other holidays, so they are a
/// property of the calendar (<see cref="BusinessCalendar.HolidayDates"/>), not of the holiday.
/// </remarks>
/// <param name="Name">The display name, for example <c>Thanksgiving</c>, or <see langword="null"/>.</param>
public abstract record Holiday(string? Name)
{
    /// <summary>Gets the first year the holiday is kept, inclusive, or <see langword="null"/> for no limit.</summary>
    public int? FromYear { get; init; }

    /// <summary>Gets the last year the holiday is kept, inclusive, or <see langword="null"/> for no limit.</summary>
    public int? UntilYear { get; init; }

    /// <summary>
    /// Gets the rule that closes a weekday when the holiday falls on a weekend (<see cref="HolidayObservance.None"/>
    /// by default). An <see cref="EasterHoliday"/> never moves: a calendar refuses one with another observance.
    /// </summary>
    public HolidayObservance Observance { get; init; }

    /// <summary>
    /// Returns the holiday's actual date of a year: the date it falls on in that year (for an
    /// <see cref="EasterHoliday"/>, counted from the Easter Sunday of that year, so it can lie in the year before or
    /// after), or <see langword="null"/> when it has none that year (a fixed date of another year, a February 29 in a
    /// common year, a fifth Monday the month lacks, a year outside <see cref="FromYear"/>..<see cref="UntilYear"/>).
    /// </summary>
    /// <param name="year">The year, in the ISO calendar.</param>
    /// <returns>The actual date, in the ISO calendar, or <see langword="null"/>.</returns>
    public LocalDate? OccurrenceIn(int year)
    {
        if (year < MinYear || year > MaxYear || ScheduledIn(year) is not { } date)
        {
            return null;
        }

        var rangeYear = CountsYearsByRule ? year : date.Year;
        return rangeYear < (FromYear ?? int.MinValue) || rangeYear > (UntilYear ?? int.MaxValue) ? null : date;
    }

    /// <summary>Tells whether an actual date of the holiday falls on a local date (observed dates are not counted).</summary>
    /// <param name="date">The local date, in any calendar system (it is compared in the ISO calendar).</param>
    /// <returns><see langword="true"/> when the date is an actual date of this holiday.</returns>
    public bool FallsOn(LocalDate date)
    {
        var iso = date.WithCalendar(CalendarSystem.Iso);
        for (var year = iso.Year - YearsAround; year <= iso.Year + YearsAround; year++)
        {
            if (OccurrenceIn(year) == iso)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first year whose occurrence is computed: dates stay inside NodaTime's range.</summary>
    internal const int MinYear = -9997;

    /// <summary>The last year whose occurrence is computed.</summary>
    internal const int MaxYear = 9998;

    /// <summary>How many years either side of a date's year an occurrence of that date can be keyed by.</summary>
    internal virtual int YearsAround => 0;

    /// <summary>Whether from/until compare the year the occurrence is computed for, rather than its date's year.</summary>
    private protected virtual bool CountsYearsByRule => false;

    /// <summary>The actual date of a year before from/until, in the ISO calendar, or null.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The date, or null.</returns>
    private protected abstract LocalDate? ScheduledIn(int year);

    /// <summary>Checks a month argument of a derived type.</summary>
    private protected static int CheckMonth(int month, string parameter) => month is >= 1 and <= 12
        ? month
        : throw new ArgumentOutOfRangeException(parameter, month, "A holiday's month must be between 1 and 12.");

    /// <summary>Checks a weekday argument of a derived type.</summary>
    private protected static IsoDayOfWeek CheckWeekday(IsoDayOfWeek day, string parameter) => day is >= IsoDayOfWeek.Monday and <= IsoDayOfWeek.Sunday
        ? day
        : throw new ArgumentOutOfRangeException(parameter, day, "A holiday's weekday must be Monday to Sunday.");
}
