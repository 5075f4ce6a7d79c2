using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using SlaEngine.Diagnostics;

namespace SlaEngine.Events;

/// <summary>The outcome of reading a change event: the validated event, or every error that refused it.</summary>
public sealed class EventReadResult
{
    internal EventReadResult(ChangeEvent? changeEvent, ImmutableArray<Diagnostic> errors, ImmutableArray<Diagnostic> notes)
    {
        Event = errors.IsEmpty ? changeEvent : null;
        Errors = errors;
        Notes = notes;
    }

    /// <summary>The validated event; null when there are errors.</summary>
    public ChangeEvent? Event { get; }

    /// <summary>Why the event was refused; empty when it was accepted.</summary>
    public ImmutableArray<Diagnostic> Errors { get; }

    /// <summary>Information, such as fields the policy does not read (they are ignored).</summary>
    public ImmutableArray<Diagnostic> Notes { get; }

    /// <summary>Whether the event was accepted.</summary>
    [MemberNotNullWhen(true, nameof(Event))]
    public bool Success => Event is not null;

    /// <summary>All error messages joined in one line (empty when accepted).</summary>
    public string ErrorMessage => string.Join("; ", Errors.Select(e => e.Message));

    /// <summary>Returns the event or throws.</summary>
    /// <returns>The event.</returns>
    /// <exception cref="EventValidationException">The event was refused.</exception>
    public ChangeEvent GetEventOrThrow() => Event ?? throw new EventValidationException(Errors);
}
