using System;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// A holiday a number of days after Easter Sunday (<c>easter: -2</c> is Good Friday, <c>1</c> Easter Monday,
/// <c>39</c> Ascension Day, <c>50</c> Whit Monday), of the western or the Orthodox Easter. It never moves:
/// a calendar refuses one whose <see cref="Holiday.Observance"/> is not <see cref="HolidayObservance.None"/>.
/// <see cref="Holiday.FromYear"/> and <see cref="Holiday.UntilYear"/> count the year of Easter Sunday.
/// </summary>
/// <param name="DaysAfterEaster">The days after Easter Sunday, -100 to 100 (negative: before).</param>
/// <param name="Church">Which Easter: <see cref="EasterChurch.Western"/> (the default) or <see cref="EasterChurch.Orthodox"/>.</param>
/// <param name="Name">The display name, or <see langword="null"/>.</param>
public sealed record EasterHoliday(int DaysAfterEaster, EasterChurch Church = EasterChurch.Western, string? Name = null) : Holiday(Name)
{
    /// <summary>The largest number of days before or after Easter Sunday a holiday may be.</summary>
    public const int MaxDaysFromEaster = 100;

    /// <summary>Gets the days after Easter Sunday, -100 to 100.</summary>
    public int DaysAfterEaster { get; init; } = DaysAfterEaster is >= -MaxDaysFromEaster and <= MaxDaysFromEaster
        ? DaysAfterEaster
        : throw new ArgumentOutOfRangeException(nameof(DaysAfterEaster), DaysAfterEaster, $"An Easter holiday must be within {MaxDaysFromEaster} days of Easter Sunday.");

    /// <summary>Gets which Easter the holiday is counted from.</summary>
    public EasterChurch Church { get; init; } = Church is EasterChurch.Western or EasterChurch.Orthodox
        ? Church
        : throw new ArgumentOutOfRangeException(nameof(Church), Church, "An Easter holiday's church must be western or orthodox.");

    /// <inheritdoc/>
    internal override int YearsAround => 1;

    private protected override bool CountsYearsByRule => true;

    /// <summary>
    /// Returns Easter Sunday of a year: by the Gregorian computus for <see cref="EasterChurch.Western"/>, by the
    /// Julian computus for <see cref="EasterChurch.Orthodox"/> (converted to the Gregorian date).
    /// </summary>
    /// <param name="year">The year, 1 to 9998.</param>
    /// <param name="church">Which Easter.</param>
    /// <returns>Easter Sunday, in the ISO calendar.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside 1 to 9998.</exception>
    public static LocalDate EasterSunday(int year, EasterChurch church)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        return church == EasterChurch.Orthodox ? JulianEaster(year) : GregorianEaster(year);
    }

    private protected override LocalDate? ScheduledIn(int year) =>
        year is >= 1 and <= 9998 ? EasterSunday(year, Church).PlusDays(DaysAfterEaster) : null;

    /// <summary>The Gregorian computus (the anonymous algorithm of 1876, as Meeus gives it).</summary>
    private static LocalDate GregorianEaster(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var n = h + l - (7 * m) + 114;
        return new LocalDate(year, n / 31, (n % 31) + 1);
    }

    /// <summary>The Julian computus (Meeus), as a date of the Julian calendar converted to the ISO calendar.</summary>
    private static LocalDate JulianEaster(int year)
    {
        var a = year % 4;
        var b = year % 7;
        var c = year % 19;
        var d = ((19 * c) + 15) % 30;
        var e = ((2 * a) + (4 * b) - d + 34) % 7;
        var n = d + e + 114;
        return new LocalDate(year, n / 31, (n % 31) + 1, CalendarSystem.Julian).WithCalendar(CalendarSystem.Iso);
    }
}
