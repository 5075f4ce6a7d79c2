using System;
using SlaEngine.Events;
using SlaEngine.Tracking;

namespace SlaEngine;

public sealed partial class Policy
{
    /// <summary>Starts tracking a ticket from its submission; append later changes with <see cref="Ticket.Append(TimelineEntry)"/>.</summary>
    /// <param name="submission">The ticket as submitted (its <see cref="ChangeEvent.SubmittedAt"/> is the first entry's instant).</param>
    /// <returns>The ticket.</returns>
    /// <exception cref="ArgumentException">The event was read against another policy's schema.</exception>
    public Ticket Track(ChangeEvent submission)
    {
        EnsureReadByThisPolicy(submission);
        return Ticket.Start(this, submission);
    }

    /// <summary>
    /// Applies a raw timeline under this policy: the first entry is the submission, each later one is appended in the
    /// order given (a repeated entry id is ignored, an entry earlier than the last is placed in time order). The same
    /// timeline can be applied to any policy whose fields it sets. Never throws for bad input.
    /// </summary>
    /// <param name="timeline">The timeline.</param>
    /// <returns>The ticket, or why the timeline was refused (naming the entry as given).</returns>
    public TimelineReadResult Track(Timeline timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        return TimelineReader.Apply(this, timeline);
    }

    /// <summary>
    /// Reads a ticket's timeline from JSON, <c>[{"id"?: "…", "at": "…", "set": {…}}, …]</c>: the first entry is the
    /// submission (its <c>at</c> is <c>submittedAt</c>, its <c>set</c> the event's fields), each later one sets some
    /// fields at an instant, in any order. A stored ticket (<c>{"policy": …, "entries": […]}</c>) is read for its
    /// entries. Never throws for bad input.
    /// </summary>
    /// <param name="json">The timeline as a JSON array; longer than <see cref="EventFiles.MaxBytes"/> characters (the tool's limit for a timeline file), it is refused unread.</param>
    /// <returns>The ticket with every entry applied, or why the timeline was refused (naming the entry).</returns>
    public TimelineReadResult ReadTimeline(string json) => ReadTimeline(json, EventFiles.MaxBytes);

    /// <summary>Reads a ticket's timeline as <see cref="ReadTimeline(string)"/> does, refusing unread a text longer than <paramref name="maxLength"/> characters.</summary>
    /// <param name="json">The timeline as a JSON array.</param>
    /// <param name="maxLength">The longest text read, in UTF-16 characters (at least 1).</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><paramref name="maxLength"/> is less than 1.</exception>
    /// <returns>The ticket with every entry applied, or why the timeline was refused.</returns>
    public TimelineReadResult ReadTimeline(string json, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (TooLong(json, maxLength, "the timeline") is { } tooLong)
        {
            return new TimelineReadResult(null, tooLong);
        }

        return TimelineReader.FromJson(this, json);
    }

    /// <summary>
    /// Reads a ticket stored with <see cref="Ticket.ToJson(bool)"/> and tracks it under this policy. A ticket stored
    /// under another policy id or digest (an edited policy) is read with a warning, or refused when
    /// <paramref name="refuseOtherDigest"/> is set. Never throws for bad input.
    /// </summary>
    /// <param name="json">The stored ticket.</param>
    /// <param name="refuseOtherDigest">Whether to refuse a ticket stored under another policy id or digest.</param>
    /// <returns>The ticket, or why it was refused, with any warnings.</returns>
    public TicketReadResult ReadTicket(string json, bool refuseOtherDigest = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (TooLong(json, EventFiles.MaxBytes, "the stored ticket") is { } tooLong)
        {
            return new TicketReadResult(null, tooLong, []);
        }

        return TicketJson.Read(this, json, refuseOtherDigest);
    }
}
