using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NodaTime;
using SlaEngine.Events;

namespace SlaEngine;

public sealed partial class Policy
{
    /// <summary>Reads a change event from a JSON object (instants as ISO-8601 with an offset or <c>Z</c>). Never throws for bad input.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated event, or errors that name the field at fault.</returns>
    public EventReadResult ReadEvent(string json)
    {
        System.ArgumentNullException.ThrowIfNull(json);
        return EventReader.FromJson(Schema, json);
    }

    /// <summary>Reads a change event from a YAML mapping (instants as ISO-8601 with an offset or <c>Z</c>). Never throws for bad input.</summary>
    /// <param name="yaml">The YAML text: one mapping of field values.</param>
    /// <returns>The validated event, or errors that name the field at fault.</returns>
    public EventReadResult ReadEventYaml(string yaml)
    {
        System.ArgumentNullException.ThrowIfNull(yaml);
        if (yaml.Length > 0 && yaml[0] == '\uFEFF')
        {
            // A byte order mark (an editor's, or File.ReadAllText of a UTF-16 file) is not part of the first key.
            yaml = yaml[1..];
        }

        var diagnostics = new SlaEngine.Diagnostics.DiagnosticBag();
        var root = SlaEngine.Yaml.YamlTreeReader.Read(yaml, "<event>", diagnostics);
        if (diagnostics.HasErrors || root is not SlaEngine.Yaml.YamlMapping mapping)
        {
            var first = diagnostics.HasErrors ? diagnostics.ToImmutable().First(d => d.IsError) : null;
            var why = first is not null
                ? $"line {first.Location.Line}, column {first.Location.Column}: {first.Message}"
                : "an event must be a YAML mapping of field values";
            return new EventReadResult(null, [new EventError(SlaEngine.Diagnostics.DiagnosticCodes.MalformedEvent, string.Empty, why)], []);
        }

        return EventReader.FromYaml(Schema, mapping);
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
}
