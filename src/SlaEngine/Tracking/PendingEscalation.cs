using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace SlaEngine.Tracking;

/// <summary>
/// An escalation step of a running clock that has not fired yet, with the instant it will fire if no new entry
/// changes the ticket. Its <see cref="Key"/> is stable across calls, so that a scheduler can deliver each step
/// exactly once: deliver the steps whose <see cref="Due"/> has come, and remember their keys.
/// </summary>
public sealed class PendingEscalation
{
    internal PendingEscalation(string clock, int cycle, int index, string point, Instant due, ImmutableArray<string> notify)
    {
        Clock = clock;
        Cycle = cycle;
        Index = index;
        Point = point;
        Due = due;
        Notify = notify;
    }

    /// <summary>The stable key <c>clock/cycle/index</c> (cycle from 1, index from 0 within the clock's ladder).</summary>
    public string Key => KeyOf(Clock, Cycle, Index);

    /// <summary>The clock's name.</summary>
    public string Clock { get; }

    /// <summary>The cycle the step belongs to (1 for the first).</summary>
    public int Cycle { get; }

    /// <summary>The step's position in the clock's ladder, from 0.</summary>
    public int Index { get; }

    /// <summary>The point as written (<c>75%</c>, <c>breach</c>, <c>breach+4h</c>).</summary>
    public string Point { get; }

    /// <summary>The instant the cycle's elapsed time reaches the point if it keeps running (possibly a closing instant); the step counts as fired at any instant after it.</summary>
    public Instant Due { get; }

    /// <summary>The ids of the teams to notify.</summary>
    public ImmutableArray<string> Notify { get; }

    /// <summary>The key and the due instant, for debugging.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Key} {Point} due {Due}";

    internal static string KeyOf(string clock, int cycle, int index) => string.Create(CultureInfo.InvariantCulture, $"{clock}/{cycle}/{index}");
}
