using System;
using SlaEngine.Events;
using SlaEngine.Tracking;

namespace SlaEngine;

public sealed partial class Policy
{
    /// <summary>Starts tracking a ticket from its submission; append later changes with <see cref="Ticket.Append(NodaTime.Instant, System.Collections.Generic.IEnumerable{System.Collections.Generic.KeyValuePair{string, object}})"/>.</summary>
    /// <param name="submission">The ticket as submitted (its <see cref="ChangeEvent.SubmittedAt"/> starts every clock).</param>
    /// <returns>The ticket.</returns>
    /// <exception cref="ArgumentException">The event was read against another policy's schema.</exception>
    public Ticket Track(ChangeEvent submission)
    {
        EnsureReadByThisPolicy(submission);
        return Ticket.Start(this, submission);
    }

    /// <summary>
    /// Reads a ticket's timeline from JSON, <c>[{"at": "…", "set": {…}}, …]</c>: the first entry is the submission (its
    /// <c>at</c> is <c>submittedAt</c>, its <c>set</c> the event's fields), each later one sets some fields at an instant.
    /// Never throws for bad input.
    /// </summary>
    /// <param name="json">The timeline as a JSON array.</param>
    /// <returns>The ticket with every entry applied, or why the timeline was refused (naming the entry).</returns>
    public TimelineReadResult ReadTimeline(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return TimelineReader.FromJson(this, json);
    }
}
