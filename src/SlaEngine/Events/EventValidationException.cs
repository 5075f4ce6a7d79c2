using System;
using System.Collections.Immutable;
using System.Linq;
using SlaEngine.Diagnostics;

namespace SlaEngine.Events;

/// <summary>Thrown by the throwing conveniences (<see cref="EventReadResult.GetEventOrThrow"/>, <see cref="ChangeEventBuilder.Build"/>) when an event is refused.</summary>
public sealed class EventValidationException : Exception
{
    /// <summary>Creates the exception from the errors that refused the event.</summary>
    /// <param name="errors">The errors.</param>
    public EventValidationException(ImmutableArray<Diagnostic> errors)
        : base("The event is not valid for the policy: " + string.Join("; ", errors.IsDefault ? [] : errors.Select(e => e.Message))) =>
        Errors = errors.IsDefault ? [] : errors;

    /// <summary>Creates the exception.</summary>
    public EventValidationException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public EventValidationException(string message)
        : base(message) => Errors = [];

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public EventValidationException(string message, Exception innerException)
        : base(message, innerException) => Errors = [];

    /// <summary>The errors that refused the event.</summary>
    public ImmutableArray<Diagnostic> Errors { get; }
}
