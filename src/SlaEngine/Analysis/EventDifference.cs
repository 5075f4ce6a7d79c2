using System.Collections.Immutable;

namespace SlaEngine.Analysis;

/// <summary>A real event (from <see cref="PolicyDiffOptions.Events"/>) that the versions decide differently, or that one refuses.</summary>
public sealed class EventDifference
{
    internal EventDifference(int number, string? eventId, ImmutableArray<FacetChange> changes, string? error)
    {
        Number = number;
        EventId = eventId;
        Changes = changes;
        Error = error;
    }

    /// <summary>The event's position in the input, from 1.</summary>
    public int Number { get; }

    /// <summary>The event's <c>id</c>, when it has one.</summary>
    public string? EventId { get; }

    /// <summary>The facets that differ (deadlines included); empty when <see cref="Error"/> is set.</summary>
    public ImmutableArray<FacetChange> Changes { get; }

    /// <summary>When one version (or both) refuses the event: which, and why; otherwise null.</summary>
    public string? Error { get; }
}
