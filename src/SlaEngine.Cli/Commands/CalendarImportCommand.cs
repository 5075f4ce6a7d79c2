using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using NodaTime;

namespace SlaEngine.Cli.Commands;

/// <summary>
/// <c>slaengine calendar import FILE.ics</c>: turns an iCalendar (RFC 5545) holiday feed into holiday entries to paste
/// into a policy, where they are reviewed and versioned. It lives in the CLI, not the library: reading iCalendar is an
/// authoring step (a policy never fetches a feed at run time), so the engine that evaluates policies does not carry
/// Ical.Net and its dependencies; the library's output side (<c>CalendarExporter</c>) needs no parser.
/// </summary>
internal static partial class CalendarImportCommand
{
    private static readonly string[] Weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]; // by System.DayOfWeek

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<FileInfo>("file") { Description = "The iCalendar file (.ics) of all-day events." };
        var from = new Option<int?>("--from") { Description = "The first year imported (dated events), and of the expansion of other recurrences." };
        var until = new Option<int?>("--until") { Description = "The last year imported, inclusive." };
        var command = new Command("import", "Print the all-day events of an iCalendar (RFC 5545) file as holiday entries to paste into a policy: a dated event gives one { date, name } per date it covers, a yearly rule on a fixed date or an nth weekday gives one 'yearly' entry, other recurrences are expanded between --from and --until. Timed events are skipped and counted.\nExample: slaengine calendar import bank-holidays.ics --from 2026 --until 2028")
        {
            file,
            from,
            until,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var fromYear = parse.GetValue(from);
            var untilYear = parse.GetValue(until);
            if (fromYear is < 1 or > 9999 || untilYear is < 1 or > 9999 || fromYear > untilYear)
            {
                stderr.WriteLine("--from and --until are years from 1 to 9999, --from not after --until");
                return CliApp.Failed;
            }

            if (InputFiles.ReadText(path, stderr) is not { } text)
            {
                return CliApp.Failed;
            }

            var result = Import(text, path.ToString(), fromYear, untilYear);
            if (result.Error is { } error)
            {
                stderr.WriteLine(error);
                return CliApp.Failed;
            }

            stdout.Write(result.Yaml);
            return CliApp.Ok;
        });
        return command;
    }

    /// <summary>The YAML to paste, or the error (with the file and line) that stops the import.</summary>
    internal sealed record ImportResult(string? Yaml, string? Error);

    /// <summary>Reads an iCalendar text into holiday entries.</summary>
    internal static ImportResult Import(string text, string fileName, int? fromYear, int? untilYear)
    {
        if (CheckStructure(text, fileName, out var eventLines) is { } structureError)
        {
            return new ImportResult(null, structureError);
        }

        Ical.Net.Calendar? calendar;
        try
        {
            calendar = Ical.Net.Calendar.Load(text);
        }
        catch (Exception e) when (e is System.Runtime.Serialization.SerializationException or FormatException or ArgumentException or InvalidOperationException)
        {
            return new ImportResult(null, $"{fileName}: not an iCalendar file: {e.Message}");
        }

        if (calendar is null)
        {
            return new ImportResult(null, $"{fileName}:1: not an iCalendar file: it must start with BEGIN:VCALENDAR");
        }

        var entries = new List<(LocalDate Sort, string Yaml)>();
        var timed = 0;
        var index = 0;
        foreach (var e in calendar.Events)
        {
            var line = index < eventLines.Count ? eventLines[index] : 1;
            index++;
            var name = string.IsNullOrWhiteSpace(e.Summary) ? "Holiday" : e.Summary.Trim();
            if (e.DtStart is null)
            {
                return new ImportResult(null, $"{fileName}:{line}: the event '{name}' has no DTSTART, or one that is not a date or a date-time");
            }

            if (e.DtStart.HasTime)
            {
                timed++;
                continue;
            }

            var start = new LocalDate(e.DtStart.Year, e.DtStart.Month, e.DtStart.Day);
            var days = DaysCovered(e, start);
            if (days < 1)
            {
                return new ImportResult(null, $"{fileName}:{line}: the event '{name}' ends before it starts");
            }

#pragma warning disable CS0618 // several RRULEs: only the one-rule property says whether there is more than one
            var rules = e.RecurrenceRules;
#pragma warning restore CS0618
            if (rules.Count == 0 && e.RecurrenceDates.GetAllDates().Any() is false)
            {
                for (var i = 0; i < days; i++)
                {
                    var date = start.PlusDays(i);
                    if (InYears(date.Year, fromYear, untilYear))
                    {
                        entries.Add((date, $"  - {{ date: {Iso(date)}, name: {Quote(name)} }}\n"));
                    }
                }

                continue;
            }

            if (days == 1 && rules.Count == 1 && !e.ExceptionDates.GetAllDates().Any() && !e.RecurrenceDates.GetAllDates().Any()
                && YearlyRule(rules[0], start) is { } yearly)
            {
                var firstYear = Math.Max(start.Year, fromYear ?? int.MinValue);
                var lastYear = rules[0].Until is { } u ? Math.Min(u.Year, untilYear ?? int.MaxValue) : untilYear;
                var fromText = fromYear is null || firstYear > fromYear ? $", from: {firstYear}" : string.Empty;
                var untilText = lastYear is { } ly ? $", until: {ly}" : string.Empty;
                if (rules[0].Count is null && (lastYear is null || lastYear >= firstYear))
                {
                    entries.Add((LocalDate.MinIsoValue, $"  - {{ yearly: \"{yearly}\", name: {Quote(name)}{fromText}{untilText} }}\n"));
                    continue;
                }
            }

            if (fromYear is null || untilYear is null)
            {
                return new ImportResult(null, $"{fileName}:{line}: the event '{name}' recurs by a rule other than yearly on a fixed date or an nth weekday (or with exceptions): give --from and --until to expand it to dates");
            }

            var rangeStart = new CalDateTime(fromYear.Value, 1, 1);
            var rangeEnd = new LocalDate(untilYear.Value, 12, 31);
            foreach (var occurrence in e.GetOccurrences(rangeStart))
            {
                var date = new LocalDate(occurrence.Period.StartTime.Year, occurrence.Period.StartTime.Month, occurrence.Period.StartTime.Day);
                if (date > rangeEnd)
                {
                    break;
                }

                for (var i = 0; i < days; i++)
                {
                    var d = date.PlusDays(i);
                    if (InYears(d.Year, fromYear, untilYear))
                    {
                        entries.Add((d, $"  - {{ date: {Iso(d)}, name: {Quote(name)} }}\n"));
                    }
                }
            }
        }

        var yaml = new StringBuilder();
        var allDay = entries.Count;
        yaml.Append(CultureInfo.InvariantCulture, $"# {entries.Count} holiday entr{(allDay == 1 ? "y" : "ies")} from {Path.GetFileName(fileName)}; {timed} timed event(s) skipped\n");
        yaml.Append("holidays:\n");
        foreach (var (_, entry) in entries.OrderBy(e => e.Sort).Distinct())
        {
            yaml.Append(entry);
        }

        return new ImportResult(yaml.ToString(), null);
    }

    /// <summary>How many dates an all-day event covers: DTEND is exclusive; DURATION counts days; neither is one day.</summary>
    private static int DaysCovered(CalendarEvent e, LocalDate start)
    {
        if (e.DtEnd is { } end)
        {
            return NodaTime.Period.Between(start, new LocalDate(end.Year, end.Month, end.Day), PeriodUnits.Days).Days;
        }

        if (e.Duration is { } duration)
        {
            return ((duration.Weeks ?? 0) * 7) + (duration.Days ?? 0);
        }

        return 1;
    }

    /// <summary><c>MM-DD</c> or <c>MM/ddd#N</c> for a plain yearly rule, or null.</summary>
    private static string? YearlyRule(RecurrencePattern rule, LocalDate start)
    {
        if (rule.Frequency != Ical.Net.FrequencyType.Yearly || rule.Interval > 1 || rule.BySecond.Count + rule.ByMinute.Count + rule.ByHour.Count
            + rule.ByYearDay.Count + rule.ByWeekNo.Count + rule.BySetPosition.Count > 0 || rule.ByMonth.Count > 1)
        {
            return null;
        }

        var month = rule.ByMonth.Count == 1 ? rule.ByMonth[0] : start.Month;
        if (rule.ByDay.Count == 0)
        {
            var day = rule.ByMonthDay.Count switch
            {
                0 => start.Day,
                1 => rule.ByMonthDay[0],
                _ => -1,
            };
            return day is >= 1 and <= 31 && rule.ByMonthDay.Count <= 1 ? $"{month:00}-{day:00}" : null;
        }

        if (rule.ByDay.Count == 1 && rule.ByMonthDay.Count == 0 && rule.ByDay[0].Offset is { } n && (n is >= 1 and <= 5 || n == -1))
        {
            return $"{month:00}/{Weekdays[(int)rule.ByDay[0].DayOfWeek]}#{n}";
        }

        return null;
    }

    /// <summary>
    /// Checks the content lines (RFC 5545 3.1) that Ical.Net would reject or skip without saying where: every unfolded
    /// line is <c>NAME[;params]:value</c>, BEGIN and END pair up, and dates are dates. Returns the error naming the line,
    /// or null; <paramref name="eventLines"/> gets the line of each BEGIN:VEVENT.
    /// </summary>
    private static string? CheckStructure(string text, string fileName, out List<int> eventLines)
    {
        eventLines = [];
        var physical = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var logical = new List<(int Line, string Text)>();
        for (var i = 0; i < physical.Length; i++)
        {
            var l = physical[i];
            if (l.Length > 0 && (l[0] == ' ' || l[0] == '\t'))
            {
                if (logical.Count == 0)
                {
                    return $"{fileName}:{i + 1}: a continuation line (starting with a space) with no line before it";
                }

                logical[^1] = (logical[^1].Line, logical[^1].Text + l[1..]);
            }
            else if (l.Length > 0)
            {
                logical.Add((i + 1, l));
            }
        }

        if (logical.Count == 0 || !logical[0].Text.Equals("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase))
        {
            return $"{fileName}:{(logical.Count == 0 ? 1 : logical[0].Line)}: not an iCalendar file: it must start with BEGIN:VCALENDAR";
        }

        var open = new Stack<(string Name, int Line)>();
        foreach (var (line, content) in logical)
        {
            var match = ContentLine().Match(content);
            if (!match.Success)
            {
                return $"{fileName}:{line}: not an iCalendar content line (NAME:value or NAME;PARAM=x:value): '{Shorten(content)}'";
            }

            var name = match.Groups["name"].Value.ToUpperInvariant();
            var value = match.Groups["value"].Value;
            if (name == "BEGIN")
            {
                open.Push((value.ToUpperInvariant(), line));
                if (value.Equals("VEVENT", StringComparison.OrdinalIgnoreCase))
                {
                    eventLines.Add(line);
                }
            }
            else if (name == "END")
            {
                if (open.Count == 0 || !open.Peek().Name.Equals(value, StringComparison.OrdinalIgnoreCase))
                {
                    return $"{fileName}:{line}: END:{value} does not close {(open.Count == 0 ? "anything" : $"BEGIN:{open.Peek().Name} of line {open.Peek().Line}")}";
                }

                open.Pop();
            }
            else if (name is "DTSTART" or "DTEND" or "EXDATE" && open.Count > 0 && open.Peek().Name == "VEVENT"
                && !value.Split(',').All(v => DateValue().IsMatch(v.Trim())))
            {
                return $"{fileName}:{line}: {name} '{Shorten(value)}' is not a date (yyyyMMdd) or a date-time (yyyyMMddTHHmmss, Z for UTC)";
            }
        }

        return open.Count > 0 ? $"{fileName}:{open.Peek().Line}: BEGIN:{open.Peek().Name} is never closed by END:{open.Peek().Name}" : null;
    }

    private static bool InYears(int year, int? from, int? until) => year >= (from ?? int.MinValue) && year <= (until ?? int.MaxValue);

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A YAML double-quoted scalar.</summary>
    private static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9-]+)(?:;[^:]*)?:(?<value>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ContentLine();

    [GeneratedRegex(@"^[0-9]{8}(?:T[0-9]{6}Z?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DateValue();
}
