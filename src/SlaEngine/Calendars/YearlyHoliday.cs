using System;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// A holiday on the same month and day every year (<c>yearly: "12-25"</c>). There is no "observed" shift: a
/// Christmas on a Saturday closes nothing on a Friday or Monday. A February 29 holiday falls in leap years only.
/// </summary>
/// <param name="Month">The month, 1 to 12.</param>
/// <param name="Day">The day of the month, valid in at least one year (so 2-29 is allowed, 2-30 is not).</param>
/// <param name="Name">The display name, or <see langword="null"/>.</param>
public sealed record YearlyHoliday(int Month, int Day, string? Name = null) : Holiday(Name)
{
    /// <summary>Gets the month, 1 to 12.</summary>
    public int Month { get; init; } = Month is >= 1 and <= 12
        ? Month
        : throw new ArgumentOutOfRangeException(nameof(Month), Month, "A yearly holiday's month must be between 1 and 12.");

    /// <summary>Gets the day of the month.</summary>
    public int Day { get; init; } = Day >= 1 && Day <= MaxDay(Month)
        ? Day
        : throw new ArgumentOutOfRangeException(nameof(Day), Day, $"A yearly holiday's day must be between 1 and {MaxDay(Month)} for month {Month}.");

    /// <inheritdoc/>
    public override bool FallsOn(LocalDate date)
    {
        var iso = date.WithCalendar(CalendarSystem.Iso);
        return iso.Month == Month && iso.Day == Day;
    }

    private static int MaxDay(int month) => month is >= 1 and <= 12 ? CalendarSystem.Iso.GetDaysInMonth(2000, month) : 31;
}
