using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Yaml;
using SlaEngine.Model;

namespace SlaEngine.Loading;

internal sealed partial class PolicyReader
{
    private List<CalendarDecl> ReadCalendars(YamlNode? node, IReadOnlyDictionary<string, List<HolidayDecl>> holidaySets)
    {
        var result = new List<CalendarDecl>();
        foreach (var (id, value) in Entries(node, "'calendars'"))
        {
            CheckId(id, "calendar id");
            if (id.Value is AlwaysOpenCalendarId or OwnerCalendarKeyword)
            {
                _d.Error(DiagnosticCodes.InvalidId, id.Location, $"'{id.Value}' is a reserved calendar name: '24x7' is built in and 'owner' means the owner team's calendar");
            }

            if (MappingView.ExpectMapping(value, $"calendar '{id.Value}'", _d) is not { } mapping)
            {
                // Declared all the same (and never built): its shape is the one defect, not every use of it.
                result.Add(new CalendarDecl(id, null, new Located<string>("UTC", id.Location), null, new Dictionary<IsoDayOfWeek, IReadOnlyList<HoursDecl>>(), [], [], false));
                continue;
            }

            var calendarStart = _d.Count;
            var view = new MappingView(mapping, $"calendar '{id.Value}'", CalendarKeys, _d);
            var zoneId = view.Located("zone", required: true) ?? new Located<string>("UTC", mapping.Location);
            var zone = ResolveZone(zoneId, view.Has("zone"));
            var before = _d.Count;
            var hours = ReadWeeklyHours(view.Node("hours", required: true), id.Value);
            var hoursWellFormed = _d.Count == before;
            var holidays = ReadHolidays(view.Node("holidays"), $"calendar '{id.Value}'", holidaySets);
            var exceptions = ReadExceptions(view.Node("exceptions"), id.Value);
            if (hoursWellFormed && view.Has("hours") && hours.Values.All(h => h.Count == 0) && exceptions.All(e => e.Hours.Count == 0))
            {
                _d.Error(DiagnosticCodes.CalendarNeverOpen, view.KeyOf("hours")!.Location, $"calendar '{id.Value}' has no opening hours at all: no deadline on it could ever fall");
            }

            result.Add(new CalendarDecl(id, view.Text("name"), zoneId, zone, hours, holidays, exceptions, _d.Count == calendarStart));
        }

        return result;
    }

    private DateTimeZone? ResolveZone(Located<string> zoneId, bool given)
    {
        if (!given)
        {
            return null;
        }

        var zone = _zones.GetZoneOrNull(zoneId.Value);
        if (zone is null)
        {
            _d.Error(
                DiagnosticCodes.UnknownZone,
                zoneId.Location,
                $"unknown time zone '{YamlTreeReader.Shorten(zoneId.Value)}': use an IANA zone id such as America/New_York{SuggestionFinder.DidYouMean(zoneId.Value, _zones.Ids)}");
        }

        return zone;
    }

    private Dictionary<IsoDayOfWeek, IReadOnlyList<HoursDecl>> ReadWeeklyHours(YamlNode? node, string calendarId)
    {
        var lists = new Dictionary<IsoDayOfWeek, List<HoursDecl>>();
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
        {
            lists[day] = [];
        }

        foreach (var (key, value) in Entries(node, $"'hours' of calendar '{calendarId}'"))
        {
            if (!ScalarSyntax.TryParseDays(key.Value, out var days, out var error))
            {
                _d.Error(DiagnosticCodes.InvalidHours, key.Location, error);
                continue;
            }

            var intervals = ReadIntervals(value, $"hours '{key.Value}' of calendar '{calendarId}'");
            foreach (var day in days.Distinct())
            {
                lists[day].AddRange(intervals);
            }
        }

        var reported = new HashSet<HoursDecl>();
        foreach (var list in lists.Values)
        {
            CheckOverlaps(list, calendarId, reported);
        }

        return lists.ToDictionary(p => p.Key, p => (IReadOnlyList<HoursDecl>)p.Value);
    }

    /// <summary>Reads one interval, a list of intervals, or <c>closed</c>.</summary>
    private List<HoursDecl> ReadIntervals(YamlNode node, string what)
    {
        var result = new List<HoursDecl>();
        IEnumerable<YamlNode> items = node switch
        {
            YamlSequence seq => seq.Items,
            _ => [node],
        };
        foreach (var item in items)
        {
            if (MappingView.ExpectScalar(item, $"an interval of {what}", _d) is not { } s)
            {
                continue;
            }

            if (s.Value.Trim() == "closed")
            {
                if (node is YamlSequence)
                {
                    _d.Error(DiagnosticCodes.InvalidHours, s.Location, $"'closed' stands alone in {what}, not inside a list of intervals");
                }

                continue;
            }

            if (ScalarSyntax.TryParseHours(s.Value, out var start, out var end, out var error))
            {
                result.Add(new HoursDecl(start, end, s.Location));
            }
            else
            {
                _d.Error(DiagnosticCodes.InvalidHours, s.Location, error);
            }
        }

        return result;
    }

    private void CheckOverlaps(List<HoursDecl> intervals, string calendarId, HashSet<HoursDecl> reported)
    {
        // Sorted by start; the later interval is the one reported, at its own position.
        var sorted = intervals.OrderBy(i => i.Minutes.Start).ThenBy(i => i.Location.Line).ThenBy(i => i.Location.Column).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            var later = sorted[i];
            for (var j = 0; j < i; j++)
            {
                var earlier = sorted[j];
                if (later.Minutes.Start < earlier.Minutes.End && reported.Add(later))
                {
                    _d.Error(
                        DiagnosticCodes.OverlappingHours,
                        later.Location,
                        $"hours {Format(later)} overlap {Format(earlier)} on the same day of calendar '{calendarId}': merge them into one interval");
                }
            }
        }
    }

    private static string Format(HoursDecl h) =>
        $"{h.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{(h.End == LocalTime.Midnight && h.Start != LocalTime.Midnight ? "24:00" : h.End.ToString("HH:mm", CultureInfo.InvariantCulture))}";

    private List<ExceptionDecl> ReadExceptions(YamlNode? node, string calendarId)
    {
        var result = new List<ExceptionDecl>();
        var seen = new HashSet<LocalDate>();
        foreach (var m in Items(node, $"'exceptions' of calendar '{calendarId}'", $"an exception of calendar '{calendarId}'"))
        {
            var view = new MappingView(m, $"an exception of calendar '{calendarId}'", ExceptionKeys, _d);
            var dateNode = view.Scalar("date", required: true);
            var hoursNode = view.Node("hours", required: true);
            if (dateNode is null || hoursNode is null)
            {
                continue;
            }

            if (!ScalarSyntax.TryParseDate(dateNode.Value, out var date, out var error))
            {
                _d.Error(DiagnosticCodes.InvalidDate, dateNode.Location, error);
                continue;
            }

            if (!seen.Add(date))
            {
                _d.Error(DiagnosticCodes.InvalidDate, dateNode.Location, $"calendar '{calendarId}' has two exceptions for {date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}");
                continue;
            }

            var hours = ReadIntervals(hoursNode, $"the exception of {date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)} of calendar '{calendarId}'");
            CheckOverlaps(hours, calendarId, []);
            result.Add(new ExceptionDecl(date, hours, m.Location));
        }

        return result;
    }
}
