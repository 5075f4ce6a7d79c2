using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using SlaEngine.Diagnostics;
using SlaEngine.Events;

namespace SlaEngine.Ingestion;

/// <summary>What a field mapping does with a value its <c>map</c> does not list.</summary>
internal enum UnmappedRule
{
    /// <summary>The payload fails, naming the value.</summary>
    Error,

    /// <summary>The value is used as it is, and must then be valid for the field.</summary>
    Keep,

    /// <summary>A fixed value, checked when the mapping loads.</summary>
    Default,
}

/// <summary>One entry of a mapping's <c>fields</c>: where a policy field's value is in the payload and how to read it.</summary>
internal sealed class FieldMapping
{
    public FieldMapping(
        FieldDefinition field,
        JsonPointer from,
        FrozenDictionary<string, FieldValue>? map,
        ImmutableArray<string> mapKeys,
        UnmappedRule unmapped,
        FieldValue unmappedDefault,
        bool required,
        bool optional,
        InstantFormat format)
    {
        Field = field;
        From = from;
        Map = map;
        MapKeys = mapKeys;
        Unmapped = unmapped;
        UnmappedDefault = unmappedDefault;
        Required = required;
        Optional = optional;
        Format = format;
    }

    public FieldDefinition Field { get; }

    public JsonPointer From { get; }

    /// <summary>Payload value (as text) to field value; <see cref="FieldValue.Absent"/> means "sets nothing".</summary>
    public FrozenDictionary<string, FieldValue>? Map { get; }

    /// <summary>The map's keys in the mapping's order, for messages.</summary>
    public ImmutableArray<string> MapKeys { get; }

    public UnmappedRule Unmapped { get; }

    public FieldValue UnmappedDefault { get; }

    public bool Required { get; }

    public bool Optional { get; }

    /// <summary>How an instant field's value is written (<c>iso</c> unless the mapping says otherwise).</summary>
    public InstantFormat Format { get; }

    /// <summary>
    /// Reads the field's value from a payload: true with a value (or <see cref="FieldValue.Absent"/> for "sets
    /// nothing"), or false with an error naming the field and the pointer.
    /// </summary>
    public bool TryRead(JsonElement payload, EventSchema schema, out FieldValue value, out MappingError? error)
    {
        value = FieldValue.Absent;
        error = null;
        if (!From.TryResolve(payload, out var found) || found.ValueKind == JsonValueKind.Null)
        {
            if (Required)
            {
                error = new MappingError(DiagnosticCodes.MissingPayloadValue, Field.Name, From.Text, $"{Field.Name}: the payload has no value at {From.Text}, and the mapping requires one");
                return false;
            }

            return true;
        }

        var message = Field.Type switch
        {
            FieldType.Instant when Map is null => ReadInstant(found, out value),
            FieldType.StringList => ReadList(found, out value),
            _ => ReadScalar(found, schema, out value),
        };
        if (message is null)
        {
            return true;
        }

        error = new MappingError(DiagnosticCodes.InvalidPayloadValue, Field.Name, From.Text, $"{Field.Name}: {message} (at {From.Text})");
        return false;
    }

    private string? ReadInstant(JsonElement found, out FieldValue value)
    {
        if (Format.TryRead(found, out var instant, out var error))
        {
            value = FieldValue.FromInstant(instant);
            return null;
        }

        value = FieldValue.Absent;
        return error;
    }

    private string? ReadScalar(JsonElement found, EventSchema schema, out FieldValue value)
    {
        value = FieldValue.Absent;
        if (!JsonPointer.TryScalarText(found, out var text))
        {
            return found.ValueKind == JsonValueKind.String
                ? "the value is not valid Unicode (a lone surrogate escape)"
                : $"expected a single value ({Expected(schema)}), got {InstantFormat.Kind(found)}";
        }

        if (Map is not null)
        {
            if (Map.TryGetValue(text, out value))
            {
                return null;
            }

            switch (Unmapped)
            {
                case UnmappedRule.Default:
                    value = UnmappedDefault;
                    return null;
                case UnmappedRule.Error:
                    return $"'{Short(text)}' is not in the field's map (mapped values: {string.Join(", ", MapKeys.Take(10))}{(MapKeys.Length > 10 ? ", …" : string.Empty)})";
            }
        }

        if (Field.Type == FieldType.Int && found.ValueKind == JsonValueKind.Number && !found.TryGetInt64(out _)
            && found.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue)
        {
            // Jira writes number fields as 40.0: a whole number all the same.
            value = FieldValue.FromInt((long)number);
            return null;
        }

        // Tools such as ServiceNow send every value as a string: "3" reads as a number, "true" as a boolean. Other JSON
        // types keep their type, so a number given for a string field is an error.
        var raw = found.ValueKind == JsonValueKind.String ? RawValue.Plain(text) : EventReader.FromJsonValue(found);
        return EventReader.Convert(Field, schema, raw, out value);
    }

    private string? ReadList(JsonElement found, out FieldValue value)
    {
        value = FieldValue.Absent;
        if (found.ValueKind != JsonValueKind.Array)
        {
            return $"expected a list of strings, got {InstantFormat.Kind(found)}";
        }

        var items = ImmutableArray.CreateBuilder<string>(found.GetArrayLength());
        foreach (var item in found.EnumerateArray())
        {
            if (!JsonPointer.TryScalarText(item, out var text) || item.ValueKind != JsonValueKind.String)
            {
                return $"expected a list of strings, but an item is {InstantFormat.Kind(item)}";
            }

            if (Map is null)
            {
                items.Add(text);
            }
            else if (Map.TryGetValue(text, out var mapped))
            {
                if (!mapped.IsAbsent)
                {
                    items.Add(mapped.Text!);
                }
            }
            else if (Unmapped == UnmappedRule.Default)
            {
                items.Add(UnmappedDefault.Text!);
            }
            else if (Unmapped == UnmappedRule.Keep)
            {
                items.Add(text);
            }
            else
            {
                return $"the item '{Short(text)}' is not in the field's map";
            }
        }

        value = FieldValue.FromList(items.ToImmutable());
        return null;
    }

    private string Expected(EventSchema schema) => Field.Type switch
    {
        FieldType.Enum => "one of " + string.Join(", ", Field.EnumValues),
        FieldType.Team => "a team id such as " + string.Join(", ", schema.TeamIds.Take(3)),
        FieldType.Int => "a whole number",
        FieldType.Bool => "true or false",
        _ => "a string",
    };

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
