using System;
using System.Collections.Immutable;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SlaEngine.Events;

namespace SlaEngine.Tracking;

/// <summary>
/// A ticket stored as JSON and read back unchanged: <c>{"policy", "policyVersion", "policyDigest", "entries": [{"id"?,
/// "at", "set"}]}</c>, the entries in time order with the values each set, as validated. Reading it under a policy
/// with another digest warns, or refuses on request.
/// </summary>
internal static class TicketJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true };

    public static string ToJson(Ticket ticket, bool indented)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, indented ? Indented : Compact))
        {
            Write(writer, ticket);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, Ticket ticket)
    {
        var policy = ticket.Policy;
        writer.WriteStartObject();
        writer.WriteString("policy", policy.Id);
        if (policy.Version is { } version)
        {
            writer.WriteString("policyVersion", version);
        }
        else
        {
            writer.WriteNull("policyVersion");
        }

        writer.WriteString("policyDigest", policy.Digest);
        writer.WriteStartArray("entries");
        foreach (var entry in ticket.Entries)
        {
            writer.WriteStartObject();
            if (entry.Id is { } id)
            {
                writer.WriteString("id", id);
            }

            writer.WriteString("at", Ticket.FormatInstant(entry.At));
            writer.WriteStartObject("set");
            foreach (var (name, _) in entry.Source.RawChanges)
            {
                if (name == EventSchema.IdField)
                {
                    WriteOptional(writer, name, entry.Fields.Id);
                    continue;
                }

                if (policy.Schema.Find(name) is not { } field)
                {
                    continue; // not a field of the policy: ignored when applied, so not stored
                }

                writer.WritePropertyName(name);
                FieldValueJson.Write(writer, entry.Fields[field.Slot]);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static TicketReadResult Read(Policy policy, string json, bool refuseOtherDigest)
    {
        json = SlaEngine.Yaml.SourceText.WithoutBom(json);

        string? id, version, digest;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entries", out _))
            {
                return Refused("a stored ticket is a JSON object {\"policy\", \"policyVersion\", \"policyDigest\", \"entries\": [...]}");
            }

            id = Text(root, "policy");
            version = Text(root, "policyVersion");
            digest = Text(root, "policyDigest");
        }
        catch (JsonException ex)
        {
            return Refused($"the ticket is not valid JSON at {JsonErrorText.Describe(ex)}", (int)(ex.LineNumber ?? -1) + 1, (int)(ex.BytePositionInLine ?? -1) + 1);
        }

        var warnings = ImmutableArray.CreateBuilder<string>();
        if (id != policy.Id)
        {
            warnings.Add($"the ticket was tracked under policy '{id ?? "(none)"}', not '{policy.Id}'");
        }

        if (digest != policy.Digest)
        {
            warnings.Add($"the ticket was tracked under policy version '{version ?? "(none)"}' with digest {digest ?? "(none)"}; this policy ('{policy.Version ?? "(none)"}') has digest {policy.Digest}: its clocks are recomputed under this policy");
        }

        if (refuseOtherDigest && warnings.Count > 0)
        {
            return Refused(string.Join("; ", warnings));
        }

        var read = TimelineReader.FromJson(policy, json);
        return new TicketReadResult(read.Ticket, read.Error, warnings.ToImmutable());
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A refusal in the one error shape; a stored ticket has lines only when its JSON is broken.</summary>
    private static TicketReadResult Refused(string message, int line = 0, int column = 0) =>
        new(null, new SlaEngine.Diagnostics.Diagnostic(SlaEngine.Diagnostics.DiagnosticCodes.MalformedEvent, SlaEngine.Diagnostics.DiagnosticSeverity.Error, message, new SlaEngine.Diagnostics.SourceLocation("<ticket>", line, column)), []);

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
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
