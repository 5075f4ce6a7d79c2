using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Diagnostics;
using SlaEngine.Yaml;
using SlaEngine.Model;

namespace SlaEngine.Loading;

/// <content>Holiday entries: dates, yearly rules, Easter-relative days, shared sets, from/until years and observed days.</content>
internal sealed partial class PolicyReader
{
    private const string HolidayForms = "a date, { date: … }, { yearly: … }, { easter: … } or { set: … }";

    private static readonly Dictionary<string, HolidayObservance> Observances = new(StringComparer.Ordinal)
    {
        ["none"] = HolidayObservance.None,
        ["nearest-weekday"] = HolidayObservance.NearestWeekday,
        ["next-weekday"] = HolidayObservance.NextWeekday,
    };

    private static readonly Dictionary<string, EasterChurch> Churches = new(StringComparer.Ordinal)
    {
        ["western"] = EasterChurch.Western,
        ["orthodox"] = EasterChurch.Orthodox,
    };

    /// <summary>Reads the top-level <c>holidaySets</c>: set id to its entries (no <c>set</c> entries: sets do not nest).</summary>
    private Dictionary<string, List<HolidayDecl>> ReadHolidaySets(YamlNode? node)
    {
        var result = new Dictionary<string, List<HolidayDecl>>(StringComparer.Ordinal);
        foreach (var (id, value) in Entries(node, "'holidaySets'"))
        {
            CheckId(id, "holiday set id");
            result[id.Value] = ReadHolidays(value, $"holiday set '{id.Value}'", null);
        }

        return result;
    }

    /// <summary>Reads a list of holiday entries; <paramref name="sets"/> is null inside a set.</summary>
    private List<HolidayDecl> ReadHolidays(YamlNode? node, string owner, IReadOnlyDictionary<string, List<HolidayDecl>>? sets)
    {
        var result = new List<HolidayDecl>();
        if (node is null || MappingView.ExpectSequence(node, $"'holidays' of {owner}", _d) is not { } seq)
        {
            return result;
        }

        foreach (var item in seq.Items)
        {
            switch (item)
            {
                case YamlScalar s:
                    if (ScalarSyntax.TryParseDate(s.Value, out var date, out var error))
                    {
                        result.Add(new HolidayDecl(HolidayKind.Date, date, 0, 0, IsoDayOfWeek.None, 0, null, s.Location));
                    }
                    else
                    {
                        _d.Error(DiagnosticCodes.InvalidHoliday, s.Location, error);
                    }

                    break;
                case YamlMapping m:
                    result.AddRange(ReadHoliday(m, owner, sets));
                    break;
                case YamlPoisoned:
                    break;
                default:
                    _d.Error(DiagnosticCodes.InvalidHoliday, item.Location, $"a holiday of {owner} is {HolidayForms}, not {item.ShapeName}");
                    break;
            }
        }

        return result;
    }

    private IEnumerable<HolidayDecl> ReadHoliday(YamlMapping m, string owner, IReadOnlyDictionary<string, List<HolidayDecl>>? sets)
    {
        var view = new MappingView(m, $"a holiday of {owner}", HolidayKeys, _d);
        string[] forms = ["date", "yearly", "easter", "set"];
        var given = forms.Where(view.Has).ToList();
        if (given.Count == 0)
        {
            if (!view.WasSuggested("date") && !view.WasSuggested("yearly") && !view.WasSuggested("easter") && !view.WasSuggested("set"))
            {
                _d.Error(DiagnosticCodes.MissingKey, m.Location, $"a holiday of {owner} needs 'date: yyyy-MM-dd', 'yearly: \"MM-DD\"' (or \"MM/ddd#N\", \"MM/ddd>=DD\"), 'easter: K' or 'set: ID'");
            }

            return [];
        }

        if (given.Count > 1)
        {
            _d.Error(DiagnosticCodes.InvalidHoliday, view.KeyOf(given[1])!.Location, $"a holiday has one of 'date', 'yearly', 'easter' or 'set', not both '{given[0]}' and '{given[1]}'");
            return [];
        }

        var form = given[0];
        var ok = true;
        ok &= Refuse(view, "church", form != "easter", "'church' belongs to an 'easter' holiday");
        ok &= Refuse(view, "from", form is "date" or "set", form == "date" ? "a dated holiday has its year already: 'from' belongs to 'yearly' and 'easter' holidays" : "'from' belongs to the entries of the set, not to the 'set' entry");
        ok &= Refuse(view, "until", form is "date" or "set", form == "date" ? "a dated holiday has its year already: 'until' belongs to 'yearly' and 'easter' holidays" : "'until' belongs to the entries of the set, not to the 'set' entry");
        ok &= Refuse(view, "observed", form == "easter", "Easter holidays never move: 'observed' belongs to date, yearly and set holidays");
        ok &= Refuse(view, "name", form == "set", "a 'set' entry takes the names of the set's holidays: remove 'name'");
        ok &= Refuse(view, "set", sets is null, "holiday sets do not nest: list the holidays here instead of 'set'");

        var name = view.Text("name");
        var from = ReadYear(view, "from");
        var until = ReadYear(view, "until");
        if (from is { } f && until is { } u && f > u)
        {
            _d.Error(DiagnosticCodes.InvalidHoliday, view.Scalar("until")!.Location, $"'until: {u}' is before 'from: {f}': a holiday is kept from its 'from' year to its 'until' year, inclusive");
            ok = false;
        }

        var observed = ReadChoice(view, "observed", Observances, "'observed' is none, nearest-weekday or next-weekday");
        var church = ReadChoice(view, "church", Churches, "'church' is western (the default) or orthodox");
        ok &= !(view.Has("from") && from is null) && !(view.Has("until") && until is null)
            && !(view.Has("observed") && observed is null) && !(view.Has("church") && church is null);

        var valueNode = view.Scalar(form);
        if (valueNode is null)
        {
            return [];
        }

        HolidayDecl? holiday = null;
        switch (form)
        {
            case "date":
                if (ScalarSyntax.TryParseDate(valueNode.Value, out var date, out var dateError))
                {
                    holiday = new HolidayDecl(HolidayKind.Date, date, 0, 0, IsoDayOfWeek.None, 0, name, valueNode.Location);
                }
                else
                {
                    _d.Error(DiagnosticCodes.InvalidHoliday, valueNode.Location, dateError);
                }

                break;
            case "yearly":
                if (ScalarSyntax.TryParseYearly(valueNode.Value, out var kind, out var month, out var day, out var weekday, out var occurrence, out var yearlyError))
                {
                    holiday = new HolidayDecl(kind, default, month, day, weekday, occurrence, name, valueNode.Location);
                }
                else
                {
                    _d.Error(DiagnosticCodes.InvalidHoliday, valueNode.Location, yearlyError);
                }

                break;
            case "easter":
                if (TryParseInteger(valueNode.Value, out var offset) && Math.Abs(offset) <= EasterHoliday.MaxDaysFromEaster)
                {
                    holiday = new HolidayDecl(HolidayKind.Easter, default, 0, (int)offset, IsoDayOfWeek.None, 0, name, valueNode.Location) { Church = church ?? EasterChurch.Western };
                }
                else
                {
                    _d.Error(DiagnosticCodes.InvalidHoliday, valueNode.Location, $"'easter: {YamlTreeReader.Shorten(valueNode.Value)}' is not a number of days after Easter Sunday from -{EasterHoliday.MaxDaysFromEaster} to {EasterHoliday.MaxDaysFromEaster} (-2 Good Friday, 1 Easter Monday, 39 Ascension Day, 50 Whit Monday)");
                }

                break;
            default:
                return ok && sets is not null ? ExpandSet(valueNode, sets, observed) : [];
        }

        return ok && holiday is not null ? [holiday with { From = from, Until = until, Observed = observed }] : [];
    }

    /// <summary>A set entry stands for the set's holidays; its <c>observed</c> applies to those that do not say their own.</summary>
    private IEnumerable<HolidayDecl> ExpandSet(YamlScalar setNode, IReadOnlyDictionary<string, List<HolidayDecl>> sets, HolidayObservance? observed)
    {
        if (!sets.TryGetValue(setNode.Value, out var entries))
        {
            var known = sets.Count == 0 ? "the policy has no 'holidaySets'" : $"known sets: {string.Join(", ", sets.Keys.Order(StringComparer.Ordinal))}";
            _d.Error(DiagnosticCodes.UnknownHolidaySet, setNode.Location, $"unknown holiday set '{YamlTreeReader.Shorten(setNode.Value)}' ({known}){SuggestionFinder.DidYouMean(setNode.Value, sets.Keys)}");
            return [];
        }

        return entries.Select(e => e.Observed is null && e.Kind != HolidayKind.Easter && observed is not null ? e with { Observed = observed } : e);
    }

    /// <summary>Reports a key that the holiday's form does not take; returns whether all is well.</summary>
    private bool Refuse(MappingView view, string key, bool refused, string message)
    {
        if (refused && view.KeyOf(key) is { } k)
        {
            _d.Error(DiagnosticCodes.InvalidHoliday, k.Location, message);
            return false;
        }

        return true;
    }

    private int? ReadYear(MappingView view, string key)
    {
        if (view.Scalar(key) is not { } node)
        {
            return null;
        }

        if (TryParseInteger(node.Value, out var year) && year is >= 1 and <= 9999)
        {
            return (int)year;
        }

        _d.Error(DiagnosticCodes.InvalidHoliday, node.Location, $"'{key}: {YamlTreeReader.Shorten(node.Value)}' is not a year: write one from 1 to 9999, such as {key}: 2021");
        return null;
    }

    private T? ReadChoice<T>(MappingView view, string key, Dictionary<string, T> choices, string expected)
        where T : struct
    {
        if (view.Scalar(key) is not { } node)
        {
            return null;
        }

        if (choices.TryGetValue(node.Value.Trim(), out var value))
        {
            return value;
        }

        _d.Error(DiagnosticCodes.InvalidHoliday, node.Location, $"unknown {key} '{YamlTreeReader.Shorten(node.Value)}': {expected}{SuggestionFinder.DidYouMean(node.Value, choices.Keys)}");
        return null;
    }

    private static bool TryParseInteger(string text, out long value) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
