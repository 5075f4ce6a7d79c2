using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using SlaEngine.Diagnostics;

namespace SlaEngine.Events;

/// <summary>
/// The outcome of reading a batch of events (one JSON object, a JSON array of objects, or JSON lines): one read result
/// per event in the order given, or why the text is not JSON at all.
/// </summary>
public sealed class EventBatchReadResult
{
    internal EventBatchReadResult(ImmutableArray<EventReadResult> events, Diagnostic? error)
    {
        Events = error is null ? events : [];
        Error = error;
    }

    /// <summary>One result per event, in the order of the batch: each accepted or refused on its own.</summary>
    public ImmutableArray<EventReadResult> Events { get; }

    /// <summary>Why the text is not JSON (with the line and column JSON reading stopped at); null when it is.</summary>
    public Diagnostic? Error { get; }

    /// <summary>Whether the text was JSON (each event may still have been refused: see <see cref="Events"/>).</summary>
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Success => Error is null;
}
