using System.Collections.Frozen;
using System.Globalization;
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
    /// Reads the field's value from what the payload has at the pointer (null: nothing there): true with a value (or
    /// <see cref="FieldValue.Absent"/> for "sets nothing"), or false with an error naming the field and the pointer.
    /// </summary>
    public bool TryRead(PayloadValue? at, EventSchema schema, out FieldValue value, out MappingError? error)
    {
        value = FieldValue.Absent;
        error = null;
        if (at is not { IsNull: false } found)
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

    private string? ReadInstant(PayloadValue found, out FieldValue value)
    {
        if (Format.TryRead(found, out var instant, out var error))
        {
            value = FieldValue.FromInstant(instant);
            return null;
        }

        value = FieldValue.Absent;
        return error;
    }

    private string? ReadScalar(PayloadValue found, EventSchema schema, out FieldValue value)
    {
        value = FieldValue.Absent;
        if (!found.TryScalarText(out var text))
        {
            return found.IsInvalidText
                ? "the value is not valid Unicode (a lone surrogate escape)"
                : $"expected a single value ({Expected(schema)}), got {found.Describe()}";
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

        RawValue raw;
        switch (found.Kind)
        {
            case JsonValueKind.String:
                // Tools such as ServiceNow send every value as a string: "3" reads as a number, "true" as a boolean.
                raw = RawValue.Plain(text);
                break;
            case JsonValueKind.Number when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole):
                raw = RawValue.Integer(whole);
                break;
            case JsonValueKind.Number when Field.Type == FieldType.Int
                && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && number == decimal.Truncate(number) && number >= long.MinValue && number <= long.MaxValue:
                // Jira writes number fields as 40.0: a whole number all the same.
                raw = RawValue.Integer((long)number);
                break;
            case JsonValueKind.Number:
                raw = RawValue.Unsupported($"the number {Short(text)} (not a whole number in range)");
                break;
            default:
                // Other JSON types keep their type, so a boolean given for a string field is an error.
                raw = RawValue.Boolean(found.Kind == JsonValueKind.True);
                break;
        }

        return EventReader.Convert(Field, schema, raw, out value);
    }

    private string? ReadList(PayloadValue found, out FieldValue value)
    {
        value = FieldValue.Absent;
        if (found.Items is not { } items)
        {
            return $"expected a list of strings, got {found.Describe()}";
        }

        var list = ImmutableArray.CreateBuilder<string>(items.Length);
        foreach (var item in items)
        {
            if (item.Kind != JsonValueKind.String || !item.TryScalarText(out var text))
            {
                return $"expected a list of strings, but an item is {item.Describe()}";
            }

            if (Map is null)
            {
                list.Add(text);
            }
            else if (Map.TryGetValue(text, out var mapped))
            {
                if (!mapped.IsAbsent)
                {
                    list.Add(mapped.Text!);
                }
            }
            else if (Unmapped == UnmappedRule.Default)
            {
                list.Add(UnmappedDefault.Text!);
            }
            else if (Unmapped == UnmappedRule.Keep)
            {
                list.Add(text);
            }
            else
            {
                return $"the item '{Short(text)}' is not in the field's map";
            }
        }

        value = FieldValue.FromList(list.ToImmutable());
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
