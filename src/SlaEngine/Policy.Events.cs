using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NodaTime;
using SlaEngine.Events;

namespace SlaEngine;

public sealed partial class Policy
{
    /// <summary>
    /// Reads a change event from a JSON object (instants as ISO-8601 with an offset or <c>Z</c>). Text longer than
    /// <see cref="EventFiles.MaxBytes"/> characters (the tool's limit for an event file) is refused unread. Never
    /// throws for bad input.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated event, or errors that name the field at fault.</returns>
    public EventReadResult ReadEvent(string json) => ReadEvent(json, EventFiles.MaxBytes);

    /// <summary>Reads a change event from a JSON object, refusing unread a text longer than <paramref name="maxLength"/> characters. Never throws for bad input.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="maxLength">The longest text read, in UTF-16 characters (at least 1).</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 1.</exception>
    /// <returns>The validated event, or errors that name the field at fault.</returns>
    public EventReadResult ReadEvent(string json, int maxLength)
    {
        System.ArgumentNullException.ThrowIfNull(json);
        if (TooLong(json, maxLength, "the event") is { } tooLong)
        {
            return new EventReadResult(null, [tooLong], []);
        }

        return EventReader.FromJson(Schema, json);
    }

    /// <summary>
    /// Reads a change event from a YAML mapping (instants as ISO-8601 with an offset or <c>Z</c>). Text longer than
    /// <see cref="EventFiles.MaxBytes"/> characters is refused unread. Never throws for bad input.
    /// </summary>
    /// <param name="yaml">The YAML text: one mapping of field values.</param>
    /// <returns>The validated event, or errors that name the field at fault.</returns>
    public EventReadResult ReadEventYaml(string yaml)
    {
        System.ArgumentNullException.ThrowIfNull(yaml);
        if (TooLong(yaml, EventFiles.MaxBytes, "the event") is { } tooLong)
        {
            return new EventReadResult(null, [tooLong], []);
        }

        // A byte order mark (an editor's, or File.ReadAllText of a UTF-16 file) is not part of the first key.
        yaml = SlaEngine.Yaml.SourceText.WithoutBom(yaml);
        var diagnostics = new SlaEngine.Diagnostics.DiagnosticBag();
        var root = SlaEngine.Yaml.YamlTreeReader.Read(yaml, "<event>", diagnostics);
        if (diagnostics.HasErrors || root is not SlaEngine.Yaml.YamlMapping mapping)
        {
            var first = diagnostics.HasErrors ? diagnostics.ToImmutable().First(d => d.IsError) : null;
            var why = first is not null
                ? $"line {first.Location.Line}, column {first.Location.Column}: {first.Message}"
                : "an event must be a YAML mapping of field values";
            return new EventReadResult(null, [EventDiagnostics.Error(SlaEngine.Diagnostics.DiagnosticCodes.MalformedEvent, string.Empty, why)], []);
        }

        return EventReader.FromYaml(Schema, mapping);
    }

    /// <summary>
    /// Reads a batch of change events: one JSON object, a JSON array of objects, or JSON lines (one object per line).
    /// Each event is accepted or refused on its own; the batch fails as a whole only when the text is not JSON.
    /// Never throws for bad input.
    /// </summary>
    /// <param name="json">The batch's text (see <see cref="EventFiles.TryReadText"/> to read it from a file); longer than <see cref="EventFiles.MaxBytes"/> characters, it is refused unread.</param>
    /// <returns>One result per event, in order, or why the text is not JSON (at its 1-based line and column).</returns>
    public EventBatchReadResult ReadEvents(string json) => ReadEvents(json, EventFiles.MaxBytes);

    /// <summary>Reads a batch of change events as <see cref="ReadEvents(string)"/> does, refusing unread a text longer than <paramref name="maxLength"/> characters.</summary>
    /// <param name="json">The batch's text.</param>
    /// <param name="maxLength">The longest text read, in UTF-16 characters (at least 1).</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 1.</exception>
    /// <returns>One result per event, in order, or why the text is not read.</returns>
    public EventBatchReadResult ReadEvents(string json, int maxLength)
    {
        System.ArgumentNullException.ThrowIfNull(json);
        if (TooLong(json, maxLength, "the batch of events") is { } tooLong)
        {
            return new EventBatchReadResult([], tooLong);
        }

        if (!EventFiles.TrySplit(json, out var documents, out var error))
        {
            return new EventBatchReadResult([], error);
        }

        return new EventBatchReadResult([.. documents.Select(d => EventReader.FromJson(Schema, d))], null);
    }

    /// <summary>Reads a change event from a parsed JSON object.</summary>
    /// <param name="json">The JSON object.</param>
    /// <returns>The validated event, or errors that name the field at fault.</returns>
    public EventReadResult ReadEvent(JsonElement json) => EventReader.FromJson(Schema, json);

    /// <summary>Reads a change event from field values given in C# (see <see cref="ChangeEventBuilder"/> for the accepted types).</summary>
    /// <param name="values">Field name → value, including <c>submittedAt</c>.</param>
    /// <returns>The validated event, or errors that name the field at fault.</returns>
    public EventReadResult ReadEvent(IEnumerable<KeyValuePair<string, object?>> values)
    {
        System.ArgumentNullException.ThrowIfNull(values);
        return EventReader.FromDictionary(Schema, values);
    }

    /// <summary>Starts building a change event submitted at an instant.</summary>
    /// <param name="submittedAt">When the request was raised.</param>
    /// <returns>A builder.</returns>
    public ChangeEventBuilder NewEvent(Instant submittedAt) => new(Schema, submittedAt);

    /// <summary>The error for a text over the limit, or null when it is within it.</summary>
    private static SlaEngine.Diagnostics.Diagnostic? TooLong(string text, int maxLength, string what)
    {
        System.ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        return text.Length <= maxLength
            ? null
            : EventDiagnostics.Error(
                SlaEngine.Diagnostics.DiagnosticCodes.MalformedEvent,
                string.Empty,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{what} is {text.Length:N0} characters long, over the limit of {maxLength:N0}: it was not read"));
    }
}
