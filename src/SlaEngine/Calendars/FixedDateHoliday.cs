using System;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>A holiday on one date only, for example a company event on 2026-07-03.</summary>
/// <param name="Date">The local date of the holiday.</param>
/// <param name="Name">The display name, or <see langword="null"/>.</param>
public sealed record FixedDateHoliday(LocalDate Date, string? Name = null) : Holiday(Name)
{
    private protected override LocalDate? ScheduledIn(int year)
    {
        if (Date.Calendar != CalendarSystem.Iso && Date.Year - year is < -1 or > 1)
        {
            return null;
        }

        LocalDate iso;
        try
        {
            iso = Date.WithCalendar(CalendarSystem.Iso);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // a date of another calendar system that the ISO calendar cannot hold
        }

        return iso.Year == year ? iso : null;
    }
}
