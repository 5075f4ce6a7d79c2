using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Analysis;

/// <summary>Local dates of a calendar whose open intervals differ between the versions the same way, with the cause.</summary>
public sealed class CalendarDifference
{
    internal CalendarDifference(string calendarId, ImmutableArray<LocalDate> dates, string oldHours, string newHours, string cause)
    {
        CalendarId = calendarId;
        Dates = dates;
        OldHours = oldHours;
        NewHours = newHours;
        Cause = cause;
    }

    /// <summary>The calendar's id.</summary>
    public string CalendarId { get; }

    /// <summary>The local dates concerned, ascending.</summary>
    public ImmutableArray<LocalDate> Dates { get; }

    /// <summary>The open intervals that start on those dates in the old version (<c>08:00-12:00, 13:00-18:00</c>, or <c>closed</c>).</summary>
    public string OldHours { get; }

    /// <summary>The open intervals that start on those dates in the new version.</summary>
    public string NewHours { get; }

    /// <summary>The change behind it: a holiday added or removed, an exception, the weekly hours of that weekday, the zone.</summary>
    public string Cause { get; }
}
