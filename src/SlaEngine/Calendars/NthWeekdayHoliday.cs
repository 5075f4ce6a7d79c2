using System;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// A holiday on the N-th given weekday of a month every year (<c>yearly: "11/thu#4"</c> is the fourth Thursday of
/// November, US Thanksgiving; <c>"05/mon#-1"</c> is the last Monday of May). An occurrence of 5 in a month that has
/// only four such weekdays that year gives no holiday that year.
/// </summary>
/// <param name="Month">The month, 1 to 12.</param>
/// <param name="DayOfWeek">The weekday.</param>
/// <param name="Occurrence">1 to 5 for the first to fifth such weekday, or -1 for the last.</param>
/// <param name="Name">The display name, or <see langword="null"/>.</param>
public sealed record NthWeekdayHoliday(int Month, IsoDayOfWeek DayOfWeek, int Occurrence, string? Name = null) : Holiday(Name)
{
    /// <summary>Gets the month, 1 to 12.</summary>
    public int Month { get; init; } = CheckMonth(Month, nameof(Month));

    /// <summary>Gets the weekday.</summary>
    public IsoDayOfWeek DayOfWeek { get; init; } = CheckWeekday(DayOfWeek, nameof(DayOfWeek));

    /// <summary>Gets the occurrence: 1 to 5, or -1 for the last.</summary>
    public int Occurrence { get; init; } = Occurrence is (>= 1 and <= 5) or (-1)
        ? Occurrence
        : throw new ArgumentOutOfRangeException(nameof(Occurrence), Occurrence, "A holiday's occurrence must be 1 to 5, or -1 for the last.");

    private protected override LocalDate? ScheduledIn(int year)
    {
        var daysInMonth = CalendarSystem.Iso.GetDaysInMonth(year, Month);
        if (Occurrence == -1)
        {
            var last = new LocalDate(year, Month, daysInMonth);
            return last.PlusDays(-(((int)last.DayOfWeek - (int)DayOfWeek + 7) % 7));
        }

        var first = new LocalDate(year, Month, 1);
        var day = 1 + (((int)DayOfWeek - (int)first.DayOfWeek + 7) % 7) + (7 * (Occurrence - 1));
        return day <= daysInMonth ? new LocalDate(year, Month, day) : null;
    }
}
