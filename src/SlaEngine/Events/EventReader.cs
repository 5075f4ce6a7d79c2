using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Loading;
using SlaEngine.Yaml;

namespace SlaEngine.Events;

/// <summary>
/// Validates raw event values against an <see cref="EventSchema"/>: a missing required field, a value of the wrong
/// type, an unknown enum value or team, or an instant without an offset is an error naming the field; unknown fields
/// are ignored and reported as information. Reads JSON, YAML nodes and CLR dictionaries.
/// </summary>
internal static class EventReader
{
    /// <summary>How deep a JSON event may nest (events are flat; lists of strings need two levels).</summary>
    private const int MaxJsonDepth = 16;

    public static EventReadResult Read(EventSchema schema, IEnumerable<KeyValuePair<string, RawValue>> values, string source = "<event>")
    {
        var errors = ImmutableArray.CreateBuilder<Diagnostic>();
        var notes = ImmutableArray.CreateBuilder<Diagnostic>();
        var slots = new FieldValue[schema.Fields.Length];
        var given = new bool[slots.Length];
        Instant? submittedAt = null;
        var submittedGiven = false;
        string? id = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, raw) in values)
        {
            if (!seen.Add(name))
            {
                errors.Add(EventDiagnostics.Error(DiagnosticCodes.InvalidEventValue, name, $"{Short(name)}: the field is given twice"));
                continue;
            }

            if (name == EventSchema.SubmittedAtField)
            {
                submittedGiven = raw.Kind != RawKind.Null;
                if (submittedGiven)
                {
                    if (ToInstant(raw, out var instant, out var error))
                    {
                        submittedAt = instant;
                    }
                    else
                    {
                        errors.Add(EventDiagnostics.Error(DiagnosticCodes.InvalidEventValue, name, $"{name}: {error}"));
                    }
                }

                continue;
            }

            if (name == EventSchema.IdField)
            {
                switch (raw.Kind)
                {
                    case RawKind.String or RawKind.Plain:
                        id = raw.Text;
                        break;
                    case RawKind.Integer:
                        id = raw.Number.ToString(CultureInfo.InvariantCulture);
                        break;
                    case RawKind.Null:
                        break;
                    default:
                        errors.Add(EventDiagnostics.Error(DiagnosticCodes.InvalidEventValue, name, $"id: expected a string, got {raw.Describe}"));
                        break;
                }

                continue;
            }

            var field = schema.Find(name);
            if (field is null)
            {
                notes.Add(new Diagnostic(DiagnosticCodes.UnknownEventField, DiagnosticSeverity.Info, $"field '{Short(name)}' is not declared by the policy and is ignored", new SourceLocation(source, 1, 1)));
                continue;
            }

            given[field.Slot] = true;
            if (raw.Kind == RawKind.Null)
            {
                slots[field.Slot] = field.Default;
                continue;
            }

            var message = Convert(field, schema, raw, out var value);
            if (message is null)
            {
                slots[field.Slot] = value;
            }
            else
            {
                // Reported once: the field is not also "required" below.
                slots[field.Slot] = field.Default.IsAbsent ? FieldValue.FromBool(false) : field.Default;
                errors.Add(EventDiagnostics.Error(DiagnosticCodes.InvalidEventValue, name, $"{name}: {message}"));
            }
        }

        if (!submittedGiven)
        {
            errors.Add(EventDiagnostics.Error(DiagnosticCodes.MissingEventField, EventSchema.SubmittedAtField, "submittedAt: the event must say when it was submitted (an ISO-8601 instant with an offset)"));
        }

        foreach (var field in schema.Fields)
        {
            if (given[field.Slot])
            {
                if (slots[field.Slot].IsAbsent && field.IsRequired)
                {
                    errors.Add(EventDiagnostics.Error(DiagnosticCodes.MissingEventField, field.Name, $"{field.Name}: the field is required and may not be null"));
                }

                continue;
            }

            if (field.HasDefault)
            {
                slots[field.Slot] = field.Default;
            }
            else if (field.IsRequired)
            {
                errors.Add(EventDiagnostics.Error(DiagnosticCodes.MissingEventField, field.Name, $"{field.Name}: the field is required{Expected(field, schema)}"));
            }
        }

        var noteArray = notes.ToImmutable();
        if (errors.Count > 0 || submittedAt is null)
        {
            return new EventReadResult(null, errors.ToImmutable(), noteArray);
        }

        return new EventReadResult(new ChangeEvent(schema, submittedAt.Value, id, slots, noteArray), [], noteArray);
    }

    private static string Expected(FieldDefinition field, EventSchema schema) => field.Type switch
    {
        FieldType.Enum => $" (one of {string.Join(", ", field.EnumValues)})",
        FieldType.Team => $" (a team id: {string.Join(", ", schema.TeamIds.Take(10))})",
        _ => $" ({FieldValueReader.Describe(field.Type)})",
    };

    private static string Short(string text) => YamlTreeReader.Shorten(text);

    /// <summary>Converts one raw value to the field's type; returns an error message or null.</summary>
    internal static string? Convert(FieldDefinition field, EventSchema schema, RawValue raw, out FieldValue value)
    {
        value = FieldValue.Absent;
        switch (field.Type)
        {
            case FieldType.String:
                if (raw.Kind is RawKind.String or RawKind.Plain)
                {
                    value = FieldValue.FromString(raw.Text!);
                    return null;
                }

                return $"expected a string, got {raw.Describe}";
            case FieldType.Int:
                if (raw.Kind == RawKind.Integer)
                {
                    value = FieldValue.FromInt(raw.Number);
                    return null;
                }

                if (raw.Kind == RawKind.Plain && long.TryParse(raw.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    value = FieldValue.FromInt(n);
                    return null;
                }

                return $"expected a whole number, got {Describe(raw)}";
            case FieldType.Bool:
                if (raw.Kind == RawKind.Bool || (raw.Kind == RawKind.Plain && raw.Text is "true" or "false"))
                {
                    value = FieldValue.FromBool(raw.Text == "true");
                    return null;
                }

                return $"expected true or false, got {Describe(raw)}";
            case FieldType.Enum:
                if (raw.Kind is RawKind.String or RawKind.Plain)
                {
                    var ordinal = field.EnumOrdinal(raw.Text!);
                    if (ordinal >= 0)
                    {
                        value = FieldValue.FromEnum(ordinal, field.EnumValues[ordinal]);
                        return null;
                    }

                    return $"'{Short(raw.Text!)}' is not one of {string.Join(", ", field.EnumValues)}{SuggestionFinder.DidYouMean(raw.Text!, field.EnumValues)}";
                }

                return $"expected one of {string.Join(", ", field.EnumValues)}, got {raw.Describe}";
            case FieldType.Team:
                if (raw.Kind is RawKind.String or RawKind.Plain)
                {
                    var ordinal = schema.TeamOrdinal(raw.Text!);
                    if (ordinal >= 0)
                    {
                        value = FieldValue.FromTeam(ordinal, schema.TeamIds[ordinal]);
                        return null;
                    }

                    return $"'{Short(raw.Text!)}' is not a team of the policy{SuggestionFinder.DidYouMean(raw.Text!, schema.TeamIds)}";
                }

                return $"expected a team id, got {raw.Describe}";
            case FieldType.Instant:
                if (ToInstant(raw, out var instant, out var error))
                {
                    value = FieldValue.FromInstant(instant);
                    return null;
                }

                return error;
            case FieldType.StringList:
                if (raw.Kind == RawKind.List && raw.Items is { } items)
                {
                    var builder = ImmutableArray.CreateBuilder<string>(items.Count);
                    foreach (var item in items)
                    {
                        if (item.Kind is not (RawKind.String or RawKind.Plain))
                        {
                            return $"expected a list of strings, but an item is {item.Describe}";
                        }

                        builder.Add(item.Text!);
                    }

                    value = FieldValue.FromList(builder.MoveToImmutable());
                    return null;
                }

                return $"expected a list of strings, got {raw.Describe}";
            default:
                return "unsupported field type";
        }
    }

    private static string Describe(RawValue raw) => raw.Kind is RawKind.String or RawKind.Plain ? $"'{Short(raw.Text!)}'" : raw.Describe;

    private static bool ToInstant(RawValue raw, out Instant instant, out string error)
    {
        instant = default;
        switch (raw.Kind)
        {
            case RawKind.String or RawKind.Plain:
                return FieldValueReader.TryParseInstant(raw.Text!, out instant, out error);
            case RawKind.Clr:
                switch (raw.Clr)
                {
                    case Instant i:
                        instant = i;
                        error = string.Empty;
                        return true;
                    case OffsetDateTime o:
                        instant = o.ToInstant();
                        error = string.Empty;
                        return true;
                    case ZonedDateTime z:
                        instant = z.ToInstant();
                        error = string.Empty;
                        return true;
                    case DateTimeOffset dto:
                        instant = Instant.FromDateTimeOffset(dto);
                        error = string.Empty;
                        return true;
                    case DateTime { Kind: DateTimeKind.Utc } dt:
                        instant = Instant.FromDateTimeUtc(dt);
                        error = string.Empty;
                        return true;
                    case DateTime:
                        error = "a DateTime that is not UTC has no offset: pass an Instant, an OffsetDateTime or a DateTimeOffset";
                        return false;
                }

                break;
        }

        error = $"expected an ISO-8601 instant with an offset, such as 2026-11-24T10:00:00-05:00, got {raw.Describe}";
        return false;
    }

    /// <summary>Reads one JSON object as an event.</summary>
    public static EventReadResult FromJson(EventSchema schema, string json, string source = "<event>")
    {
        // A byte order mark is not JSON, but editors write one.
        json = SourceText.WithoutBom(json);

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxJsonDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return FromJson(schema, document.RootElement, source);
        }
        catch (JsonException ex)
        {
            return Malformed($"the event is not valid JSON at {JsonErrorText.Describe(ex)}");
        }
    }

    /// <summary>Reads a JSON element (which must be an object) as an event.</summary>
    public static EventReadResult FromJson(EventSchema schema, JsonElement element, string source = "<event>")
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Malformed($"an event must be a JSON object of field values, not {element.ValueKind.ToString().ToLowerInvariant()}");
        }

        var values = new List<KeyValuePair<string, RawValue>>();
        foreach (var property in element.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException)
            {
                // "\ud800" is valid JSON but no .NET string: System.Text.Json throws when it is read.
                return Malformed("a property name of the event is not valid Unicode (a lone surrogate escape)");
            }

            values.Add(new(name, FromJsonValue(property.Value)));
        }

        return Read(schema, values, source);
    }

    internal static RawValue FromJsonValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => StringOf(value),
        JsonValueKind.True => RawValue.Boolean(true),
        JsonValueKind.False => RawValue.Boolean(false),
        JsonValueKind.Null => RawValue.Null,
        JsonValueKind.Number => value.TryGetInt64(out var n) ? RawValue.Integer(n) : RawValue.Unsupported($"the number {Short(value.GetRawText())} (not a whole number in range)"),
        JsonValueKind.Array => RawValue.List([.. value.EnumerateArray().Select(FromJsonValue)]),
        _ => RawValue.Unsupported("an object"),
    };

    private static RawValue StringOf(JsonElement value)
    {
        try
        {
            return RawValue.String(value.GetString()!);
        }
        catch (InvalidOperationException)
        {
            return RawValue.Unsupported("a string that is not valid Unicode (a lone surrogate escape)");
        }
    }

    /// <summary>Reads a YAML mapping (from a test file or a YAML event file) as an event.</summary>
    public static EventReadResult FromYaml(EventSchema schema, YamlMapping mapping)
    {
        var values = mapping.Entries.Select(e => new KeyValuePair<string, RawValue>(e.Key.Value, FromYamlValue(e.Value)));
        return Read(schema, values, mapping.Location.File);
    }

    internal static RawValue FromYamlValue(YamlNode node) => node switch
    {
        YamlScalar s when s.IsNull => RawValue.Null,
        YamlScalar s when s.IsPlain => RawValue.Plain(s.Value),
        YamlScalar s => RawValue.String(s.Value),
        YamlSequence seq => RawValue.List([.. seq.Items.Select(FromYamlValue)]),
        YamlMapping => RawValue.Unsupported("a mapping"),
        _ => RawValue.Unsupported("an invalid value"),
    };

    /// <summary>Reads CLR values (from C#) as an event.</summary>
    public static EventReadResult FromDictionary(EventSchema schema, IEnumerable<KeyValuePair<string, object?>> values) =>
        Read(schema, values.Select(p => new KeyValuePair<string, RawValue>(p.Key, FromClr(p.Value))));

    internal static RawValue FromClr(object? value) => value switch
    {
        null => RawValue.Null,
        string s => RawValue.String(s),
        bool b => RawValue.Boolean(b),
        int i => RawValue.Integer(i),
        long l => RawValue.Integer(l),
        short sh => RawValue.Integer(sh),
        byte by => RawValue.Integer(by),
        IEnumerable<string> list => RawValue.List([.. list.Select(x => x is null ? RawValue.Null : RawValue.String(x))]),
        Enum e => RawValue.String(e.ToString()),
        _ => RawValue.Object(value),
    };

    private static EventReadResult Malformed(string message) =>
        new(null, [EventDiagnostics.Error(DiagnosticCodes.MalformedEvent, string.Empty, message)], []);
}
