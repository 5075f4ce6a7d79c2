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
}
