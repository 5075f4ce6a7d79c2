using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>A holiday on one date only, for example a company event on 2026-07-03.</summary>
/// <param name="Date">The local date of the holiday.</param>
/// <param name="Name">The display name, or <see langword="null"/>.</param>
public sealed record FixedDateHoliday(LocalDate Date, string? Name = null) : Holiday(Name)
{
    /// <inheritdoc/>
    public override bool FallsOn(LocalDate date) => date.WithCalendar(CalendarSystem.Iso) == Date.WithCalendar(CalendarSystem.Iso);
}
