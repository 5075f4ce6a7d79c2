using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace SlaEngine.Samples.SlaService;

/// <summary>The fields an entry sets, as stored: a JSON object of strings, whole numbers, booleans, instants (ISO text) and string lists.</summary>
internal static class EntrySet
{
    public static string ToJson(IEnumerable<KeyValuePair<string, object?>> set)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in set)
            {
                writer.WritePropertyName(name);
                switch (value)
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case bool b:
                        writer.WriteBooleanValue(b);
                        break;
                    case long n:
                        writer.WriteNumberValue(n);
                        break;
                    case Instant i:
                        writer.WriteStringValue(InstantPattern.ExtendedIso.Format(i));
                        break;
                    case ImmutableArray<string> list:
                        writer.WriteStartArray();
                        foreach (var item in list)
                        {
                            writer.WriteStringValue(item);
                        }

                        writer.WriteEndArray();
                        break;
                    default:
                        writer.WriteStringValue(value.ToString());
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Reads the stored object back as the changes a timeline entry takes (an instant field reads its ISO text).</summary>
    public static List<KeyValuePair<string, object?>> FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var changes = new List<KeyValuePair<string, object?>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            object? value = property.Value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number => property.Value.GetInt64(),
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Array => ReadList(property.Value),
                _ => null,
            };
            changes.Add(new(property.Name, value));
        }

        return changes;
    }

    private static string[] ReadList(JsonElement array)
    {
        var items = new string[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            items[i++] = item.GetString() ?? string.Empty;
        }

        return items;
    }
}
