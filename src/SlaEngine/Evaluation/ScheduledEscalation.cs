using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>An escalation step of a decision, with the instant it falls due.</summary>
public sealed record ScheduledEscalation
{
    internal ScheduledEscalation(string clock, Instant at, string point, ImmutableArray<string> notify)
    {
        Clock = clock;
        At = at;
        Point = point;
        Notify = notify;
    }

    /// <summary>The clock the step belongs to.</summary>
    public string Clock { get; }

    /// <summary>When the step fires.</summary>
    public Instant At { get; }

    /// <summary>The point as written (<c>75%</c>, <c>breach</c>, <c>breach+4h</c>).</summary>
    public string Point { get; }

    /// <summary>The ids of the teams notified.</summary>
    public ImmutableArray<string> Notify { get; }
}
