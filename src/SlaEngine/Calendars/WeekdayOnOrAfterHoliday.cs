using System;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// A holiday on the first given weekday on or after a day of a month, every year (<c>yearly: "05/mon>=18"</c> is
/// Canada's Victoria Day, the Monday from 18 to 24 May). The date can run into the next month (<c>"10/sat>=31"</c>
/// is Finland's All Saints' Day, from 31 October to 6 November); a day 29 to 31 that the month lacks in some year
/// counts on into the next month that year (<c>"02/mon>=29"</c> in a common year starts from 1 March).
/// </summary>
/// <param name="Month">The month, 1 to 12.</param>
/// <param name="DayOfWeek">The weekday.</param>
/// <param name="Day">The first day of the month the holiday can fall on, valid in at least one year.</param>
/// <param name="Name">The display name, or <see langword="null"/>.</param>
public sealed record WeekdayOnOrAfterHoliday(int Month, IsoDayOfWeek DayOfWeek, int Day, string? Name = null) : Holiday(Name)
{
    /// <summary>Gets the month, 1 to 12.</summary>
    public int Month { get; init; } = CheckMonth(Month, nameof(Month));

    /// <summary>Gets the weekday.</summary>
    public IsoDayOfWeek DayOfWeek { get; init; } = CheckWeekday(DayOfWeek, nameof(DayOfWeek));

    /// <summary>Gets the first day of the month the holiday can fall on.</summary>
    public int Day { get; init; } = Day >= 1 && Day <= (Month is >= 1 and <= 12 ? CalendarSystem.Iso.GetDaysInMonth(2000, Month) : 31)
        ? Day
        : throw new ArgumentOutOfRangeException(nameof(Day), Day, $"A holiday's day must be a day of month {Month}.");

    /// <inheritdoc/>
    internal override int YearsAround => 1;

    private protected override LocalDate? ScheduledIn(int year)
    {
        var start = new LocalDate(year, Month, 1).PlusDays(Day - 1);
        return start.PlusDays(((int)DayOfWeek - (int)start.DayOfWeek + 7) % 7);
    }
}
