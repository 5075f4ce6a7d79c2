using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using SlaEngine.Events;

namespace SlaEngine.Tracking;

/// <summary>
/// One raw entry of a ticket's timeline, not yet bound to a policy: an optional entry id (for deliveries that may be
/// repeated), an instant, and field changes by field name. Any policy can apply it; the policy validates the values.
/// Immutable.
/// </summary>
public sealed class TimelineEntry
{
    internal TimelineEntry(string? id, Instant at, ImmutableArray<KeyValuePair<string, RawValue>> changes)
    {
        Id = id;
        At = at;
        RawChanges = changes;
    }

    /// <summary>The entry's id, or null; a ticket ignores an entry whose id it already holds.</summary>
    public string? Id { get; }

    /// <summary>When the change happened (for the submission: <c>submittedAt</c>).</summary>
    public Instant At { get; }

    /// <summary>
    /// The field changes, by field name, in the order given: the values as plain objects (string, long, bool,
    /// <see cref="Instant"/> or the CLR value given, a list of them, or null to clear an optional field).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, object?>> Changes => [.. RawChanges.Select(p => new KeyValuePair<string, object?>(p.Key, ToObject(p.Value)))];

    /// <summary>The changes as read, before validation.</summary>
    internal ImmutableArray<KeyValuePair<string, RawValue>> RawChanges { get; }

    /// <summary>Creates an entry from C# values (as for <see cref="ChangeEventBuilder.Set(string, object)"/>).</summary>
    /// <param name="at">When the change happened.</param>
    /// <param name="changes">Field name → new value (null clears an optional field).</param>
    /// <param name="id">The entry's id for duplicate deliveries, or null.</param>
    /// <returns>The entry.</returns>
    public static TimelineEntry Create(Instant at, IEnumerable<KeyValuePair<string, object?>> changes, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return new TimelineEntry(id, at, [.. changes.Select(p => new KeyValuePair<string, RawValue>(p.Key, EventReader.FromClr(p.Value)))]);
    }

    /// <summary>The entry in brief, for debugging.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id ?? "-"} at {At}: {RawChanges.Length} change(s)";

    private static object? ToObject(RawValue value) => value.Kind switch
    {
        RawKind.String or RawKind.Plain => value.Text,
        RawKind.Integer => value.Number,
        RawKind.Bool => value.Number != 0,
        RawKind.List => value.Items!.Select(ToObject).ToArray(),
        RawKind.Clr => value.Clr,
        RawKind.Other => value.Describe,
        _ => null,
    };
}
