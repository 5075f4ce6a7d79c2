using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// A date with its own opening hours (Christmas Eve <c>08:00-12:00</c>) or none at all (<c>hours: closed</c>). The
/// exception replaces the intervals that start on that date, whatever the weekly hours or holidays say; a night
/// shift that started the evening before is not affected.
/// </summary>
/// <param name="Date">The local date.</param>
/// <param name="Hours">The intervals that start on that date; empty when the date is closed.</param>
public sealed record CalendarException(LocalDate Date, ImmutableArray<OpenHours> Hours)
{
    private readonly ImmutableArray<OpenHours> _hours = Hours.IsDefault ? ImmutableArray<OpenHours>.Empty : Hours;

    /// <summary>Gets the intervals that start on <see cref="Date"/>; empty (never default) when closed, also after a
    /// <see langword="with"/> expression that sets a default array.</summary>
    public ImmutableArray<OpenHours> Hours
    {
        get => _hours;
        init => _hours = value.IsDefault ? ImmutableArray<OpenHours>.Empty : value;
    }

    /// <summary>Gets a value indicating whether no interval starts on the date.</summary>
    public bool IsClosed => Hours.IsEmpty;

    /// <summary>Creates an exception that closes the date.</summary>
    /// <param name="date">The local date.</param>
    /// <returns>The exception.</returns>
    public static CalendarException Closed(LocalDate date) => new(date, ImmutableArray<OpenHours>.Empty);
}
