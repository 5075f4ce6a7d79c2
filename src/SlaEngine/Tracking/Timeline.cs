using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace SlaEngine.Tracking;

/// <summary>
/// A ticket's raw history, not bound to a policy: entries of instants and field changes by field name, in the order
/// they were delivered (the first is the submission). Any policy can apply it with <see cref="Policy.Track(Timeline)"/>,
/// so one history can be replayed under two versions of a policy. Immutable.
/// </summary>
/// <example>
/// <code>
/// var timeline = Timeline.Empty
///     .Add(submittedAt, new Dictionary&lt;string, object?&gt; { ["category"] = "routing" }, id: "evt-1")
///     .Add(submittedAt + Duration.FromHours(1), new Dictionary&lt;string, object?&gt; { ["status"] = "triaged" }, id: "evt-2");
/// var read = policy.Track(timeline);   // read.Ticket, or read.Error naming the entry
/// </code>
/// </example>
public sealed class Timeline
{
    private Timeline(ImmutableArray<TimelineEntry> entries) => Entries = entries;

    /// <summary>The timeline with no entries.</summary>
    public static Timeline Empty { get; } = new([]);

    /// <summary>The entries, in the order delivered (not necessarily time order).</summary>
    public ImmutableArray<TimelineEntry> Entries { get; }

    /// <summary>Returns this timeline with one more entry at the end.</summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The new timeline; this one is unchanged.</returns>
    public Timeline Add(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new Timeline(Entries.Add(entry));
    }

    /// <summary>Returns this timeline with one more entry at the end.</summary>
    /// <param name="at">When the change happened (for the first entry: the submission).</param>
    /// <param name="changes">Field name → value (null clears an optional field).</param>
    /// <param name="id">The entry's id for duplicate deliveries, or null.</param>
    /// <returns>The new timeline; this one is unchanged.</returns>
    public Timeline Add(Instant at, IEnumerable<KeyValuePair<string, object?>> changes, string? id = null) => Add(TimelineEntry.Create(at, changes, id));

    /// <summary>
    /// Reads a timeline from JSON: an array of entries <c>{"id"?: …, "at": …, "set": {…}}</c>, or a stored ticket
    /// <c>{"policy": …, "entries": […]}</c>. Never throws for bad input.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="timeline">The timeline, when read.</param>
    /// <param name="error">Why it was refused, when not: the message names the entry, the location gives it as <see cref="SlaEngine.Diagnostics.SourceLocation.Entry"/> (or the line and column where the JSON is broken).</param>
    /// <returns>Whether the text was read.</returns>
    public static bool TryParseJson(string json, [NotNullWhen(true)] out Timeline? timeline, [NotNullWhen(false)] out SlaEngine.Diagnostics.Diagnostic? error)
    {
        ArgumentNullException.ThrowIfNull(json);
        var read = TimelineReader.Parse(json);
        timeline = read.Timeline;
        error = read.Error;
        return timeline is not null;
    }

    internal static Timeline From(ImmutableArray<TimelineEntry> entries) => new(entries);
}
