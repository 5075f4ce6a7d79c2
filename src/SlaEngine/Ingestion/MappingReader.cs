using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Loading;
using SlaEngine.Yaml;

namespace SlaEngine.Ingestion;

/// <summary>
/// Reads a mapping file's YAML tree against a policy, reporting every problem at once with its position: unknown keys
/// (with a suggestion), unknown policy fields, map values the field cannot take, malformed pointers, bad instant
/// formats, patterns and zones, contradictory keys.
/// </summary>
internal sealed class MappingReader
{
    public const string SupportedFormat = "slaengine-mapping/v1";

    private static readonly string[] TopKeys = ["format", "mapping", "description", "accept", "ticket", "at", "id", "fields"];
    private static readonly string[] SourceKeys = ["from"];
    private static readonly string[] AtKeys = ["from", "format", "pattern", "zone"];
    private static readonly string[] FieldKeys = ["from", "map", "unmapped", "required", "optional", "format", "pattern", "zone", "description"];

    private readonly Policy _policy;
    private readonly DiagnosticBag _d;

    private MappingReader(Policy policy, DiagnosticBag diagnostics)
    {
        _policy = policy;
        _d = diagnostics;
    }

    public static PayloadMapping? Read(YamlNode? root, string file, Policy policy, DiagnosticBag diagnostics) =>
        new MappingReader(policy, diagnostics).ReadMapping(root, file);

    private PayloadMapping? ReadMapping(YamlNode? root, string file)
    {
        if (root is null || root is YamlScalar { IsNull: true })
        {
            _d.Error(DiagnosticCodes.EmptyDocument, new SourceLocation(file, 1, 1), $"the mapping file is empty: it must be a mapping starting with 'format: {SupportedFormat}'");
            return null;
        }

        if (root is not YamlMapping rootMapping)
        {
            if (root is not YamlPoisoned)
            {
                _d.Error(DiagnosticCodes.EmptyDocument, root.Location, $"a mapping file must be a mapping of keys ({string.Join(", ", TopKeys)}), not {root.ShapeName}");
            }

            return null;
        }

        var top = new MappingView(rootMapping, "the mapping", TopKeys, _d);
        var format = top.Scalar("format", required: true);
        if (format is not null && format.Value != SupportedFormat)
        {
            _d.Error(
                DiagnosticCodes.UnsupportedMappingFormat,
                format.Location,
                format.Value == PolicyReader.SupportedFormat
                    ? $"'{PolicyReader.SupportedFormat}' is the format of policy files; a mapping file says 'format: {SupportedFormat}'"
                    : $"unsupported format '{YamlTreeReader.Shorten(format.Value)}': this version of SlaEngine reads mappings in '{SupportedFormat}'");
        }

        var name = top.Scalar("mapping", required: true);
        if (name is not null && !ScalarSyntax.IsValidId(name.Value))
        {
            _d.Error(DiagnosticCodes.InvalidId, name.Location, $"mapping id '{YamlTreeReader.Shorten(name.Value)}' must match [a-z0-9][a-z0-9-]* (lower-case letters, digits and dashes)");
        }

        var accept = ReadAccept(top.Node("accept"));
        var ticket = ReadSource(top.Node("ticket", required: true), "'ticket' in the mapping");
        var (at, atFormat) = ReadAt(top.Node("at", required: true));
        var idNode = top.Node("id");
        var id = idNode is null || idNode is YamlScalar { IsNull: true } ? null : ReadSource(idNode, "'id' in the mapping");
        var fields = ReadFields(top.Node("fields"));

        if (_d.HasErrors || ticket is null || at is null || atFormat is null)
        {
            return null;
        }

        return new PayloadMapping(name!.Value, top.Text("description"), file, _policy, accept, ticket, at, atFormat, id, fields);
    }

    private ImmutableArray<AcceptCondition> ReadAccept(YamlNode? node)
    {
        if (node is null || MappingView.ExpectMapping(node, "'accept' in the mapping", _d) is not { } mapping)
        {
            return [];
        }

        var conditions = ImmutableArray.CreateBuilder<AcceptCondition>(mapping.Entries.Count);
        foreach (var (key, value) in mapping.Entries)
        {
            var pointer = Pointer(key);
            var values = MappingView.ReadScalarList(value, $"the values accepted at '{YamlTreeReader.Shorten(key.Value)}'", _d);
            if (values is { Count: 0 })
            {
                _d.Error(DiagnosticCodes.InvalidValue, value.Location, $"'accept' at '{YamlTreeReader.Shorten(key.Value)}' lists no values, so no payload would ever be accepted");
                continue;
            }

            if (pointer is not null && values is not null)
            {
                conditions.Add(new AcceptCondition(pointer, values.Select(v => v.Value).ToFrozenSet(StringComparer.Ordinal)));
            }
        }

        return conditions.ToImmutable();
    }

    /// <summary>A source written as a pointer or as <c>{ from: pointer }</c>.</summary>
    private JsonPointer? ReadSource(YamlNode? node, string what)
    {
        switch (node)
        {
            case null or YamlPoisoned:
                return null;
            case YamlScalar scalar:
                return Pointer(scalar);
            case YamlMapping mapping:
                var view = new MappingView(mapping, what, SourceKeys, _d);
                return view.Scalar("from", required: true) is { } from ? Pointer(from) : null;
            default:
                _d.Error(DiagnosticCodes.WrongNodeType, node.Location, $"{what} must be a JSON Pointer such as /issue/key, or {{ from: POINTER }}, not {node.ShapeName}");
                return null;
        }
    }

    private (JsonPointer? Pointer, InstantFormat? Format) ReadAt(YamlNode? node)
    {
        switch (node)
        {
            case null or YamlPoisoned:
                return (null, null);
            case YamlScalar scalar:
                return (Pointer(scalar), InstantFormat.Iso);
            case YamlMapping mapping:
                var view = new MappingView(mapping, "'at' in the mapping", AtKeys, _d);
                var from = view.Scalar("from", required: true);
                var pointer = from is null ? null : Pointer(from);
                var format = ReadFormat(view, "'at'", instantField: true);
                return (pointer, format);
            default:
                _d.Error(DiagnosticCodes.WrongNodeType, node.Location, $"'at' in the mapping must be a JSON Pointer, or {{ from: POINTER, format: iso|epoch-ms|epoch-s|local }}, not {node.ShapeName}");
                return (null, null);
        }
    }

    /// <summary>Reads <c>format</c>, <c>pattern</c> and <c>zone</c>; iso when none is given.</summary>
    private InstantFormat? ReadFormat(MappingView view, string what, bool instantField)
    {
        var format = view.Scalar("format");
        var pattern = view.Scalar("pattern");
        var zone = view.Scalar("zone");
        if (!instantField)
        {
            foreach (var key in new[] { "format", "pattern", "zone" })
            {
                if (view.KeyOf(key) is { } given)
                {
                    _d.Error(DiagnosticCodes.InvalidInstantFormat, given.Location, $"'{key}' in {what} applies to instant fields only");
                }
            }

            return null;
        }

        var name = format?.Value ?? InstantFormat.IsoName;
        if (!InstantFormat.Names.Contains(name))
        {
            _d.Error(DiagnosticCodes.InvalidInstantFormat, format!.Location, $"unknown instant format '{YamlTreeReader.Shorten(name)}' in {what}{SuggestionFinder.DidYouMean(name, InstantFormat.Names)}; formats: {string.Join(", ", InstantFormat.Names)}");
            return null;
        }

        if (name != InstantFormat.LocalName)
        {
            foreach (var key in new[] { "pattern", "zone" })
            {
                if (view.KeyOf(key) is { } given)
                {
                    _d.Error(DiagnosticCodes.InvalidInstantFormat, given.Location, $"'{key}' in {what} goes with 'format: local' only");
                }
            }

            return name switch
            {
                InstantFormat.EpochMillisecondsName => InstantFormat.EpochMilliseconds,
                InstantFormat.EpochSecondsName => InstantFormat.EpochSeconds,
                _ => InstantFormat.Iso,
            };
        }

        if (pattern is null || zone is null)
        {
            _d.Error(DiagnosticCodes.InvalidInstantFormat, format!.Location, $"'format: local' in {what} needs 'pattern' (NodaTime syntax, such as uuuu-MM-dd HH:mm:ss) and 'zone' (such as UTC or America/New_York)");
            return null;
        }

        LocalDateTimePattern? localPattern = null;
        try
        {
            localPattern = LocalDateTimePattern.CreateWithInvariantCulture(pattern.Value);
        }
        catch (InvalidPatternException ex)
        {
            _d.Error(DiagnosticCodes.InvalidInstantFormat, pattern.Location, $"the pattern '{YamlTreeReader.Shorten(pattern.Value)}' in {what} is not a NodaTime local date-time pattern: {ex.Message}");
        }

        var tz = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone.Value);
        if (tz is null)
        {
            _d.Error(DiagnosticCodes.UnknownZone, zone.Location, $"unknown time zone '{YamlTreeReader.Shorten(zone.Value)}' in {what}{SuggestionFinder.DidYouMean(zone.Value, DateTimeZoneProviders.Tzdb.Ids)}; use an IANA zone such as UTC or America/New_York");
        }

        return localPattern is null || tz is null ? null : InstantFormat.Local(localPattern, tz);
    }

    private ImmutableArray<FieldMapping> ReadFields(YamlNode? node)
    {
        if (node is null || MappingView.ExpectMapping(node, "'fields' in the mapping", _d) is not { } mapping)
        {
            return [];
        }

        var schema = _policy.Schema;
        var fields = ImmutableArray.CreateBuilder<FieldMapping>(mapping.Entries.Count);
        foreach (var (key, value) in mapping.Entries)
        {
            var field = schema.Find(key.Value);
            if (field is null)
            {
                var why = key.Value switch
                {
                    EventSchema.SubmittedAtField => ": the submission instant is the first entry's 'at'",
                    EventSchema.IdField => ": a mapping's 'id' (beside 'ticket') reads the entry id",
                    _ => SuggestionFinder.DidYouMean(key.Value, schema.Fields.Select(f => f.Name)),
                };
                _d.Error(DiagnosticCodes.UnknownMappedField, key.Location, $"the policy '{_policy.Id}' has no field '{YamlTreeReader.Shorten(key.Value)}'{why}");
                continue;
            }

            if (ReadField(field, value) is { } mapped)
            {
                fields.Add(mapped);
            }
        }

        return fields.ToImmutable();
    }

    private FieldMapping? ReadField(FieldDefinition field, YamlNode node)
    {
        var what = $"the field '{field.Name}'";
        var instant = field.Type == FieldType.Instant;
        switch (node)
        {
            case YamlPoisoned:
                return null;
            case YamlScalar scalar:
                return Pointer(scalar) is { } pointer
                    ? new FieldMapping(field, pointer, null, [], UnmappedRule.Keep, FieldValue.Absent, required: false, optional: false, InstantFormat.Iso)
                    : null;
            case YamlMapping mapping:
                break;
            default:
                _d.Error(DiagnosticCodes.WrongNodeType, node.Location, $"{what} must be a JSON Pointer such as /issue/fields/summary, or {{ from: POINTER, map: …, … }}, not {node.ShapeName}");
                return null;
        }

        var view = new MappingView((YamlMapping)node, what, FieldKeys, _d);
        var from = view.Scalar("from", required: true);
        var fromPointer = from is null ? null : Pointer(from);
        var format = ReadFormat(view, what, instant) ?? InstantFormat.Iso;
        var (map, mapKeys) = view.Node("map") is { } mapNode ? ReadMap(field, mapNode, what) : (null, []);
        var required = view.Bool("required") ?? false;
        var optional = view.Bool("optional") ?? false;
        if (required && optional)
        {
            _d.Error(DiagnosticCodes.ConflictingMappingKeys, view.KeyOf("optional")!.Location, $"{what} cannot be both 'required: true' and 'optional: true'");
        }

        var (unmapped, unmappedDefault) = ReadUnmapped(field, view, what);
        return fromPointer is null
            ? null
            : new FieldMapping(field, fromPointer, map, mapKeys, unmapped, unmappedDefault, required, optional, format);
    }

    private (FrozenDictionary<string, FieldValue>? Map, ImmutableArray<string> Keys) ReadMap(FieldDefinition field, YamlNode node, string what)
    {
        if (MappingView.ExpectMapping(node, $"'map' of {what}", _d) is not { } mapping)
        {
            return (null, []);
        }

        var map = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        foreach (var (key, value) in mapping.Entries)
        {
            if (MappingView.ExpectScalar(value, $"the value mapped from '{YamlTreeReader.Shorten(key.Value)}' in {what}", _d) is not { } scalar)
            {
                continue;
            }

            if (scalar.IsNull)
            {
                // 'hold: ~' — the payload's value sets nothing.
                map[key.Value] = FieldValue.Absent;
                continue;
            }

            if (Value(field, scalar, $"the value mapped from '{YamlTreeReader.Shorten(key.Value)}' in {what}") is { } mapped)
            {
                map[key.Value] = mapped;
            }
        }

        return (map.ToFrozenDictionary(StringComparer.Ordinal), [.. mapping.Entries.Select(e => e.Key.Value)]);
    }

    private (UnmappedRule Rule, FieldValue Default) ReadUnmapped(FieldDefinition field, MappingView view, string what)
    {
        var unmapped = view.Scalar("unmapped");
        if (unmapped is null)
        {
            return (UnmappedRule.Keep, FieldValue.Absent);
        }

        if (!view.Has("map"))
        {
            _d.Error(DiagnosticCodes.ConflictingMappingKeys, view.KeyOf("unmapped")!.Location, $"'unmapped' in {what} says what to do with values its 'map' does not list, but there is no 'map'");
        }

        switch (unmapped.Value)
        {
            case "error" when unmapped.IsPlain:
                return (UnmappedRule.Error, FieldValue.Absent);
            case "keep" when unmapped.IsPlain:
                return (UnmappedRule.Keep, FieldValue.Absent);
            default:
                if (unmapped.IsNull)
                {
                    _d.Error(DiagnosticCodes.InvalidMappedValue, unmapped.Location, $"'unmapped' in {what} must be error, keep, or a value for the field");
                    return (UnmappedRule.Keep, FieldValue.Absent);
                }

                return Value(field, unmapped, $"'unmapped' in {what}") is { } value
                    ? (UnmappedRule.Default, value)
                    : (UnmappedRule.Keep, FieldValue.Absent);
        }
    }

    /// <summary>A value written in the mapping for a field, checked with the one value converter; list fields take one item.</summary>
    private FieldValue? Value(FieldDefinition field, YamlScalar scalar, string what)
    {
        if (field.Type == FieldType.StringList)
        {
            return FieldValue.FromString(scalar.Value);
        }

        var error = EventReader.Convert(field, _policy.Schema, RawValue.Plain(scalar.Value), out var value);
        if (error is null)
        {
            return value;
        }

        _d.Error(DiagnosticCodes.InvalidMappedValue, scalar.Location, $"{what} is not valid for the {FieldValueReader.Describe(field.Type)} field '{field.Name}': {error}");
        return null;
    }

    private JsonPointer? Pointer(YamlScalar scalar)
    {
        if (JsonPointer.TryParse(scalar.Value, out var pointer, out var error))
        {
            return pointer;
        }

        _d.Error(DiagnosticCodes.InvalidPointer, scalar.Location, error);
        return null;
    }
}
