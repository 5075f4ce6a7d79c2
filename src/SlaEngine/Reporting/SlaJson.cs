using System;
using System.Buffers;
using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using NodaTime.Text;
using SlaEngine.Evaluation;
using SlaEngine.Events;
using SlaEngine.Policies;
using SlaEngine.Text;
using SlaEngine.Tracking;

namespace SlaEngine.Reporting;

/// <summary>
/// The stable JSON form of decisions and clock statuses: keys in a fixed order, instants as ISO-8601 in UTC with
/// <c>Z</c>, durations in the policy's compact form (<c>38h</c>, <c>4h30m</c>, <c>0h</c>). The same decision always
/// gives the same bytes.
/// </summary>
public static class SlaJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    /// <summary>
    /// Serializer options for callers who serialize SlaEngine's records themselves with System.Text.Json:
    /// NodaTime types as ISO-8601 (camelCase names). The fixed form of <see cref="ToJson(Decision, bool)"/> is preferred for storage.
    /// </summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Formats an instant as ISO-8601 in UTC (<c>2026-11-24T15:00:00Z</c>).</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The text.</returns>
    public static string FormatInstant(Instant instant) => InstantText.Format(instant);

    /// <summary>Parses an ISO-8601 instant that carries an offset or <c>Z</c>; a local time without an offset is refused.</summary>
    /// <param name="text">The text, such as <c>2026-11-24T10:00:00-05:00</c>.</param>
    /// <param name="instant">The instant, when parsed.</param>
    /// <param name="error">Why the text was refused, or empty.</param>
    /// <returns>Whether the text was an instant with an offset.</returns>
    public static bool TryParseInstant(string text, out Instant instant, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        return InstantText.TryParse(text, out instant, out error);
    }

    /// <summary>The decision's stable JSON form: the same decision always gives the same bytes.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(this Decision decision, bool indented = false) => Render(w => Write(w, decision), indented);

    /// <summary>The ticket status as JSON.</summary>
    /// <param name="status">The status.</param>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(this TicketStatus status, bool indented = false) => Render(w => Write(w, status), indented);

    // Each thread renders into its own buffer, kept between calls unless it grew large: a decision that lists
    // thousands of matched rules is written without growing and copying a new buffer every time.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private static string Render(Action<Utf8JsonWriter> write, bool indented)
    {
        const int KeptBytes = 1 << 20;
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(4096);
        t_buffer = null;
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, indented ? Indented : Compact))
            {
                write(writer);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            if (buffer.Capacity <= KeptBytes)
            {
                buffer.ResetWrittenCount();
                t_buffer = buffer;
            }
        }
    }

    /// <summary>Writes a decision.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="decision">The decision.</param>
    public static void Write(Utf8JsonWriter writer, Decision decision)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(decision);
        writer.WriteStartObject();
        writer.WriteString("policy", decision.PolicyId);
        if (decision.PolicyVersion is not null)
        {
            writer.WriteString("policyVersion", decision.PolicyVersion);
        }

        if (decision.EventId is not null)
        {
            writer.WriteString("eventId", decision.EventId);
        }

        writer.WriteString("submittedAt", FormatInstant(decision.SubmittedAt));
        if (decision.Owner is null)
        {
            writer.WriteNull("owner");
        }
        else
        {
            writer.WriteString("owner", decision.Owner);
        }

        Teams(writer, "approvers", decision.ApproverTeams);
        writer.WriteString("approval", decision.Approval == ApprovalMode.Any ? "any" : "all");
        Teams(writer, "consulted", decision.ConsultedTeams);
        Teams(writer, "informed", decision.InformedTeams);
        writer.WriteStartObject("deadlines");
        foreach (var d in decision.Deadlines)
        {
            writer.WriteStartObject(d.Clock);
            writer.WriteString("due", FormatInstant(d.Due));
            writer.WriteString("calendar", d.CalendarId);
            writer.WriteString("target", d.Target);
            writer.WriteString("targetOpenTime", DurationText.Format(d.TargetOpenTime));
            writer.WriteString("decidedBy", d.DecidedBy);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartArray("escalations");
        foreach (var e in decision.Escalations)
        {
            writer.WriteStartObject();
            writer.WriteString("clock", e.Clock);
            writer.WriteString("at", FormatInstant(e.At));
            writer.WriteString("point", e.Point);
            Strings(writer, "notify", e.Notify);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (decision.Notice is { } n)
        {
            writer.WriteStartObject("notice");
            writer.WriteString("due", FormatInstant(n.Due));
            writer.WriteBoolean("met", n.Met);
            Strings(writer, "to", n.To);
            writer.WriteString("before", FormatInstant(n.Before));
            writer.WriteString("atLeast", n.AtLeast);
            writer.WriteString("calendar", n.CalendarId);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("notice");
        }

        writer.WriteStartArray("violations");
        foreach (var v in decision.Violations)
        {
            writer.WriteStartObject();
            writer.WriteString("code", v.Code);
            writer.WriteString("message", v.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("trace");
        writer.WriteStartObject("decidedBy");
        foreach (var f in decision.Trace.DecidedBy)
        {
            writer.WriteString(f.Facet, f.RuleId);
        }

        writer.WriteEndObject();
        Strings(writer, "matched", decision.Trace.Matched);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a ticket status: the instant, when next to look (<c>nextChangeAt</c>) and the steps to come
    /// (<c>pending</c>), each clock's current cycle with its ended cycles, and the decision in force.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="status">The status.</param>
    public static void Write(Utf8JsonWriter writer, TicketStatus status)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(status);
        writer.WriteStartObject();
        writer.WriteString("at", FormatInstant(status.At));
        OptionalInstant(writer, "nextChangeAt", status.NextChangeAt);
        writer.WriteStartArray("pending");
        foreach (var p in status.Pending)
        {
            writer.WriteStartObject();
            writer.WriteString("key", p.Key);
            writer.WriteString("clock", p.Clock);
            writer.WriteNumber("cycle", p.Cycle);
            writer.WriteString("at", p.Point);
            writer.WriteString("due", FormatInstant(p.Due));
            Strings(writer, "notify", p.Notify);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartObject("clocks");
        foreach (var c in status.Clocks)
        {
            writer.WriteStartObject(c.Clock);
            writer.WriteString("state", LifecycleText.State(c.State));
            writer.WriteNumber("cycle", c.Cycle);
            writer.WriteString("elapsed", DurationText.Format(c.Elapsed));
            OptionalDuration(writer, "remaining", c.Remaining);
            OptionalDuration(writer, "target", c.Target);
            OptionalString(writer, "targetText", c.TargetText);
            OptionalString(writer, "calendar", c.CalendarId);
            OptionalInstant(writer, "due", c.Due);
            writer.WriteBoolean("breached", c.Breached);
            OptionalInstant(writer, "breachedAt", c.BreachedAt);
            Fired(writer, c.Escalations);
            ByOwner(writer, c.ElapsedByOwner);
            writer.WriteStartArray("cycles");
            foreach (var cycle in c.Cycles)
            {
                writer.WriteStartObject();
                writer.WriteNumber("cycle", cycle.Number);
                writer.WriteString("start", FormatInstant(cycle.Start));
                writer.WriteString("end", FormatInstant(cycle.End));
                writer.WriteString("endedBy", LifecycleText.End(cycle.EndedBy));
                OptionalDuration(writer, "target", cycle.Target);
                OptionalString(writer, "calendar", cycle.CalendarId);
                writer.WriteString("elapsed", DurationText.Format(cycle.Elapsed));
                writer.WriteBoolean("breached", cycle.Breached);
                OptionalInstant(writer, "breachedAt", cycle.BreachedAt);
                writer.WriteBoolean("met", cycle.Met);
                OptionalString(writer, "owner", cycle.Owner);
                ByOwner(writer, cycle.ElapsedByOwner);
                Fired(writer, cycle.Escalations);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WritePropertyName("decision");
        Write(writer, status.Decision);
        writer.WriteEndObject();
    }

    private static void Fired(Utf8JsonWriter writer, ImmutableArray<FiredEscalation> fired)
    {
        writer.WriteStartArray("escalations");
        foreach (var e in fired)
        {
            writer.WriteStartObject();
            writer.WriteString("key", e.Key);
            writer.WriteString("point", e.Point);
            writer.WriteString("at", FormatInstant(e.At));
            Strings(writer, "notify", e.Notify);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void ByOwner(Utf8JsonWriter writer, ImmutableArray<OwnerElapsed> owners)
    {
        writer.WriteStartObject("elapsedByOwner");
        foreach (var o in owners)
        {
            writer.WriteString(o.Owner ?? LifecycleText.NoOwner, DurationText.Format(o.Elapsed));
        }

        writer.WriteEndObject();
    }

    private static void OptionalInstant(Utf8JsonWriter writer, string name, Instant? value)
    {
        if (value is { } v)
        {
            writer.WriteString(name, FormatInstant(v));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void OptionalDuration(Utf8JsonWriter writer, string name, Duration? value)
    {
        if (value is { } v)
        {
            writer.WriteString(name, DurationText.Format(v));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void OptionalString(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void Teams(Utf8JsonWriter writer, string name, ImmutableArray<Team> teams)
    {
        writer.WriteStartArray(name);
        foreach (var t in teams)
        {
            writer.WriteStringValue(t.Id);
        }

        writer.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter writer, string name, ImmutableArray<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
        {
            writer.WriteStringValue(v);
        }

        writer.WriteEndArray();
    }
}
