using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;
using SlaEngine.Policies;

namespace SlaEngine.Reporting;

/// <summary>
/// Writes a policy's calendars as an iCalendar file (RFC 5545) that Outlook and Google Calendar import, so that the
/// contact center and IT see the agreed calendar in their own tools: an all-day event per holiday and observed day
/// (named), per exception date (its hours, or closed, in the description), and a timed event per freeze window in its
/// zone (with a <c>VTIMEZONE</c> built from the time zone database, and its exemption in the description).
/// </summary>
/// <remarks>
/// The output is deterministic: lines end with CRLF and are folded at 75 octets (never inside a UTF-8 sequence),
/// events come in calendar, date and kind order, each <c>UID</c> is derived from the policy, the calendar, the date and
/// the kind (so re-importing an export updates events instead of duplicating them), and <c>DTSTAMP</c> is
/// <see cref="CalendarExportOptions.Stamp"/>. Events are <c>TRANSP:TRANSPARENT</c>: they inform, they do not book time.
/// </remarks>
public static class CalendarExporter
{
    private const int MaxLineOctets = 75;

    private static readonly LocalDatePattern DateValue = LocalDatePattern.CreateWithInvariantCulture("uuuuMMdd");
    private static readonly LocalDateTimePattern LocalValue = LocalDateTimePattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss");
    private static readonly InstantPattern UtcValue = InstantPattern.CreateWithInvariantCulture("uuuuMMdd'T'HHmmss'Z'");

    /// <summary>Writes the iCalendar text of a policy's calendars.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="options">Which calendars and dates, and the stamp.</param>
    /// <returns>The iCalendar file's text: CRLF line ends, folded lines, UTF-8 safe.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><see cref="CalendarExportOptions.To"/> is before <see cref="CalendarExportOptions.From"/>,
    /// the range is longer than 20 years, or a calendar id is not declared by the policy.</exception>
    public static string Export(Policy policy, CalendarExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        var from = options.From.WithCalendar(CalendarSystem.Iso);
        var to = options.To.WithCalendar(CalendarSystem.Iso);
        if (to < from)
        {
            throw new ArgumentException($"The export ends ({Iso(to)}) before it starts ({Iso(from)}).", nameof(options));
        }

        if (Period.Between(from, to, PeriodUnits.Days).Days > 366 * 20)
        {
            throw new ArgumentException("The export covers more than 20 years: export a shorter range.", nameof(options));
        }

        var calendars = options.Calendars.IsDefaultOrEmpty
            ? [.. policy.Calendars]
            : options.Calendars.Select(id => policy.FindCalendar(id) ?? throw new ArgumentException(
                $"Policy '{policy.Id}' has no calendar '{id}': its calendars are {string.Join(", ", policy.Calendars.Select(c => c.Id))}.", nameof(options))).ToList();

        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//SlaEngine//Calendar export//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Text($"{policy.Id} calendars"),
        };

        var freezes = options.IncludeFreezes
            ? policy.Freezes.Where(f => f.End > StartOf(from, f.Zone) && f.Start < StartOf(to.PlusDays(1), f.Zone)).ToList()
            : [];
        foreach (var zone in freezes.Select(f => f.Zone).DistinctBy(z => z.Id).OrderBy(z => z.Id, StringComparer.Ordinal))
        {
            var inZone = freezes.Where(f => f.Zone.Id == zone.Id).ToList();
            lines.AddRange(TimeZone(zone, inZone.Min(f => f.Start), inZone.Max(f => f.End)));
        }

        var stamp = UtcValue.Format(options.Stamp);
        foreach (var calendar in calendars)
        {
            var events = new List<(LocalDate Date, int Order, string[] Lines)>();
            foreach (var holiday in calendar.HolidayDates(from, to))
            {
                var name = holiday.Name ?? "Holiday";
                var kind = holiday.IsObserved ? "observed" : "holiday";
                var summary = holiday.IsObserved ? $"{name} (observed) [{calendar.Id}]" : $"{name} [{calendar.Id}]";
                var description = holiday.IsObserved
                    ? $"Calendar {calendar.Id} ({calendar.Zone.Id}) is closed: {name} falls on {Weekday(holiday.ActualDate)} {Iso(holiday.ActualDate)} and is observed on {Weekday(holiday.Date)} {Iso(holiday.Date)}."
                    : $"Calendar {calendar.Id} ({calendar.Zone.Id}) is closed: {name}.";
                events.Add((holiday.Date, holiday.IsObserved ? 1 : 0, AllDay(policy, calendar, holiday.Date, kind, summary, description, stamp, "Holiday")));
            }

            foreach (var exception in calendar.Exceptions.Where(e => e.Date >= from && e.Date <= to))
            {
                var hours = exception.IsClosed ? "closed" : string.Join(", ", exception.Hours);
                var summary = exception.IsClosed ? $"Closed [{calendar.Id}]" : $"Hours {hours} [{calendar.Id}]";
                var description = $"Calendar {calendar.Id} ({calendar.Zone.Id}) on {Weekday(exception.Date)} {Iso(exception.Date)}: {(exception.IsClosed ? "closed all day" : "open " + hours + " local time")}, instead of its weekly hours and holidays.";
                events.Add((exception.Date, 2, AllDay(policy, calendar, exception.Date, "exception", summary, description, stamp, "Exception")));
            }

            foreach (var (_, _, eventLines) in events.OrderBy(e => e.Date).ThenBy(e => e.Order))
            {
                lines.AddRange(eventLines);
            }
        }

        foreach (var freeze in freezes)
        {
            lines.AddRange(Freeze(policy, freeze, stamp));
        }

        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(line, text);
        }

        return text.ToString();
    }

    private static string[] AllDay(Policy policy, BusinessCalendar calendar, LocalDate date, string kind, string summary, string description, string stamp, string category) =>
    [
        "BEGIN:VEVENT",
        $"UID:{DateValue.Format(date)}-{kind}-{calendar.Id}@{policy.Id}.slaengine",
        "DTSTAMP:" + stamp,
        "DTSTART;VALUE=DATE:" + DateValue.Format(date),
        "DTEND;VALUE=DATE:" + DateValue.Format(date.PlusDays(1)),
        "SUMMARY:" + Text(summary),
        "DESCRIPTION:" + Text(description),
        "CATEGORIES:" + Text(category),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ];

    private static string[] Freeze(Policy policy, FreezeWindow freeze, string stamp)
    {
        var exemption = freeze.Unless is { } unless ? $" Exempt when: {unless.Text}" : " No exemption.";
        var description = $"Change freeze {freeze.Id} from {Iso(freeze.From)} to {Iso(freeze.To)} ({freeze.Zone.Id}, end excluded): a change scheduled inside it is a violation.{exemption}";
        if (freeze.Description is { } text)
        {
            description = text + "\n" + description;
        }

        return
        [
            "BEGIN:VEVENT",
            $"UID:freeze-{freeze.Id}@{policy.Id}.slaengine",
            "DTSTAMP:" + stamp,
            $"DTSTART;TZID={freeze.Zone.Id}:{LocalValue.Format(freeze.From)}",
            $"DTEND;TZID={freeze.Zone.Id}:{LocalValue.Format(freeze.To)}",
            "SUMMARY:" + Text($"Change freeze {freeze.Id}"),
            "DESCRIPTION:" + Text(description),
            "CATEGORIES:Freeze",
            "TRANSP:TRANSPARENT",
            "END:VEVENT",
        ];
    }

    /// <summary>
    /// A <c>VTIMEZONE</c> of the zone's offsets from the year before <paramref name="start"/> to <paramref name="end"/>:
    /// one observance per transition (no recurrence rules), as the time zone database has them.
    /// </summary>
    private static IEnumerable<string> TimeZone(DateTimeZone zone, Instant start, Instant end)
    {
        yield return "BEGIN:VTIMEZONE";
        yield return "TZID:" + zone.Id;
        var span = new Interval(start - Duration.FromDays(366), end);
        var intervals = zone.GetZoneIntervals(span).ToList();
        foreach (var interval in intervals)
        {
            var before = interval.HasStart ? zone.GetZoneInterval(interval.Start - Duration.Epsilon) : interval;
            var onset = interval.HasStart ? interval.Start.WithOffset(before.WallOffset).LocalDateTime : new LocalDateTime(1970, 1, 1, 0, 0);
            var kind = interval.Savings != Offset.Zero ? "DAYLIGHT" : "STANDARD";
            yield return "BEGIN:" + kind;
            yield return "DTSTART:" + LocalValue.Format(onset);
            yield return "TZOFFSETFROM:" + UtcOffset(before.WallOffset);
            yield return "TZOFFSETTO:" + UtcOffset(interval.WallOffset);
            yield return "TZNAME:" + Text(interval.Name);
            yield return "END:" + kind;
        }

        yield return "END:VTIMEZONE";
    }

    private static Instant StartOf(LocalDate date, DateTimeZone zone) => zone.AtStartOfDay(date).ToInstant();

    private static string UtcOffset(Offset offset)
    {
        var seconds = offset.Seconds;
        var sign = seconds < 0 ? "-" : "+";
        seconds = Math.Abs(seconds);
        var text = $"{sign}{seconds / 3600:00}{seconds / 60 % 60:00}";
        return seconds % 60 == 0 ? text : text + $"{seconds % 60:00}";
    }

    /// <summary>A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and new lines escaped.</summary>
    private static string Text(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// Appends a content line folded at 75 octets (RFC 5545 3.1): a CRLF and a space before each continuation, never
    /// inside a UTF-8 sequence (a character is moved whole to the next line).
    /// </summary>
    private static void Fold(string line, StringBuilder output)
    {
        var octets = 0;
        var limit = MaxLineOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 4 : Encoding.UTF8.GetByteCount(line.AsSpan(i, 1));
            if (octets + width > limit)
            {
                output.Append("\r\n ");
                octets = 0;
                limit = MaxLineOctets - 1; // the leading space counts
            }

            output.Append(line[i]);
            if (width == 4)
            {
                output.Append(line[++i]);
            }

            octets += width;
        }

        output.Append("\r\n");
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Iso(LocalDateTime value) => value.ToString("uuuu-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static string Weekday(LocalDate date) => date.DayOfWeek.ToString();
}
