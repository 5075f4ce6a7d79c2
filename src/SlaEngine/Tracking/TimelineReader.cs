using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Loading;
using SlaEngine.Yaml;

namespace SlaEngine.Tracking;

/// <summary>
/// Reads a timeline from JSON — <c>[{"id"?: …, "at": …, "set": {…}}, …]</c>, the first entry being the submission (its
/// <c>at</c> is <c>submittedAt</c>), or a stored ticket <c>{"policy": …, "entries": […]}</c> — into a raw
/// <see cref="Timeline"/>, and applies one to a policy. Never throws for bad input.
/// </summary>
internal static class TimelineReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static TimelineReadResult FromJson(Policy policy, string json)
    {
        var parsed = Parse(json);
        return parsed.Timeline is { } timeline ? Apply(policy, timeline) : new TimelineReadResult(null, parsed.Error);
    }

    public static (Timeline? Timeline, Diagnostic? Error) Parse(string json)
    {
        // A byte order mark is not JSON, but editors write one.
        json = SourceText.WithoutBom(json);

        try
        {
            using var document = JsonDocument.Parse(json, Options);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("entries", out var entries))
            {
                return Entries(entries);
            }

            return Entries(root);
        }
        catch (JsonException ex)
        {
            var at = new SourceLocation(Input, (int)(ex.LineNumber ?? -1) + 1, (int)(ex.BytePositionInLine ?? -1) + 1);
            return (null, new Diagnostic(DiagnosticCodes.MalformedEvent, DiagnosticSeverity.Error, $"the timeline is not valid JSON at {JsonErrorText.Describe(ex)}", at));
        }
    }

    /// <summary>Applies a raw timeline to a policy: the first entry is the submission, each later one is appended (repeated ids ignored, late entries placed in time order).</summary>
    public static TimelineReadResult Apply(Policy policy, Timeline timeline)
    {
        if (timeline.Entries.IsEmpty)
        {
            return new TimelineReadResult(null, Error(null, "a timeline needs at least its submission entry"));
        }

        var first = timeline.Entries[0];
        var changes = new List<KeyValuePair<string, RawValue>>(first.RawChanges.Length + 1);
        foreach (var change in first.RawChanges)
        {
            if (change.Key == EventSchema.SubmittedAtField)
            {
                return new TimelineReadResult(null, Error(0, "timeline entry 0 (the submission): \"set\" gives submittedAt; the entry's \"at\" is the submission instant"));
            }

            changes.Add(change);
        }

        changes.Add(new(EventSchema.SubmittedAtField, RawValue.Object(first.At)));
        var submission = EventReader.Read(policy.Schema, changes, "<timeline>");
        if (!submission.Success)
        {
            return new TimelineReadResult(null, Error(0, $"timeline entry 0 (the submission): {submission.ErrorMessage}", submission.Errors));
        }

        var ticket = Ticket.Start(policy, submission.Event, first);
        for (var i = 1; i < timeline.Entries.Length; i++)
        {
            try
            {
                ticket = ticket.Append(timeline.Entries[i]);
            }
            catch (TimelineException ex)
            {
                // The ticket numbers entries in time order; the reader names them as written.
                var entry = timeline.Entries[i];
                var message = ex.Message;
                var colon = message.IndexOf(": ", StringComparison.Ordinal);
                var detail = message.Contains("before the submission", StringComparison.Ordinal) ? $"is before the submission at {Ticket.FormatInstant(ticket.SubmittedAt)}" : colon >= 0 ? message[(colon + 2)..] : message;
                return new TimelineReadResult(null, Error(i, $"timeline entry {i}{(entry.Id is { } id ? $" (id '{id}')" : string.Empty)} at {Ticket.FormatInstant(entry.At)}: {detail}", ex.Errors));
            }
        }

        return new TimelineReadResult(ticket, null);
    }

    private static (Timeline?, Diagnostic?) Entries(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() == 0)
        {
            return Refused(null, "a timeline is a non-empty JSON array of entries {\"id\"?: text, \"at\": instant, \"set\": {field: value}}");
        }

        var result = ImmutableArray.CreateBuilder<TimelineEntry>(root.GetArrayLength());
        var index = 0;
        foreach (var entry in root.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return Refused(index, $"timeline entry {index}: an entry is an object {{\"at\": instant, \"set\": {{field: value}}}}, not {Kind(entry)}");
            }

            if (DuplicateOrUnknown(entry) is { } problem)
            {
                return Refused(index, $"timeline entry {index}: {problem}");
            }

            if (!entry.TryGetProperty("at", out var atProperty) || atProperty.ValueKind != JsonValueKind.String)
            {
                return Refused(index, $"timeline entry {index}: needs \"at\": an ISO-8601 instant with an offset");
            }

            if (EventReader.FromJsonValue(atProperty) is not { Kind: RawKind.String, Text: { } atText })
            {
                return Refused(index, $"timeline entry {index}: at: not valid Unicode (a lone surrogate escape)");
            }

            if (!FieldValueReader.TryParseInstant(atText, out var at, out var atError))
            {
                return Refused(index, $"timeline entry {index}: at: {atError}");
            }

            string? id = null;
            if (entry.TryGetProperty("id", out var idProperty))
            {
                if (idProperty.ValueKind is not JsonValueKind.String and not JsonValueKind.Number
                    || EventReader.FromJsonValue(idProperty) is not { Kind: RawKind.String or RawKind.Integer } idValue)
                {
                    return Refused(index, $"timeline entry {index}: \"id\" is the entry's id, a string or a number, not {Kind(idProperty)}");
                }

                id = idValue.Kind == RawKind.String ? idValue.Text : idProperty.GetRawText();
            }

            var changes = ImmutableArray.CreateBuilder<KeyValuePair<string, RawValue>>();
            if (entry.TryGetProperty("set", out var set))
            {
                if (set.ValueKind != JsonValueKind.Object)
                {
                    return Refused(index, $"timeline entry {index}: \"set\" must be an object of field values, not {Kind(set)}");
                }

                foreach (var property in set.EnumerateObject())
                {
                    if (!TryName(property, out var name))
                    {
                        return Refused(index, $"timeline entry {index}: a field name in \"set\" is not valid Unicode (a lone surrogate escape)");
                    }

                    if (name == EventSchema.SubmittedAtField)
                    {
                        return Refused(index, $"timeline entry {index}: \"set\" gives submittedAt; the first entry's \"at\" is the submission instant");
                    }

                    changes.Add(new(name, EventReader.FromJsonValue(property.Value)));
                }
            }

            result.Add(new TimelineEntry(id, at, changes.ToImmutable()));
            index++;
        }

        return (Timeline.From(result.MoveToImmutable()), null);
    }

    /// <summary>
    /// An entry that gives <c>id</c>, <c>at</c> or <c>set</c> twice is refused: which one counts would be a guess. So is
    /// any other key: a misspelt <c>set</c> would otherwise leave the entry's changes unapplied without a word.
    /// </summary>
    private static string? DuplicateOrUnknown(JsonElement entry)
    {
        var seen = new HashSet<string>(3, StringComparer.Ordinal);
        foreach (var property in entry.EnumerateObject())
        {
            var key = Array.Find(EntryKeys, k => property.NameEquals(k));
            if (key is null)
            {
                var name = TryName(property, out var known) ? known : "\\ud800";
                return $"unknown key '{YamlTreeReader.Shorten(name)}'{Diagnostics.SuggestionFinder.DidYouMean(name, EntryKeys)}; an entry holds \"id\", \"at\" and \"set\" only";
            }

            if (!seen.Add(key))
            {
                return $"\"{key}\" is given twice";
            }
        }

        return null;
    }

    private static readonly string[] EntryKeys = ["id", "at", "set"];

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

    /// <summary>The name of a timeline in the locations of its errors.</summary>
    private const string Input = "<timeline>";

    private static (Timeline?, Diagnostic?) Refused(int? entry, string message) => (null, Error(entry, message));

    /// <summary>A refusal in the one error shape: the entry at fault, and the field when one event error names it.</summary>
    private static Diagnostic Error(int? entry, string message, ImmutableArray<Diagnostic> eventErrors = default)
    {
        var single = !eventErrors.IsDefaultOrEmpty && eventErrors.Length == 1 ? eventErrors[0] : null;
        var at = new SourceLocation(Input, 0, 0) { Entry = entry, Path = single?.Location.Path };
        return new Diagnostic(single?.Code ?? DiagnosticCodes.MalformedEvent, DiagnosticSeverity.Error, message, at);
    }
}
