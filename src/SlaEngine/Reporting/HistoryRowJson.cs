using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SlaEngine.Evaluation;
using SlaEngine.Events;
using SlaEngine.Ingestion;

namespace SlaEngine.Reporting;

/// <summary>
/// Writes a mapped timeline entry as a history row (one JSON object on one line):
/// <c>{"ticket":"CC-42","at":"2026-11-24T15:00:00Z","id":"10400","set":{"status":"in-progress"}}</c>, the form
/// <c>slaengine map</c> prints and <c>slaengine simulate --history</c> reads. <c>id</c> is left out when the entry has
/// none; instants are written in UTC; enum and team values as their names; lists as arrays.
/// </summary>
public static class HistoryRowJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The entry as one line of JSON (no line break).</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(MappedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Compact))
        {
            Write(writer, entry);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the entry as a JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="entry">The entry.</param>
    public static void Write(Utf8JsonWriter writer, MappedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entry);
        writer.WriteStartObject();
        writer.WriteString("ticket", entry.Ticket);
        writer.WriteString("at", SlaJson.FormatInstant(entry.At));
        if (entry.Id is not null)
        {
            writer.WriteString("id", entry.Id);
        }

        writer.WriteStartObject("set");
        foreach (var (name, value) in entry.Values)
        {
            writer.WritePropertyName(name);
            FieldValueJson.Write(writer, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
