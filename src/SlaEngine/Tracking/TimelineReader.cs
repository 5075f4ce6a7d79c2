using System.Collections.Generic;
using System.Text.Json;
using SlaEngine.Events;
using SlaEngine.Loading;

namespace SlaEngine.Tracking;

/// <summary>
/// Reads a timeline from JSON — <c>[{"at": …, "set": {…}}, …]</c>, the first entry being the submission (its <c>at</c>
/// is <c>submittedAt</c>) — into a <see cref="Ticket"/>. Never throws for bad input.
/// </summary>
internal static class TimelineReader
{
    public static TimelineReadResult FromJson(Policy policy, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return FromJson(policy, document.RootElement);
        }
        catch (JsonException ex)
        {
            return Refused($"the timeline is not valid JSON: {ex.Message}");
        }
    }

    private static TimelineReadResult FromJson(Policy policy, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
        {
            return Refused("a timeline is a non-empty JSON array of entries {\"at\": instant, \"set\": {field: value}}");
        }

        Ticket? ticket = null;
        var index = 0;
        foreach (var entry in root.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("at", out var atProperty) || atProperty.ValueKind != JsonValueKind.String)
            {
                return Refused($"timeline entry {index}: needs \"at\": an ISO-8601 instant with an offset");
            }

            if (!FieldValueReader.TryParseInstant(atProperty.GetString()!, out var at, out var atError))
            {
                return Refused($"timeline entry {index}: at: {atError}");
            }

            var changes = new List<KeyValuePair<string, RawValue>>();
            if (entry.TryGetProperty("set", out var set))
            {
                if (set.ValueKind != JsonValueKind.Object)
                {
                    return Refused($"timeline entry {index}: \"set\" must be an object of field values");
                }

                foreach (var property in set.EnumerateObject())
                {
                    changes.Add(new(property.Name, EventReader.FromJsonValue(property.Value)));
                }
            }

            if (ticket is null)
            {
                changes.Add(new(EventSchema.SubmittedAtField, RawValue.Object(at)));
                var submission = EventReader.Read(policy.Schema, changes);
                if (!submission.Success)
                {
                    return Refused($"timeline entry 0 (the submission): {submission.ErrorMessage}");
                }

                ticket = policy.Track(submission.Event);
            }
            else
            {
                try
                {
                    ticket = ticket.Append(at, changes);
                }
                catch (TimelineException ex)
                {
                    return Refused(ex.Message);
                }
            }

            index++;
        }

        return new TimelineReadResult(ticket, null);
    }

    private static TimelineReadResult Refused(string error) => new(null, error);
}
