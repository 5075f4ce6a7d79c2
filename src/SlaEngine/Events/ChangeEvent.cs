using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Diagnostics;

namespace SlaEngine.Events;

/// <summary>
/// A validated change event: when it was submitted, its optional id, and a value for every field of the
/// policy's <see cref="EventSchema"/> (declared defaults filled in). Immutable and thread-safe.
/// </summary>
public sealed partial class ChangeEvent
{
    private readonly FieldValue[] _values;

    internal ChangeEvent(EventSchema schema, Instant submittedAt, string? id, FieldValue[] values, ImmutableArray<Diagnostic> notes)
    {
        Schema = schema;
        SubmittedAt = submittedAt;
        Id = id;
        _values = values;
        Notes = notes.IsDefault ? [] : notes;
    }

    /// <summary>The schema the event was validated against.</summary>
    public EventSchema Schema { get; }

    /// <summary>When the request was raised; every SLA clock starts here.</summary>
    public Instant SubmittedAt { get; }

    /// <summary>The caller's id for the event, echoed back in decisions; null when not given.</summary>
    public string? Id { get; }

    /// <summary>Information found while reading the event, such as fields the policy does not read.</summary>
    public ImmutableArray<Diagnostic> Notes { get; }

    /// <summary>The values by slot. Never mutated after construction.</summary>
    internal ReadOnlySpan<FieldValue> Values => _values;

    /// <summary>The value of a field by slot, for compiled predicates.</summary>
    internal ref readonly FieldValue this[int slot] => ref _values[slot];

    /// <summary>
    /// The value of a field as a plain object: <see cref="bool"/>, <see cref="long"/>, <see cref="string"/>
    /// (also for enum and team fields), <see cref="Instant"/>, <see cref="IReadOnlyList{T}"/> of string, or null when absent.
    /// </summary>
    /// <param name="field">The field name, or <c>submittedAt</c> / <c>id</c>.</param>
    /// <returns>The value, or null when the field is absent.</returns>
    /// <exception cref="KeyNotFoundException">The schema declares no such field.</exception>
    public object? GetValue(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field == EventSchema.SubmittedAtField)
        {
            return SubmittedAt;
        }

        if (field == EventSchema.IdField)
        {
            return Id;
        }

        var definition = Schema.Find(field) ?? throw new KeyNotFoundException($"The policy declares no field '{field}'.");
        return _values[definition.Slot].ToObject();
    }

    /// <summary>Whether an optional field is present (the language's <c>has(field)</c>).</summary>
    /// <param name="field">The field name.</param>
    /// <returns>True when the field has a value.</returns>
    public bool Has(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (field == EventSchema.SubmittedAtField)
        {
            return true;
        }

        if (field == EventSchema.IdField)
        {
            return Id is not null;
        }

        var definition = Schema.Find(field);
        return definition is not null && !_values[definition.Slot].IsAbsent;
    }
}
