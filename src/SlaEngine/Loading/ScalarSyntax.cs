using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Model;
using SlaEngine.Text;

namespace SlaEngine.Loading;

/// <summary>Parses the small scalar grammars of the policy format: durations, hours, days, dates, holidays, escalation points.</summary>
internal static partial class ScalarSyntax
{
    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;

    /// <summary>Parses <c>30m</c>, <c>4h</c>, <c>1h30m</c>, <c>2d</c>, <c>1w</c> (open time) or <c>3bd</c> (business days). Zero is refused.</summary>
    public static bool TryParseDuration(string text, out DurationSpec spec, out string error)
    {
        spec = default;
        var trimmed = text.Trim();
        var parsed = DurationText.TryParseWritten(trimmed, out var written);
        if (parsed && written.Form == WrittenDurationForm.BusinessDays)
        {
            var days = written.BusinessDays;
            if (days > 100_000)
            {
                error = $"business days '{text}' are out of range (at most 100000bd)";
                return false;
            }

            if (days == 0)
            {
                error = $"duration '{text}' is zero: targets and notice periods must be positive";
                return false;
            }

            spec = new DurationSpec(Duration.Zero, days, trimmed);
            error = string.Empty;
            return true;
        }

        // A policy writes open time in weeks, days, hours and minutes only: no seconds, no ISO-8601, no bare 0.
        if (!parsed || trimmed.Length == 0 || written.Form != WrittenDurationForm.Units || written.HasSeconds || written.IsBareZero)
        {
            error = $"'{text}' is not a duration: write amounts of open time like 30m, 4h, 1h30m, 2d (48h), 1w (168h), or business days like 3bd";
            return false;
        }

        long minutes = 0;
        (long Amount, long Factor)[] units = [(written.Weeks, 7 * 24 * 60), (written.Days, 24 * 60), (written.Hours, 60), (written.Minutes, 1)];
        foreach (var (amount, factor) in units)
        {
            if (amount > 100_000_000)
            {
                error = $"duration '{text}' is out of range";
                return false;
            }

            minutes += amount * factor;
        }

        // A bound far beyond any SLA keeps every later computation inside NodaTime's range.
        if (minutes > 100L * 366 * 24 * 60)
        {
            error = $"duration '{text}' is longer than 100 years";
            return false;
        }

        if (minutes == 0)
        {
            error = $"duration '{text}' is zero: targets and notice periods must be positive";
            return false;
        }

        spec = new DurationSpec(Duration.FromMinutes(minutes), 0, trimmed);
        error = string.Empty;
        return true;
    }

    /// <summary>Parses an open-time amount only (no business days), as in <c>breach+4h</c>.</summary>
    public static bool TryParseOpenTime(string text, out Duration duration, out string error)
    {
        duration = Duration.Zero;
        if (!TryParseDuration(text, out var spec, out error))
        {
            return false;
        }

        if (spec.IsBusinessDays)
        {
            error = $"'{text}' is in business days; here only open time (like 4h) is allowed";
            return false;
        }

        duration = spec.OpenTime;
        return true;
    }

    /// <summary>Parses an escalation point: <c>N%</c>, <c>breach</c> or <c>breach+D</c>.</summary>
    public static bool TryParseEscalationPoint(string text, out EscalationPoint point, out string error)
    {
        point = default;
        var t = text.Trim();
        if (t == "breach")
        {
            point = new EscalationPoint(EscalationPointKind.Breach, 0, Duration.Zero, t);
            error = string.Empty;
            return true;
        }

        if (t.StartsWith("breach+", StringComparison.Ordinal))
        {
            if (t.Length == "breach+".Length)
            {
                error = $"'{text}' needs an amount of open time after the '+', like breach+4h";
                return false;
            }

            if (!TryParseOpenTime(t["breach+".Length..], out var after, out var inner))
            {
                error = $"'{text}': {inner}";
                return false;
            }

            point = new EscalationPoint(EscalationPointKind.Breach, 0, after, t);
            error = string.Empty;
            return true;
        }

        var pm = PercentRegex().Match(t);
        if (pm.Success && decimal.TryParse(pm.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            && percent > 0 && percent <= 1000)
        {
            point = new EscalationPoint(EscalationPointKind.Percent, percent, Duration.Zero, t);
            error = string.Empty;
            return true;
        }

        error = $"'{text}' is not an escalation point: write a percentage of the target like \"75%\" (above 0, at most 1000), breach, or breach+4h";
        return false;
    }

    /// <summary>Parses <c>HH:mm-HH:mm</c>; <c>24:00</c> is allowed as an end (it becomes midnight of the next day).</summary>
    public static bool TryParseHours(string text, out LocalTime start, out LocalTime end, out string error)
    {
        start = end = default;
        var m = HoursRegex().Match(text.Trim());
        if (!m.Success)
        {
            error = $"'{text}' is not an interval of opening hours: write HH:mm-HH:mm, such as \"08:00-18:00\" (24:00 allowed as an end; an end not after the start runs past midnight)";
            return false;
        }

        if (!TryTime(m.Groups[1].Value, allow24: false, out start, out error) || !TryTime(m.Groups[2].Value, allow24: true, out end, out error))
        {
            error = $"invalid hours '{text}': {error}";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private static bool TryTime(string text, bool allow24, out LocalTime time, out string error)
    {
        time = default;
        var hour = int.Parse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        var minute = int.Parse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture);
        if (allow24 && hour == 24 && minute == 0)
        {
            time = LocalTime.Midnight;
            error = string.Empty;
            return true;
        }

        if (hour > 23 || minute > 59)
        {
            error = $"'{text}' is not a time of day (00:00 to 23:59{(allow24 ? ", or 24:00 as an end" : string.Empty)})";
            return false;
        }

        time = new LocalTime(hour, minute);
        error = string.Empty;
        return true;
    }

    private static readonly Dictionary<string, IsoDayOfWeek> Days = new(StringComparer.Ordinal)
    {
        ["mon"] = IsoDayOfWeek.Monday,
        ["tue"] = IsoDayOfWeek.Tuesday,
        ["wed"] = IsoDayOfWeek.Wednesday,
        ["thu"] = IsoDayOfWeek.Thursday,
        ["fri"] = IsoDayOfWeek.Friday,
        ["sat"] = IsoDayOfWeek.Saturday,
        ["sun"] = IsoDayOfWeek.Sunday,
    };

    /// <summary>The day names a calendar's <c>hours</c> keys use.</summary>
    public static IEnumerable<string> DayNames => Days.Keys;

    /// <summary>Parses a day key: <c>mon</c>, a range <c>mon-fri</c> (wrapping allowed: <c>fri-mon</c>), or a list <c>mon,wed,fri</c> of those.</summary>
    public static bool TryParseDays(string text, out List<IsoDayOfWeek> days, out string error)
    {
        days = [];
        foreach (var rawPart in text.Split(','))
        {
            var part = rawPart.Trim();
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                if (!Days.TryGetValue(part, out var day))
                {
                    error = UnknownDay(part);
                    return false;
                }

                days.Add(day);
                continue;
            }

            var from = part[..dash].Trim();
            var to = part[(dash + 1)..].Trim();
            if (!Days.TryGetValue(from, out var first))
            {
                error = UnknownDay(from);
                return false;
            }

            if (!Days.TryGetValue(to, out var last))
            {
                error = UnknownDay(to);
                return false;
            }

            var d = first;
            while (true)
            {
                days.Add(d);
                if (d == last)
                {
                    break;
                }

                d = d == IsoDayOfWeek.Sunday ? IsoDayOfWeek.Monday : d + 1;
            }
        }

        error = string.Empty;
        return true;
    }

    private static string UnknownDay(string text) =>
        $"'{text}' is not a day: use mon, tue, wed, thu, fri, sat, sun, a range like mon-fri, or a list like mon,wed,fri"
        + Diagnostics.SuggestionFinder.DidYouMean(text, Days.Keys);

    /// <summary>Parses an ISO date <c>yyyy-MM-dd</c>.</summary>
    public static bool TryParseDate(string text, out LocalDate date, out string error)
    {
        var result = DatePattern.Parse(text.Trim());
        if (result.Success && DateOnlyRegex().IsMatch(text.Trim()))
        {
            date = result.Value;
            error = string.Empty;
            return true;
        }

        date = default;
        error = $"'{text}' is not a date: write yyyy-MM-dd, such as 2026-12-25";
        return false;
    }

    /// <summary>
    /// Parses a local date-time <c>yyyy-MM-ddTHH:mm[:ss]</c>. A bare date is refused with the text to write instead:
    /// whether a freeze "to 2026-12-24" takes in the 24th is exactly the ambiguity the time of day settles.
    /// </summary>
    public static bool TryParseLocalDateTime(string text, out LocalDateTime value, out string error)
    {
        var t = text.Trim();
        if (TryParseDate(t, out _, out _))
        {
            value = default;
            error = $"'{text}' is a date without a time of day: write a local date-time, such as {t}T00:00 (the start of that day in the freeze's zone)";
            return false;
        }

        foreach (var pattern in LocalDateTimePatterns)
        {
            var r = pattern.Parse(t);
            if (r.Success)
            {
                value = r.Value;
                error = string.Empty;
                return true;
            }
        }

        value = default;
        error = $"'{text}' is not a local date-time: write yyyy-MM-ddTHH:mm (in the freeze's zone, no offset), such as 2026-11-23T00:00";
        return false;
    }

    private static readonly LocalDateTimePattern[] LocalDateTimePatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss"),
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm"),
    ];

    /// <summary>Parses <c>yearly: "MM-DD"</c>, <c>yearly: "MM/ddd#N"</c> (N = 1..5, or -1 for the last) or <c>yearly: "MM/ddd>=DD"</c>.</summary>
    public static bool TryParseYearly(string text, out HolidayKind kind, out int month, out int day, out IsoDayOfWeek weekday, out int occurrence, out string error)
    {
        kind = HolidayKind.YearlyDate;
        month = day = occurrence = 0;
        weekday = IsoDayOfWeek.None;
        var t = text.Trim();
        var md = MonthDayRegex().Match(t);
        if (md.Success)
        {
            month = int.Parse(md.Groups[1].Value, CultureInfo.InvariantCulture);
            day = int.Parse(md.Groups[2].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(2024, month))
            {
                error = $"'{text}' is not a day of the year (MM-DD, such as 12-25)";
                return false;
            }

            error = string.Empty;
            return true;
        }

        var nth = NthWeekdayRegex().Match(t);
        if (nth.Success)
        {
            kind = HolidayKind.YearlyWeekday;
            month = int.Parse(nth.Groups[1].Value, CultureInfo.InvariantCulture);
            occurrence = int.Parse(nth.Groups[3].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                error = $"'{text}': month must be 01 to 12";
                return false;
            }

            if (!Days.TryGetValue(nth.Groups[2].Value, out weekday))
            {
                error = $"'{text}': {UnknownDay(nth.Groups[2].Value)}";
                return false;
            }

            if (occurrence is 0 or > 5 or < -1)
            {
                error = $"'{text}': the occurrence after # must be 1 to 5, or -1 for the last";
                return false;
            }

            error = string.Empty;
            return true;
        }

        var onOrAfter = WeekdayOnOrAfterRegex().Match(t);
        if (onOrAfter.Success)
        {
            kind = HolidayKind.YearlyWeekdayOnOrAfter;
            month = int.Parse(onOrAfter.Groups[1].Value, CultureInfo.InvariantCulture);
            day = int.Parse(onOrAfter.Groups[3].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                error = $"'{text}': month must be 01 to 12";
                return false;
            }

            if (!Days.TryGetValue(onOrAfter.Groups[2].Value, out weekday))
            {
                error = $"'{text}': {UnknownDay(onOrAfter.Groups[2].Value)}";
                return false;
            }

            if (day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(2024, month))
            {
                error = $"'{text}': the day after >= must be a day of month {month:00}";
                return false;
            }

            error = string.Empty;
            return true;
        }

        error = $"'{text}' is not a yearly holiday: write \"MM-DD\" (such as \"12-25\"), \"MM/ddd#N\" (such as \"11/thu#4\", -1 for the last) or \"MM/ddd>=DD\" (such as \"05/mon>=18\")";
        return false;
    }

    /// <summary>Whether an id matches <c>[a-z0-9][a-z0-9-]*</c>.</summary>
    public static bool IsValidId(string id) => IdRegex().IsMatch(id);

    /// <summary>Whether a field name is an identifier the rules language can read.</summary>
    public static bool IsValidFieldName(string name) => FieldNameRegex().IsMatch(name);

    [GeneratedRegex(@"^([0-9]{1,4}(?:\.[0-9]{1,6})?)%\z", RegexOptions.CultureInvariant)]
    private static partial Regex PercentRegex();

    [GeneratedRegex(@"^([0-9]{2}:[0-9]{2})-([0-9]{2}:[0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex HoursRegex();

    [GeneratedRegex(@"^-?[0-9]{4}-[0-9]{2}-[0-9]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DateOnlyRegex();

    [GeneratedRegex(@"^([0-9]{2})-([0-9]{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex MonthDayRegex();

    [GeneratedRegex(@"^([0-9]{2})/([a-z]{3})#(-?[0-9])\z", RegexOptions.CultureInvariant)]
    private static partial Regex NthWeekdayRegex();

    [GeneratedRegex(@"^([0-9]{2})/([a-z]{3})>=([0-9]{1,2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex WeekdayOnOrAfterRegex();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex FieldNameRegex();
}
