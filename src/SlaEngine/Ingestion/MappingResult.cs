using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace SlaEngine.Ingestion;

/// <summary>
/// The outcome of mapping one payload: the timeline entry, or that the mapping does not accept the payload, or every
/// reason it could not be mapped (all of them, not just the first).
/// </summary>
public sealed class MappingResult
{
    internal MappingResult(MappingOutcome outcome, MappedEntry? entry, ImmutableArray<MappingError> errors, ImmutableArray<MappingError> notes, string? ignoredBecause)
    {
        Outcome = outcome;
        Entry = entry;
        Errors = errors;
        Notes = notes;
        IgnoredBecause = ignoredBecause;
    }

    /// <summary>Whether the payload was mapped, ignored, or failed.</summary>
    public MappingOutcome Outcome { get; }

    /// <summary>Whether the payload was mapped; then <see cref="Entry"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Entry))]
    public bool IsMapped => Outcome == MappingOutcome.Mapped;

    /// <summary>The timeline entry, when the payload was mapped.</summary>
    public MappedEntry? Entry { get; }

    /// <summary>Every reason the payload could not be mapped (empty unless <see cref="Outcome"/> is <see cref="MappingOutcome.Failed"/>).</summary>
    public ImmutableArray<MappingError> Errors { get; }

    /// <summary>Optional fields that were skipped because the payload's value could not be used (the entry is still mapped).</summary>
    public ImmutableArray<MappingError> Notes { get; }

    /// <summary>Why the mapping does not accept the payload, when it was ignored.</summary>
    public string? IgnoredBecause { get; }

    /// <summary>The errors joined in one line (<c>; </c> between them), or null when there are none.</summary>
    public string? ErrorMessage => Errors.IsEmpty ? null : string.Join("; ", Errors.Select(e => e.Message));
}
