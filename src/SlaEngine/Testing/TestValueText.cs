using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;
using SlaEngine.Policies;
using SlaEngine.Text;

namespace SlaEngine.Testing;

/// <summary>Formats expected and actual values for test output, the same way on both sides so they line up.</summary>
internal static class TestValueText
{
    private static readonly OffsetDateTimePattern IsoPattern =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");

    private static readonly ZonedDateTimePattern LocalPattern =
        ZonedDateTimePattern.CreateWithInvariantCulture("ddd uuuu'-'MM'-'dd HH':'mm x", null);

    /// <summary>
    /// An instant as ISO-8601 in the given offset (the one the expectation was written in, so both sides compare by eye),
    /// followed by its local time on the calendar when the calendar has a zone other than UTC. Near the ends of
    /// NodaTime's range, where the offset or the zone's local time does not exist, the instant is shown in UTC and the
    /// local time is left out (formatting a test's output never throws).
    /// </summary>
    public static string Instant(Instant instant, Offset offset, BusinessCalendar? calendar)
    {
        string iso;
        try
        {
            iso = IsoPattern.Format(instant.WithOffset(offset));
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
        {
            return InstantPattern.ExtendedIso.Format(instant);
        }

        if (calendar is null || calendar.Zone == DateTimeZone.Utc)
        {
            return iso;
        }

        try
        {
            return $"{iso} ({LocalPattern.Format(instant.InZone(calendar.Zone))} on {calendar.Id})";
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
        {
            return iso;
        }
    }

    public static string Duration(Duration duration) => DurationText.Format(duration);

    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    /// <summary>A set's actual value, with what is missing and what is unexpected when they differ.</summary>
    public static string SetDifference(IReadOnlyCollection<string> expected, IReadOnlyCollection<string> actual)
    {
        var missing = expected.Where(e => !actual.Contains(e)).Distinct().ToList();
        var extra = actual.Where(a => !expected.Contains(a)).Distinct().ToList();
        var parts = new List<string>(2);
        if (missing.Count > 0)
        {
            parts.Add("missing " + string.Join(", ", missing));
        }

        if (extra.Count > 0)
        {
            parts.Add("unexpected " + string.Join(", ", extra));
        }

        return parts.Count == 0 ? List(actual) : $"{List(actual)} ({string.Join("; ", parts)})";
    }

    public static bool SameSet(IReadOnlyCollection<string> expected, IReadOnlyCollection<string> actual) =>
        expected.ToHashSet(System.StringComparer.Ordinal).SetEquals(actual);

    public static string Quote(string? value) => value ?? "null";
}
