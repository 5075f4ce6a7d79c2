using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Tracking;

/// <summary>An escalation step that has fired on a ticket, with the instant the cycle's elapsed time passed its point.</summary>
public sealed class FiredEscalation
{
    internal FiredEscalation(string clock, int cycle, int index, string point, Instant at, ImmutableArray<string> notify)
    {
        Clock = clock;
        Cycle = cycle;
        Index = index;
        Point = point;
        At = at;
        Notify = notify;
    }

    /// <summary>The step's stable key, <c>clock/cycle/index</c>: the same as the key it had while pending.</summary>
    public string Key => PendingEscalation.KeyOf(Clock, Cycle, Index);

    /// <summary>The clock's name.</summary>
    public string Clock { get; }

    /// <summary>The cycle the step fired in (1 for the first).</summary>
    public int Cycle { get; }

    /// <summary>The step's position in the clock's ladder, from 0.</summary>
    public int Index { get; }

    /// <summary>The point as written (<c>75%</c>, <c>breach</c>, <c>breach+4h</c>).</summary>
    public string Point { get; }

    /// <summary>When the step fired: the instant the cycle's elapsed time reached its point (it counts as fired just after).</summary>
    public Instant At { get; }

    /// <summary>The ids of the teams notified.</summary>
    public ImmutableArray<string> Notify { get; }

    /// <summary>The key and the instant, for debugging.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Key} {Point} at {At}";
}
