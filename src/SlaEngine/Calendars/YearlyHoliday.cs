using System;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// A holiday on the same month and day every year (<c>yearly: "12-25"</c>). A February 29 holiday falls in leap years
/// only. A weekend date closes no weekday unless <see cref="Holiday.Observance"/> says so.
/// </summary>
/// <param name="Month">The month, 1 to 12.</param>
/// <param name="Day">The day of the month, valid in at least one year (so 2-29 is allowed, 2-30 is not).</param>
/// <param name="Name">The display name, or <see langword="null"/>.</param>
public sealed record YearlyHoliday(int Month, int Day, string? Name = null) : Holiday(Name)
{
    /// <summary>Gets the month, 1 to 12.</summary>
    public int Month { get; init; } = CheckMonth(Month, nameof(Month));

    /// <summary>Gets the day of the month.</summary>
    public int Day { get; init; } = Day >= 1 && Day <= MaxDay(Month)
        ? Day
        : throw new ArgumentOutOfRangeException(nameof(Day), Day, $"A yearly holiday's day must be between 1 and {MaxDay(Month)} for month {Month}.");

    private protected override LocalDate? ScheduledIn(int year) =>
        Day <= CalendarSystem.Iso.GetDaysInMonth(year, Month) ? new LocalDate(year, Month, Day) : null;

    private static int MaxDay(int month) => month is >= 1 and <= 12 ? CalendarSystem.Iso.GetDaysInMonth(2000, month) : 31;
}
