using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Yaml;
using SlaEngine.Model;

namespace SlaEngine.Loading;

internal sealed partial class PolicyReader
{
    private List<TeamDecl> ReadTeams(YamlNode? node)
    {
        var result = new List<TeamDecl>();
        foreach (var (id, value) in Entries(node, "'teams'"))
        {
            CheckId(id, "team id");
            if (MappingView.ExpectMapping(value, $"team '{id.Value}'", _d) is not { } mapping)
            {
                // Declared all the same: its shape is the one defect, not every reference to it.
                result.Add(new TeamDecl(id, id.Value, null, null));
                continue;
            }

            var view = new MappingView(mapping, $"team '{id.Value}'", TeamKeys, _d);
            result.Add(new TeamDecl(id, view.Text("name") ?? id.Value, view.Text("description"), view.Located("calendar")));
        }

        return result;
    }

    private List<FieldDecl> ReadFields(YamlNode? node, List<string>? teamIds, HashSet<string> unreadable)
    {
        var result = new List<FieldDecl>();
        foreach (var (name, value) in Entries(node, "'fields'"))
        {
            if (!ScalarSyntax.IsValidFieldName(name.Value))
            {
                _d.Error(DiagnosticCodes.InvalidField, name.Location, $"field name '{YamlTreeReader.Shorten(name.Value)}' must be an identifier ([A-Za-z_][A-Za-z0-9_]*) so rules can name it");
            }
            else if (ReservedFieldNames.Contains(name.Value))
            {
                _d.Error(DiagnosticCodes.InvalidField, name.Location, $"'{name.Value}' is reserved (a built-in field or a word of the rules language) and cannot be declared as a field");
            }

            if (MappingView.ExpectMapping(value, $"field '{name.Value}'", _d) is not { } mapping)
            {
                unreadable.Add(name.Value);
                continue;
            }

            var view = new MappingView(mapping, $"field '{name.Value}'", FieldKeys, _d);
            var typeNode = view.Scalar("type", required: true);
            if (typeNode is null)
            {
                unreadable.Add(name.Value);
                continue;
            }

            if (!FieldTypes.TryGetValue(typeNode.Value.Trim(), out var type))
            {
                _d.Error(
                    DiagnosticCodes.InvalidField,
                    typeNode.Location,
                    $"unknown field type '{YamlTreeReader.Shorten(typeNode.Value)}'{SuggestFieldType(typeNode.Value)}; types are {string.Join(", ", FieldTypes.Keys)}");
                unreadable.Add(name.Value);
                continue;
            }

            var values = new List<Located<string>>();
            if (type == FieldType.Enum)
            {
                var declaredValues = view.ScalarList("values", required: true);
                values = declaredValues ?? [];
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var v in values.Where(v => !seen.Add(v.Value)))
                {
                    _d.Error(DiagnosticCodes.InvalidField, v.Location, $"enum value '{YamlTreeReader.Shorten(v.Value)}' of field '{name.Value}' is listed twice");
                }

                if (declaredValues is { Count: 0 })
                {
                    _d.Error(DiagnosticCodes.InvalidField, view.KeyOf("values")!.Location, $"enum field '{name.Value}' needs at least one value");
                }
            }
            else if (view.KeyOf("values") is { } valuesKey)
            {
                _d.Error(DiagnosticCodes.InvalidField, valuesKey.Location, $"'values' is only for enum fields; field '{name.Value}' is of type {typeNode.Value.Trim()}");
            }

            var defaultNode = view.Node("default");
            var required = view.Bool("required");
            if (defaultNode is not null && required == true)
            {
                _d.Error(DiagnosticCodes.InvalidField, view.KeyOf("required")!.Location, $"field '{name.Value}' has a default, so it is never missing: remove 'required: true'");
            }

            // A default is checked against the values and teams only when those could be read (else reported already).
            var defaultValue = defaultNode is null ? FieldValue.Absent
                : (type == FieldType.Enum && values.Count == 0) || (type == FieldType.Team && teamIds is null) ? FieldValue.Absent
                : ReadDefault(name.Value, type, values, teamIds ?? [], defaultNode);
            result.Add(new FieldDecl(name, type, values, defaultNode is null && required != false, defaultValue, view.Text("description")));
        }

        return result;
    }

    private FieldValue ReadDefault(string field, FieldType type, List<Located<string>> values, List<string> teamIds, YamlNode node)
    {
        var error = FieldValueReader.ReadDefault(node, type, values.Select(v => v.Value).ToImmutableArray(), teamIds, out var value);
        if (error is not null)
        {
            _d.Error(DiagnosticCodes.InvalidField, node.Location, $"default of field '{field}': {error}");
        }

        return value;
    }

    private List<ClockDecl> ReadClocks(YamlNode? node)
    {
        var result = new List<ClockDecl>();
        foreach (var (name, value) in Entries(node, "'clocks'"))
        {
            CheckId(name, "clock name");
            if (MappingView.ExpectMapping(value, $"clock '{name.Value}'", _d) is not { } mapping)
            {
                // Declared all the same: its shape is the one defect, not every target on it.
                result.Add(new ClockDecl(name, null, null, null));
                continue;
            }

            var view = new MappingView(mapping, $"clock '{name.Value}'", ClockKeys, _d);
            result.Add(new ClockDecl(name, view.Text("description"), Expression(view, "pauseWhen"), Expression(view, "stopWhen"))
            {
                Lifecycle = new ClockLifecycleDecl(
                    Expression(view, "startWhen"),
                    Expression(view, "cancelWhen"),
                    Expression(view, "resetWhen"),
                    view.Bool("repeat") ?? false,
                    ReadRetarget(view, name.Value)),
            });
        }

        return result;
    }

    /// <summary>Reads <c>retarget</c>: <c>retroactive</c> (the default) or <c>strictest</c>; true for strictest.</summary>
    private bool ReadRetarget(MappingView view, string clock)
    {
        if (view.Scalar("retarget") is not { } s)
        {
            return false;
        }

        if (s.Value is "retroactive" or "strictest")
        {
            return s.Value == "strictest";
        }

        _d.Error(DiagnosticCodes.InvalidValue, s.Location, $"'retarget' of clock '{clock}' is 'retroactive' or 'strictest', not '{YamlTreeReader.Shorten(s.Value)}'{SuggestionFinder.DidYouMean(s.Value, ["retroactive", "strictest"])}");
        return false;
    }

    private ExpressionDecl? Expression(MappingView view, string key) =>
        view.Scalar(key) is { } s
            ? new ExpressionDecl(s.Value, s.Location, new DeferredPositionMap(_text, s.Value, s.StartIndex, s.Location.Line, s.Location.Column, s.Style, _file))
            : null;

    private List<RuleDecl> ReadRules(YamlNode? node)
    {
        var rules = new RuleList(this);
        foreach (var m in Items(node, "'rules'", "a rule"))
        {
            rules.Add(m);
        }

        return rules.Result;
    }

    /// <summary>
    /// The rules read so far, one mapping at a time and in order: <see cref="ReadRules"/> reads a whole sequence with
    /// it, and <see cref="EarlyRules"/> each item of the sequence as the YAML reader produces it.
    /// </summary>
    private sealed class RuleList(PolicyReader reader)
    {
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private int _index;

        /// <summary>The rules read, in order.</summary>
        public List<RuleDecl> Result { get; } = [];

        /// <summary>Reads one item of the rules' sequence (an item that is not a mapping is reported).</summary>
        public void AddItem(YamlNode item)
        {
            if (MappingView.ExpectMapping(item, "a rule", reader._d) is { } m)
            {
                Add(m);
            }
        }

        /// <summary>Reads one rule.</summary>
        public void Add(YamlMapping m) => Result.Add(reader.ReadRule(m, ++_index, _ids));
    }

    private RuleDecl ReadRule(YamlMapping m, int index, HashSet<string> ids)
    {
        var idEntry = IdOf(m);
        var what = idEntry is null ? string.Create(CultureInfo.InvariantCulture, $"rule #{index}") : $"rule '{YamlTreeReader.Shorten(idEntry.Value)}'";
        var view = new MappingView(m, what, RuleKeys, _d);
        var id = view.Located("id", required: true);
        if (id is { } ruleId)
        {
            CheckId(ruleId, "rule id");
            if (!ids.Add(ruleId.Value))
            {
                _d.Error(DiagnosticCodes.DuplicateId, ruleId.Location, $"duplicate rule id '{ruleId.Value}': every rule needs its own id");
            }
        }

        var ruleName = id?.Value ?? string.Create(CultureInfo.InvariantCulture, $"#{index}");
        ApprovalMode? approval = null;
        if (view.Scalar("approval") is { } approvalNode)
        {
            approval = approvalNode.Value switch
            {
                "all" => ApprovalMode.All,
                "any" => ApprovalMode.Any,
                _ => null,
            };
            if (approval is null)
            {
                _d.Error(DiagnosticCodes.InvalidValue, approvalNode.Location, $"approval of rule '{ruleName}' must be 'all' or 'any', not '{YamlTreeReader.Shorten(approvalNode.Value)}'");
            }
            else if (!view.Has("approvers"))
            {
                _d.Error(DiagnosticCodes.MissingKey, approvalNode.Location, $"rule '{ruleName}' sets 'approval' without 'approvers'");
            }
        }

        return new RuleDecl(
            id ?? new Located<string>(ruleName, m.Location),
            view.Text("description"),
            Expression(view, "when"),
            view.Located("owner"),
            view.ScalarList("approvers"),
            approval,
            view.ScalarList("consulted"),
            view.ScalarList("informed"),
            view.Node("targets") is { } targets ? ReadTargets(targets, ruleName) : Array.Empty<TargetDecl>(),
            view.Node("escalations") is { } escalations ? ReadEscalations(escalations, ruleName) : Array.Empty<EscalationDecl>(),
            ReadNotice(view.Node("notice"), ruleName),
            view.Bool("final") ?? false,
            m.Location);
    }

    /// <summary>The scalar under the key <c>id</c> of a mapping, or null.</summary>
    private static YamlScalar? IdOf(YamlMapping m)
    {
        var entries = m.Entries;
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Key.Value == "id")
            {
                return entries[i].Value as YamlScalar;
            }
        }

        return null;
    }

    private List<TargetDecl> ReadTargets(YamlNode? node, string rule)
    {
        var result = new List<TargetDecl>();
        foreach (var (clock, value) in Entries(node, $"'targets' of rule '{rule}'"))
        {
            YamlScalar? within;
            Located<string>? calendar = null;
            if (value is YamlScalar { IsPlain: true, Value: NoneKeyword } waived)
            {
                result.Add(new TargetDecl(clock, default, waived.Location, null) { Waived = true });
                continue;
            }

            if (value is YamlScalar shorthand && !shorthand.IsNull)
            {
                within = shorthand;
            }
            else if (MappingView.ExpectMapping(value, $"target '{clock.Value}' of rule '{rule}'", _d) is { } mapping)
            {
                var view = new MappingView(mapping, $"target '{clock.Value}' of rule '{rule}'", TargetKeys, _d);
                within = view.Scalar("within", required: true);
                calendar = view.Located("calendar");
            }
            else
            {
                continue;
            }

            if (within is null)
            {
                continue;
            }

            if (!ScalarSyntax.TryParseDuration(within.Value, out var spec, out var error))
            {
                _d.Error(DiagnosticCodes.InvalidDuration, within.Location, error);
                continue;
            }

            result.Add(new TargetDecl(clock, spec, within.Location, calendar));
        }

        return result;
    }

    private List<EscalationDecl> ReadEscalations(YamlNode? node, string rule)
    {
        var result = new List<EscalationDecl>();
        foreach (var m in Items(node, $"'escalations' of rule '{rule}'", $"an escalation of rule '{rule}'"))
        {
            var view = new MappingView(m, $"an escalation of rule '{rule}'", EscalationKeys, _d);
            var clock = view.Located("clock", required: true);
            var at = view.Scalar("at", required: true);
            var notify = view.ScalarList("notify", required: true);
            if (clock is null || at is null || notify is null)
            {
                continue;
            }

            if (!ScalarSyntax.TryParseEscalationPoint(at.Value, out var point, out var error))
            {
                _d.Error(DiagnosticCodes.InvalidEscalation, at.Location, error);
                continue;
            }

            if (notify.Count == 0)
            {
                _d.Error(DiagnosticCodes.MissingKey, view.KeyOf("notify")!.Location, $"an escalation of rule '{rule}' notifies nobody: list at least one team");
            }

            result.Add(new EscalationDecl(clock.Value, point, notify, m.Location));
        }

        return result;
    }

    private NoticeDecl? ReadNotice(YamlNode? node, string rule)
    {
        if (node is YamlScalar { IsPlain: true, Value: NoneKeyword } none)
        {
            return NoticeDecl.None(none.Location);
        }

        if (node is null || MappingView.ExpectMapping(node, $"'notice' of rule '{rule}'", _d) is not { } m)
        {
            return null;
        }

        var view = new MappingView(m, $"the notice of rule '{rule}'", NoticeKeys, _d);
        var to = view.ScalarList("to", required: true);
        var before = view.Located("before", required: true);
        var atLeast = view.Scalar("atLeast", required: true);
        var calendar = view.Located("calendar");
        if (to is null || before is null || atLeast is null)
        {
            return null;
        }

        if (to.Count == 0)
        {
            _d.Error(DiagnosticCodes.MissingKey, view.KeyOf("to")!.Location, $"the notice of rule '{rule}' goes to nobody: list at least one team");
            return null;
        }

        if (!ScalarSyntax.TryParseDuration(atLeast.Value, out var spec, out var error))
        {
            _d.Error(DiagnosticCodes.InvalidDuration, atLeast.Location, error);
            return null;
        }

        return new NoticeDecl(to, before.Value, spec, calendar, m.Location) { Unless = Expression(view, "unless") };
    }

    private List<FreezeDecl> ReadFreezes(YamlNode? node)
    {
        var result = new List<FreezeDecl>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in Items(node, "'freezes'", "a freeze"))
        {
            var view = new MappingView(m, "a freeze", FreezeKeys, _d);
            var id = view.Located("id", required: true);
            var zoneId = view.Located("zone", required: true);
            var from = view.Scalar("from", required: true);
            var to = view.Scalar("to", required: true);
            if (id is { } freezeId)
            {
                CheckId(freezeId, "freeze id");
                if (!ids.Add(freezeId.Value))
                {
                    _d.Error(DiagnosticCodes.DuplicateId, freezeId.Location, $"duplicate freeze id '{freezeId.Value}'");
                }
            }

            var zone = zoneId is { } z ? ResolveZone(z, true) : null;
            if (id is null || zoneId is null || from is null || to is null)
            {
                continue;
            }

            var ok = true;
            if (!ScalarSyntax.TryParseLocalDateTime(from.Value, out var fromValue, out var error))
            {
                _d.Error(DiagnosticCodes.InvalidDate, from.Location, error);
                ok = false;
            }

            if (!ScalarSyntax.TryParseLocalDateTime(to.Value, out var toValue, out error))
            {
                _d.Error(DiagnosticCodes.InvalidDate, to.Location, error);
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            if (toValue <= fromValue)
            {
                _d.Error(DiagnosticCodes.InvalidFreeze, to.Location, $"freeze '{id.Value.Value}' ends ('to') before or when it starts ('from')");
                continue;
            }

            if (zone is not null && !(InInstantRange(fromValue, zone, from, id.Value.Value, "starts ('from')") & InInstantRange(toValue, zone, to, id.Value.Value, "ends ('to')")))
            {
                continue;
            }

            result.Add(new FreezeDecl(id.Value, view.Text("description"), zoneId.Value, zone, fromValue, toValue, Expression(view, "unless"), m.Location));
        }

        return result;
    }

    // A local date-time at the very ends of the calendar, read in a zone far from UTC, can fall outside the instants
    // NodaTime represents (9999-12-31T23:59 in New York is in year 10000 in UTC); the freeze's bounds are computed at
    // compile time, so the error must be reported here, at the value, instead of escaping the loader.
    private bool InInstantRange(NodaTime.LocalDateTime local, NodaTime.DateTimeZone zone, YamlScalar at, string freezeId, string which)
    {
        try
        {
            _ = local.InZone(zone, NodaTime.TimeZones.Resolvers.LenientResolver).ToInstant();
            return true;
        }
        catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
        {
            _d.Error(
                DiagnosticCodes.InvalidFreeze,
                at.Location,
                $"freeze '{freezeId}' {which} at {at.Value} in {zone.Id}, outside the instants SlaEngine can represent (-9998-01-01T00:00Z to 9999-12-31T23:59Z); for a freeze without an end, write a date some years ahead");
            return false;
        }
    }
}
