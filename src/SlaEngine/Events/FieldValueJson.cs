using System.Text.Json;
using SlaEngine.Text;

namespace SlaEngine.Events;

/// <summary>Writes a field value as the JSON an event takes back: bool, number, instant text, string list, string, or null when absent.</summary>
internal static class FieldValueJson
{
    /// <summary>Writes <paramref name="value"/> as one JSON value.</summary>
    /// <param name="writer">The writer, positioned where a value goes.</param>
    /// <param name="value">The value.</param>
    public static void Write(Utf8JsonWriter writer, in FieldValue value)
    {
        switch (value.Kind)
        {
            case FieldValueKind.Bool:
                writer.WriteBooleanValue(value.Bool);
                break;
            case FieldValueKind.Int:
                writer.WriteNumberValue(value.Number);
                break;
            case FieldValueKind.Instant:
                writer.WriteStringValue(InstantText.Format(value.Instant));
                break;
            case FieldValueKind.StringList:
                writer.WriteStartArray();
                foreach (var item in value.List)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            case FieldValueKind.Absent:
                writer.WriteNullValue();
                break;
            default:
                writer.WriteStringValue(value.Text);
                break;
        }
    }
}
