using System;
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

    private static string Render(Action<Utf8JsonWriter> write, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, indented ? Indented : Compact))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
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

    /// <summary>Writes a ticket status.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="status">The status.</param>
    public static void Write(Utf8JsonWriter writer, TicketStatus status)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(status);
        writer.WriteStartObject();
        writer.WriteString("at", FormatInstant(status.At));
        writer.WriteStartObject("clocks");
        foreach (var c in status.Clocks)
        {
            writer.WriteStartObject(c.Clock);
            writer.WriteString("state", c.State.ToString().ToLowerInvariant());
            writer.WriteString("elapsed", DurationText.Format(c.Elapsed));
            writer.WriteString("remaining", DurationText.Format(c.Remaining));
            writer.WriteString("target", DurationText.Format(c.Target));
            writer.WriteString("targetText", c.TargetText);
            writer.WriteString("calendar", c.CalendarId);
            if (c.Due is { } due)
            {
                writer.WriteString("due", FormatInstant(due));
            }
            else
            {
                writer.WriteNull("due");
            }

            writer.WriteBoolean("breached", c.Breached);
            if (c.BreachedAt is { } breachedAt)
            {
                writer.WriteString("breachedAt", FormatInstant(breachedAt));
            }
            else
            {
                writer.WriteNull("breachedAt");
            }

            writer.WriteStartArray("escalations");
            foreach (var e in c.Escalations)
            {
                writer.WriteStartObject();
                writer.WriteString("point", e.Point);
                writer.WriteString("at", FormatInstant(e.At));
                Strings(writer, "notify", e.Notify);
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
