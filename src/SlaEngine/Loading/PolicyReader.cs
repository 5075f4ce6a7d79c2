using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Expressions;
using SlaEngine.Yaml;
using SlaEngine.Model;

namespace SlaEngine.Loading;

/// <summary>
/// Reads a policy's YAML tree into the declared model (<see cref="PolicyDecl"/>), reporting every structural
/// problem and every unresolved reference. It does not parse expressions or build calendars: that is the compiler's job.
/// </summary>
internal sealed partial class PolicyReader
{
    public const string SupportedFormat = "slaengine/v1";
    public const string AlwaysOpenCalendarId = "24x7";
    public const string OwnerCalendarKeyword = "owner";

    /// <summary>The word that waives a facet: <c>notice: none</c>, <c>targets: { resolve: none }</c>.</summary>
    public const string NoneKeyword = "none";

    private static readonly string[] TopKeys = ["format", "policy", "version", "description", "holidaySets", "calendars", "teams", "fields", "clocks", "rules", "freezes"];
    private static readonly string[] CalendarKeys = ["zone", "name", "description", "hours", "holidays", "exceptions"];
    private static readonly string[] HolidayKeys = ["date", "yearly", "easter", "set", "name", "church", "from", "until", "observed"];
    private static readonly string[] ExceptionKeys = ["date", "hours", "name"];
    private static readonly string[] TeamKeys = ["name", "calendar", "description"];
    private static readonly string[] FieldKeys = ["type", "values", "default", "required", "description"];
    private static readonly string[] ClockKeys = ["pauseWhen", "stopWhen", "startWhen", "cancelWhen", "resetWhen", "repeat", "retarget", "description"];
    private static readonly string[] RuleKeys = ["id", "description", "when", "owner", "approvers", "approval", "consulted", "informed", "targets", "escalations", "notice", "final"];
    private static readonly string[] TargetKeys = ["within", "calendar"];
    private static readonly string[] EscalationKeys = ["clock", "at", "notify"];
    private static readonly string[] NoticeKeys = ["to", "before", "atLeast", "calendar", "unless"];
    private static readonly string[] FreezeKeys = ["id", "description", "zone", "from", "to", "unless"];

    /// <summary>Names the rules language reserves, which fields may not take.</summary>
    internal static readonly HashSet<string> ReservedFieldNames = new(StringComparer.Ordinal)
    {
        EventSchema.SubmittedAtField, EventSchema.IdField, "and", "or", "not", "in", "true", "false", "null", "has", "size", "open", "changed",
    };

    private static readonly Dictionary<string, FieldType> FieldTypes = new(StringComparer.Ordinal)
    {
        ["string"] = FieldType.String,
        ["int"] = FieldType.Int,
        ["bool"] = FieldType.Bool,
        ["enum"] = FieldType.Enum,
        ["team"] = FieldType.Team,
        ["instant"] = FieldType.Instant,
        ["list<string>"] = FieldType.StringList,
    };

    /// <summary>Type names from other schema languages, mapped to the field type a policy author most likely meant.</summary>
    private static readonly Dictionary<string, string> FieldTypeAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["integer"] = "int", ["number"] = "int", ["long"] = "int", ["int32"] = "int", ["int64"] = "int",
        ["boolean"] = "bool", ["text"] = "string", ["str"] = "string",
        ["datetime"] = "instant", ["date-time"] = "instant", ["timestamp"] = "instant", ["time"] = "instant",
        ["list"] = "list<string>", ["array"] = "list<string>", ["string[]"] = "list<string>", ["list<str>"] = "list<string>",
        ["enumeration"] = "enum",
    };

    /// <summary>" (did you mean 'x'?)" for an unknown field type: a known alias first, else the closest spelling.</summary>
    private static string SuggestFieldType(string text) =>
        FieldTypeAliases.TryGetValue(text.Trim(), out var meant)
            ? $" (did you mean '{meant}'?)"
            : SuggestionFinder.DidYouMean(text, FieldTypes.Keys);

    private readonly string _file;
    private readonly string _text;
    private readonly DiagnosticBag _d;
    private readonly IDateTimeZoneProvider _zones;
    private readonly EarlyRules? _early;

    private PolicyReader(string file, string text, DiagnosticBag diagnostics, IDateTimeZoneProvider zones, EarlyRules? early)
    {
        _file = file;
        _text = text;
        _d = diagnostics;
        _zones = zones;
        _early = early;
    }

    /// <summary>Reads the tree; returns null when the document is not even a mapping with an id.</summary>
    /// <param name="root">The document's root node.</param>
    /// <param name="file">The file name for diagnostics.</param>
    /// <param name="text">The document's text.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="zones">The time zone database zone ids are resolved in (NodaTime's bundled tz database when null).</param>
    public static PolicyDecl? Read(YamlNode? root, string file, string text, DiagnosticBag diagnostics, IDateTimeZoneProvider? zones = null) =>
        Read(root, file, text, diagnostics, zones, null);

    /// <summary>Reads the tree, taking the rules from <paramref name="early"/> when it read the very sequence the tree holds.</summary>
    /// <param name="root">The document's root node.</param>
    /// <param name="file">The file name for diagnostics.</param>
    /// <param name="text">The document's text.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="zones">The time zone database zone ids are resolved in (NodaTime's bundled tz database when null).</param>
    /// <param name="early">The rules read while the YAML was read, or null.</param>
    public static PolicyDecl? Read(YamlNode? root, string file, string text, DiagnosticBag diagnostics, IDateTimeZoneProvider? zones, EarlyRules? early)
    {
        var reader = new PolicyReader(file, text, diagnostics, zones ?? DateTimeZoneProviders.Tzdb, early);
        return reader.ReadPolicy(root);
    }

    /// <summary>
    /// The rules of a policy, read one at a time while the YAML reader reads the file, so that the YAML of a rule is
    /// garbage as soon as its declaration is built (a policy of many rules never holds the tree of all of them).
    /// Their diagnostics are kept apart: <see cref="Read(YamlNode?, string, string, DiagnosticBag, IDateTimeZoneProvider?, EarlyRules?)"/>
    /// takes the rules and their diagnostics where it would have read the rules, and only if they came from the
    /// sequence the finished tree holds under <c>rules</c>; otherwise it reads that sequence itself. The policy, its
    /// diagnostics and their order are the same either way.
    /// </summary>
    internal sealed class EarlyRules
    {
        private readonly DiagnosticBag _diagnostics = new();
        private readonly RuleList _rules;

        /// <summary>Creates the reader of the rules of one file.</summary>
        /// <param name="file">The file name for diagnostics.</param>
        /// <param name="text">The document's text.</param>
        /// <param name="zones">The time zone database of the load.</param>
        public EarlyRules(string file, string text, IDateTimeZoneProvider? zones)
        {
            _rules = new RuleList(new PolicyReader(file, text, _diagnostics, zones ?? DateTimeZoneProviders.Tzdb, null));
            Observer = new SequenceObserver("rules", _rules.AddItem);
        }

        /// <summary>What to hand <see cref="YamlTreeReader.Read(string, string, DiagnosticBag, SequenceObserver?)"/>.</summary>
        public SequenceObserver Observer { get; }

        /// <summary>Hands over the rules read and adds their diagnostics to <paramref name="diagnostics"/>, in order.</summary>
        internal List<RuleDecl> TakeInto(DiagnosticBag diagnostics)
        {
            diagnostics.AddAll(_diagnostics);
            return _rules.Result;
        }
    }

    private PolicyDecl? ReadPolicy(YamlNode? root)
    {
        if (root is null || (root is YamlScalar s && s.IsNull))
        {
            _d.Error(DiagnosticCodes.EmptyDocument, new SourceLocation(_file, 1, 1), "the policy file is empty: it must be a mapping starting with 'format: slaengine/v1'");
            return null;
        }

        if (root is not YamlMapping rootMapping)
        {
            if (root is not YamlPoisoned)
            {
                _d.Error(DiagnosticCodes.EmptyDocument, root.Location, $"a policy file must be a mapping of keys (format, policy, calendars, teams, fields, clocks, rules, freezes), not {root.ShapeName}");
            }

            return null;
        }

        var top = new MappingView(rootMapping, "the policy", TopKeys, _d);
        var format = top.Scalar("format", required: true);
        if (format is not null && format.Value != SupportedFormat)
        {
            _d.Error(DiagnosticCodes.UnsupportedFormat, format.Location, $"unsupported format '{YamlTreeReader.Shorten(format.Value)}': this version of SlaEngine reads '{SupportedFormat}'");
        }

        var id = top.Located("policy", required: true) ?? new Located<string>("unnamed", rootMapping.Location);
        CheckId(id, "policy id");

        var holidaySets = ReadHolidaySets(top.Node("holidaySets"));
        var calendars = ReadCalendars(top.Node("calendars"), holidaySets);
        var teams = ReadTeams(top.Node("teams"));
        var teamsUnreadable = top.IsUnreadableSection("teams");
        // Declaration order: a team value's ordinal is its position here.
        var teamIds = teams.Select(t => t.Id.Value).ToList();
        var unreadableFields = new HashSet<string>(StringComparer.Ordinal);
        var fields = ReadFields(top.Node("fields"), teamsUnreadable ? null : teamIds, unreadableFields);
        var clocks = ReadClocks(top.Node("clocks"));
        var rulesNode = top.Node("rules");
        var rules = _early is { Observer.Sequence: { } early } && ReferenceEquals(early, rulesNode) ? _early.TakeInto(_d) : ReadRules(rulesNode);
        var freezes = ReadFreezes(top.Node("freezes"));

        var policy = new PolicyDecl(_file, _text, id, top.Text("version"), top.Text("description"), calendars, teams, fields, clocks, rules, freezes)
        {
            Unreadable = new UnreadableDecls(
                teamsUnreadable,
                top.IsUnreadableSection("calendars"),
                top.IsUnreadableSection("clocks"),
                top.IsUnreadableSection("fields"),
                unreadableFields),
        };
        ReferenceChecker.Check(policy, _d);
        return policy;
    }

    private void CheckId(Located<string> id, string what)
    {
        if (!ScalarSyntax.IsValidId(id.Value))
        {
            _d.Error(DiagnosticCodes.InvalidId, id.Location, $"{what} '{YamlTreeReader.Shorten(id.Value)}' must match [a-z0-9][a-z0-9-]* (lower-case letters, digits and dashes)");
        }
    }

    private IEnumerable<(Located<string> Key, YamlNode Value)> Entries(YamlNode? node, string what)
    {
        if (node is null || MappingView.ExpectMapping(node, what, _d) is not { } mapping)
        {
            yield break;
        }

        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is YamlPoisoned)
            {
                continue;
            }

            yield return (new Located<string>(entry.Key.Value, entry.Key.Location), entry.Value);
        }
    }

    private IEnumerable<YamlMapping> Items(YamlNode? node, string what, string itemWhat)
    {
        if (node is null || MappingView.ExpectSequence(node, what, _d) is not { } seq)
        {
            yield break;
        }

        foreach (var item in seq.Items)
        {
            if (MappingView.ExpectMapping(item, itemWhat, _d) is { } m)
            {
                yield return m;
            }
        }
    }

    private static string Text(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
