using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SlaEngine.Calendars;

/// <summary>
/// One opening interval of a business calendar, in local time, that starts on a given local date: for example
/// <c>08:00-18:00</c> on a weekday. When <see cref="End"/> is not after <see cref="Start"/> the interval runs past
/// midnight and ends on the next day at <see cref="End"/>: <c>22:00-06:00</c> is a night shift, and an end of
/// <c>24:00</c> is written as <see cref="LocalTime.Midnight"/> (so <c>00:00-24:00</c> is a whole day).
/// </summary>
/// <remarks>
/// An <see cref="OpenHours"/> value is only local wall-clock time; a <see cref="BusinessCalendar"/> maps it to instants
/// with its time zone and NodaTime's lenient resolver (a time skipped by a DST jump moves forward by the gap, an
/// ambiguous time takes the earlier instant). The type is an immutable value and thread-safe.
/// </remarks>
/// <param name="Start">The local time the interval opens, on the date it belongs to.</param>
/// <param name="End">The local time the interval closes: on the same date when after <paramref name="Start"/>,
/// otherwise on the next date.</param>
public readonly record struct OpenHours(LocalTime Start, LocalTime End)
{
    private static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>Gets a value indicating whether the interval ends on the next local date (its end is not after its start).</summary>
    public bool CrossesMidnight => End <= Start;

    /// <summary>
    /// Gets the nominal length in local time: from <see cref="Start"/> to <see cref="End"/>, at most 24 hours and never zero.
    /// The real elapsed time can differ on the days of a DST change.
    /// </summary>
    public Duration LocalLength => CrossesMidnight
        ? Duration.FromNanoseconds(NodaConstants.NanosecondsPerDay - Start.NanosecondOfDay + End.NanosecondOfDay)
        : Duration.FromNanoseconds(End.NanosecondOfDay - Start.NanosecondOfDay);

    /// <summary>Gets the offset of the start from the beginning of its local date, in nanoseconds.</summary>
    internal long StartNanos => Start.NanosecondOfDay;

    /// <summary>Gets the offset of the end from the beginning of the start's local date, in nanoseconds (up to 48 hours).</summary>
    internal long EndNanos => CrossesMidnight ? NodaConstants.NanosecondsPerDay + End.NanosecondOfDay : End.NanosecondOfDay;

    /// <summary>Formats the interval as the policy file writes it: <c>HH:mm-HH:mm</c>, with <c>24:00</c> for a midnight end
    /// that closes a whole day starting at midnight.</summary>
    /// <returns>The interval text, for example <c>22:00-06:00</c>.</returns>
    public override string ToString()
    {
        var end = End == LocalTime.Midnight && Start == LocalTime.Midnight ? "24:00" : Format(End);
        return string.Create(CultureInfo.InvariantCulture, $"{Format(Start)}-{end}");
    }

    private static string Format(LocalTime time) =>
        time.Second == 0 && time.NanosecondOfSecond == 0
            ? TimePattern.Format(time)
            : time.ToString("HH:mm:ss.FFFFFFFFF", CultureInfo.InvariantCulture);

    /// <summary>Tells whether two intervals of the same day share any local time.</summary>
    internal bool Overlaps(OpenHours other) => StartNanos < other.EndNanos && other.StartNanos < EndNanos;

    /// <summary>Creates the interval from hours and minutes; an end of <c>24:00</c> is accepted.</summary>
    /// <param name="startHour">The opening hour, 0 to 23.</param>
    /// <param name="startMinute">The opening minute, 0 to 59.</param>
    /// <param name="endHour">The closing hour, 0 to 24 (24 only with minute 0).</param>
    /// <param name="endMinute">The closing minute, 0 to 59.</param>
    /// <returns>The interval.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public static OpenHours Create(int startHour, int startMinute, int endHour, int endMinute)
    {
        if (endHour == 24 && endMinute == 0)
        {
            endHour = 0;
        }

        return new OpenHours(new LocalTime(startHour, startMinute), new LocalTime(endHour, endMinute));
    }
}
