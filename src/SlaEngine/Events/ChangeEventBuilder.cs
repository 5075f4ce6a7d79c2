using System;
using System.Collections.Generic;
using NodaTime;

namespace SlaEngine.Events;

/// <summary>
/// Builds a change event from C#: <c>policy.NewEvent(submittedAt).Set("category", "routing").Set("priority", "P3").Build()</c>.
/// Values are strings (also for enum and team fields), bools, ints or longs, <see cref="Instant"/> (or
/// <see cref="OffsetDateTime"/>, <see cref="DateTimeOffset"/>), or sequences of strings. Not thread-safe; the events it builds are.
/// </summary>
public sealed class ChangeEventBuilder
{
    private readonly EventSchema _schema;
    private readonly Dictionary<string, object?> _values = new(StringComparer.Ordinal);

    internal ChangeEventBuilder(EventSchema schema, Instant submittedAt)
    {
        _schema = schema;
        _values[EventSchema.SubmittedAtField] = submittedAt;
    }

    /// <summary>Sets a field (a later call for the same field replaces the value).</summary>
    /// <param name="field">The field name, or <c>id</c>.</param>
    /// <param name="value">The value; null leaves an optional field absent.</param>
    /// <returns>This builder.</returns>
    public ChangeEventBuilder Set(string field, object? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        _values[field] = value;
        return this;
    }

    /// <summary>Validates and returns the result (never throws).</summary>
    /// <returns>The event, or the errors.</returns>
    public EventReadResult TryBuild() => EventReader.FromDictionary(_schema, _values);

    /// <summary>Validates and returns the event.</summary>
    /// <returns>The event.</returns>
    /// <exception cref="EventValidationException">A value is missing or invalid; the message names the field.</exception>
    public ChangeEvent Build() => TryBuild().GetEventOrThrow();
}
