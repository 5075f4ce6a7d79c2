using System;
using System.Text.Json;

namespace SlaEngine.Ingestion;

/// <summary>
/// A value found at a pointer of a payload, as much of it as a mapping reads: its JSON kind, a string's text or a
/// number as written, and for an array its items (nested arrays and objects by kind only). Read from a parsed
/// document or straight from the bytes, so that both ways of mapping judge values with the same code.
/// </summary>
internal readonly struct PayloadValue
{
    private PayloadValue(JsonValueKind kind, string? text, PayloadValue[]? items, bool invalid)
    {
        Kind = kind;
        Text = text;
        Items = items;
        IsInvalidText = invalid;
    }

    public JsonValueKind Kind { get; }

    /// <summary>A string's value or a number as written; null for other kinds.</summary>
    public string? Text { get; }

    /// <summary>An array's items; null for other kinds.</summary>
    public PayloadValue[]? Items { get; }

    /// <summary>A string that is valid JSON but no .NET string (a lone surrogate escape, invalid UTF-8).</summary>
    public bool IsInvalidText { get; }

    public bool IsNull => Kind is JsonValueKind.Null or JsonValueKind.Undefined;

    public static PayloadValue String(string text) => new(JsonValueKind.String, text, null, false);

    public static PayloadValue InvalidString => new(JsonValueKind.String, null, null, true);

    public static PayloadValue Number(string raw) => new(JsonValueKind.Number, raw, null, false);

    public static PayloadValue Of(JsonValueKind kind) => new(kind, null, null, false);

    public static PayloadValue Array(PayloadValue[] items) => new(JsonValueKind.Array, null, items, false);

    /// <summary>The value of a parsed element; array items one level deep.</summary>
    public static PayloadValue From(JsonElement element, bool withItems = true)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                try
                {
                    return String(element.GetString()!);
                }
                catch (InvalidOperationException)
                {
                    return InvalidString;
                }

            case JsonValueKind.Number:
                return Number(element.GetRawText());
            case JsonValueKind.Array when withItems:
                var items = new PayloadValue[element.GetArrayLength()];
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items[i++] = From(item, withItems: false);
                }

                return Array(items);
            default:
                return Of(element.ValueKind);
        }
    }

    /// <summary>The text a scalar compares as, in <c>accept</c>, <c>map</c> and ids: a string's value, a number as written, true or false.</summary>
    public bool TryScalarText(out string text)
    {
        switch (Kind)
        {
            case JsonValueKind.String when !IsInvalidText:
            case JsonValueKind.Number:
                text = Text!;
                return true;
            case JsonValueKind.True:
                text = "true";
                return true;
            case JsonValueKind.False:
                text = "false";
                return true;
            default:
                text = string.Empty;
                return false;
        }
    }

    /// <summary>The kind for messages: "a string", "a number", "a list", …</summary>
    public string Describe() => Kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
