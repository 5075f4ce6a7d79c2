using System;
using System.Collections.Generic;
using System.Text.Json;
using SlaEngine.Events;
using SlaEngine.Loading;
using SlaEngine.Loading.Yaml;

namespace SlaEngine.Tracking;

/// <summary>
/// Reads a timeline from JSON — <c>[{"at": …, "set": {…}}, …]</c>, the first entry being the submission (its <c>at</c>
/// is <c>submittedAt</c>) — into a <see cref="Ticket"/>. Never throws for bad input.
/// </summary>
internal static class TimelineReader
{
    public static TimelineReadResult FromJson(Policy policy, string json)
    {
        if (json.Length > 0 && json[0] == '\uFEFF')
        {
            // A byte order mark is not JSON, but editors write one.
            json = json[1..];
        }

        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return FromJson(policy, document.RootElement);
        }
        catch (JsonException ex)
        {
            return Refused($"the timeline is not valid JSON at {JsonErrorText.Describe(ex)}");
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
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return Refused($"timeline entry {index}: an entry is an object {{\"at\": instant, \"set\": {{field: value}}}}, not {Kind(entry)}");
            }

            if (DuplicateOrUnknown(entry) is { } problem)
            {
                return Refused($"timeline entry {index}: {problem}");
            }

            if (!entry.TryGetProperty("at", out var atProperty) || atProperty.ValueKind != JsonValueKind.String)
            {
                return Refused($"timeline entry {index}: needs \"at\": an ISO-8601 instant with an offset");
            }

            if (EventReader.FromJsonValue(atProperty) is not { Kind: RawKind.String, Text: { } atText })
            {
                return Refused($"timeline entry {index}: at: not valid Unicode (a lone surrogate escape)");
            }

            if (!FieldValueReader.TryParseInstant(atText, out var at, out var atError))
            {
                return Refused($"timeline entry {index}: at: {atError}");
            }

            var changes = new List<KeyValuePair<string, RawValue>>();
            if (entry.TryGetProperty("set", out var set))
            {
                if (set.ValueKind != JsonValueKind.Object)
                {
                    return Refused($"timeline entry {index}: \"set\" must be an object of field values, not {Kind(set)}");
                }

                foreach (var property in set.EnumerateObject())
                {
                    if (!TryName(property, out var name))
                    {
                        return Refused($"timeline entry {index}: a field name in \"set\" is not valid Unicode (a lone surrogate escape)");
                    }

                    if (name == EventSchema.SubmittedAtField)
                    {
                        return Refused($"timeline entry {index}: \"set\" gives submittedAt; the first entry's \"at\" is the submission instant");
                    }

                    changes.Add(new(name, EventReader.FromJsonValue(property.Value)));
                }
            }

            if (ticket is null)
            {
                changes.Add(new(EventSchema.SubmittedAtField, RawValue.Object(at)));
                var submission = EventReader.Read(policy.Schema, changes, "<timeline>");
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

    /// <summary>
    /// An entry that gives <c>at</c> or <c>set</c> twice is refused: which one counts would be a guess. So is any other
    /// key: a misspelt <c>set</c> would otherwise leave the entry's changes unapplied without a word.
    /// </summary>
    private static string? DuplicateOrUnknown(JsonElement entry)
    {
        bool at = false, set = false;
        foreach (var property in entry.EnumerateObject())
        {
            if (property.NameEquals("at"))
            {
                if (at)
                {
                    return "\"at\" is given twice";
                }

                at = true;
            }
            else if (property.NameEquals("set"))
            {
                if (set)
                {
                    return "\"set\" is given twice";
                }

                set = true;
            }
            else
            {
                var name = TryName(property, out var known) ? known : "\\ud800";
                return $"unknown key '{YamlTreeReader.Shorten(name)}'{Diagnostics.SuggestionFinder.DidYouMean(name, EntryKeys)}; an entry holds \"at\" and \"set\" only";
            }
        }

        return null;
    }

    private static readonly string[] EntryKeys = ["at", "set"];

    private static bool TryName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            // "\ud800" is valid JSON but no .NET string: System.Text.Json throws when it is read.
            name = string.Empty;
            return false;
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => "an object",
    };

    private static TimelineReadResult Refused(string error) => new(null, error);
}
