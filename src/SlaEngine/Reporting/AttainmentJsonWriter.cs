using System;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using SlaEngine.Evaluation;
using SlaEngine.Replay;

namespace SlaEngine.Reporting;

/// <summary>
/// Writes an <see cref="AttainmentReport"/> as JSON (format <c>slaengine/attainment-v1</c>): every count, the
/// non-empty buckets of each elapsed ÷ target distribution (so that shards' partial reports can be merged), and the
/// figures derived from them. The same report gives the same bytes.
/// </summary>
public static class AttainmentJsonWriter
{
    /// <summary>Writes the report as indented JSON, UTF-8, with a final newline.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write (left open).</param>
    public static void Write(AttainmentReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, report);
        }

        output.WriteByte((byte)'\n');
    }

    /// <summary>The report as indented JSON text.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON, with a final newline.</returns>
    public static string ToJson(AttainmentReport report)
    {
        using var stream = new MemoryStream();
        Write(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the report as one JSON object.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="report">The report.</param>
    public static void Write(Utf8JsonWriter writer, AttainmentReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteString("format", AttainmentReport.FormatName);
        writer.WriteString("at", SlaJson.FormatInstant(report.At));
        if (report.Shard is { } shard)
        {
            writer.WriteString("shard", shard.ToString());
        }
        else
        {
            writer.WriteNull("shard");
        }

        writer.WriteStartArray("by");
        foreach (var field in report.By)
        {
            writer.WriteStringValue(field);
        }

        writer.WriteEndArray();
        WriteHistory(writer, report.History);
        writer.WriteStartArray("policies");
        foreach (var policy in report.Policies)
        {
            WritePolicy(writer, policy);
        }

        writer.WriteEndArray();
        if (report.IsComparison)
        {
            writer.WriteStartObject("differences");
            writer.WriteNumber("count", report.DifferenceCount);
            writer.WriteStartArray("first");
            foreach (var d in report.Differences)
            {
                writer.WriteStartObject();
                writer.WriteString("ticket", d.Ticket);
                writer.WriteString("clock", d.Clock);
                writer.WriteNumber("cycle", d.Cycle);
                WriteNullable(writer, "owner", d.Owner);
                WriteNullable(writer, "outcome", d.Outcome is { } o ? OutcomeName(o) : null);
                WriteNullable(writer, "otherOwner", d.OtherOwner);
                WriteNullable(writer, "otherOutcome", d.OtherOutcome is { } oo ? OutcomeName(oo) : null);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>The name of an outcome in reports: <c>met</c>, <c>breached</c>, <c>cancelled</c>, <c>reset</c>, <c>running</c>, <c>not-started</c>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The name.</returns>
    public static string OutcomeName(CycleOutcome outcome) => outcome switch
    {
        CycleOutcome.Met => "met",
        CycleOutcome.Breached => "breached",
        CycleOutcome.Cancelled => "cancelled",
        CycleOutcome.Reset => "reset",
        CycleOutcome.Running => "running",
        _ => "not-started",
    };

    private static void WriteHistory(Utf8JsonWriter writer, HistorySummary history)
    {
        writer.WriteStartObject("history");
        writer.WriteNumber("rows", history.Rows);
        writer.WriteNumber("tickets", history.Tickets);
        writer.WriteNumber("badRows", history.BadRows);
        writer.WriteNumber("rowsAfterEnd", history.RowsAfterEnd);
        writer.WriteNumber("rowsAfterAt", history.RowsAfterAt);
        writer.WriteNumber("duplicateRows", history.DuplicateRows);
        writer.WriteStartArray("firstBadRows");
        foreach (var error in history.FirstBadRows)
        {
            writer.WriteStartObject();
            writer.WriteNumber("line", error.Line);
            WriteNullable(writer, "ticket", error.Ticket);
            WriteNullable(writer, "field", error.Field);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter writer, PolicyAttainment policy)
    {
        writer.WriteStartObject();
        writer.WriteString("policy", policy.PolicyId);
        WriteNullable(writer, "version", policy.PolicyVersion);
        writer.WriteStartArray("clocks");
        foreach (var clock in policy.Clocks)
        {
            writer.WriteStartObject();
            writer.WriteString("clock", clock.Clock);
            writer.WritePropertyName("total");
            WriteFigures(writer, clock.Total, null);
            WriteGroups(writer, "byOwner", clock.ByOwner);
            WriteGroups(writer, "byWeek", clock.ByWeek);
            writer.WriteStartArray("byField");
            foreach (var field in clock.ByField)
            {
                writer.WriteStartObject();
                writer.WriteString("field", field.Field);
                WriteGroups(writer, "groups", field.Groups);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("escalations");
        foreach (var e in policy.Escalations)
        {
            writer.WriteStartObject();
            writer.WriteString("team", e.Team);
            writer.WriteString("clock", e.Clock);
            writer.WriteNumber("count", e.Count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteGroups(Utf8JsonWriter writer, string name, System.Collections.Immutable.ImmutableArray<AttainmentGroup> groups)
    {
        writer.WriteStartArray(name);
        foreach (var group in groups)
        {
            WriteFigures(writer, group.Figures, group.Key);
        }

        writer.WriteEndArray();
    }

    private static void WriteFigures(Utf8JsonWriter writer, AttainmentFigures figures, string? key)
    {
        writer.WriteStartObject();
        if (key is not null)
        {
            writer.WriteString("key", key);
        }

        writer.WriteNumber("met", figures.Met);
        writer.WriteNumber("breached", figures.Breached);
        writer.WriteNumber("cancelled", figures.Cancelled);
        writer.WriteNumber("reset", figures.Reset);
        writer.WriteNumber("running", figures.Running);
        writer.WriteNumber("notStarted", figures.NotStarted);
        WriteNumber(writer, "attainment", figures.Attainment is { } a ? Math.Round(a, 4) : null);
        writer.WriteStartObject("ratio");
        writer.WriteNumber("count", figures.Ratio.Count);
        WriteNumber(writer, "p50", figures.Ratio.P50);
        WriteNumber(writer, "p90", figures.Ratio.P90);
        WriteNumber(writer, "max", figures.Ratio.Max);
        writer.WriteStartArray("buckets");
        foreach (var bucket in figures.Ratio.Buckets)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(bucket.Index);
            writer.WriteNumberValue(bucket.Count);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
