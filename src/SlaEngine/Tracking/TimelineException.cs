using System;
using System.Collections.Immutable;
using SlaEngine.Diagnostics;
using SlaEngine.Events;

namespace SlaEngine.Tracking;

/// <summary>Thrown by <see cref="Ticket.Append(NodaTime.Instant, System.Collections.Generic.IEnumerable{System.Collections.Generic.KeyValuePair{string, object}})"/> when an entry is earlier than the submission or sets invalid fields; names the entry.</summary>
public sealed class TimelineException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="entryIndex">The index of the refused entry (0 is the submission).</param>
    /// <param name="message">What is wrong, naming the entry.</param>
    /// <param name="errors">Field errors, when the entry's values were refused.</param>
    public TimelineException(int entryIndex, string message, ImmutableArray<Diagnostic> errors)
        : base(message)
    {
        EntryIndex = entryIndex;
        Errors = errors.IsDefault ? [] : errors;
    }

    /// <summary>Creates the exception.</summary>
    public TimelineException()
        : this(-1, "The timeline entry was refused.", [])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public TimelineException(string message)
        : this(-1, message, [])
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TimelineException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    /// <summary>The index of the refused entry (0 is the submission), or -1.</summary>
    public int EntryIndex { get; }

    /// <summary>Field errors of the entry, if any.</summary>
    public ImmutableArray<Diagnostic> Errors { get; }
}
