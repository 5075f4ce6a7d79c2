using System.Globalization;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>The calendar layer's formats for messages: ISO dates and times, whatever the current culture.</summary>
internal static class CalendarText
{
    /// <summary>A date as <c>uuuu-MM-dd</c>.</summary>
    public static string Date(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A weekday as its three-letter English abbreviation, <c>Mon</c> to <c>Sun</c>.</summary>
    public static string Weekday(IsoDayOfWeek day) => day.ToString()[..3];

    /// <summary>A time of day as <c>HH:mm</c>.</summary>
    public static string Time(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
