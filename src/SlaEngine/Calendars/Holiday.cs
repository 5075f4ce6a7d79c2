using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// A day on which a <see cref="BusinessCalendar"/> opens no interval: no opening hours start on it, although a night
/// shift that started the evening before still runs to its end. Holidays are plain immutable data.
/// </summary>
/// <param name="Name">The display name, for example <c>Thanksgiving</c>, or <see langword="null"/>.</param>
public abstract record Holiday(string? Name)
{
    /// <summary>Tells whether the holiday falls on a local date.</summary>
    /// <param name="date">The local date, in any calendar system (it is compared in the ISO calendar).</param>
    /// <returns><see langword="true"/> when the date is this holiday.</returns>
    public abstract bool FallsOn(LocalDate date);
}
