using NodaTime;
using NodaTime.TimeZones;
using SlaEngine.Expressions;

namespace SlaEngine.Policies;

/// <summary>
/// A change freeze: changes scheduled (<c>scheduledStart</c>) in [<see cref="Start"/>, <see cref="End"/>) are a
/// violation unless <see cref="Unless"/> holds.
/// </summary>
public sealed class FreezeWindow
{
    internal FreezeWindow(string id, string? description, DateTimeZone zone, LocalDateTime from, LocalDateTime to, Condition? unless)
    {
        Id = id;
        Description = description;
        Zone = zone;
        From = from;
        To = to;
        Unless = unless;
        Start = from.InZone(zone, Resolvers.LenientResolver).ToInstant();
        End = to.InZone(zone, Resolvers.LenientResolver).ToInstant();
    }

    /// <summary>The freeze's id.</summary>
    public string Id { get; }

    /// <summary>The freeze's description, or null.</summary>
    public string? Description { get; }

    /// <summary>The zone <see cref="From"/> and <see cref="To"/> are read in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The local start, inclusive.</summary>
    public LocalDateTime From { get; }

    /// <summary>The local end, exclusive.</summary>
    public LocalDateTime To { get; }

    /// <summary>The start instant (lenient mapping of <see cref="From"/>), inclusive.</summary>
    public Instant Start { get; }

    /// <summary>The end instant (lenient mapping of <see cref="To"/>), exclusive.</summary>
    public Instant End { get; }

    /// <summary>Exempts an event when it holds (for example <c>emergency</c>); null: no exemption.</summary>
    public Condition? Unless { get; }

    /// <summary>Whether an instant falls inside the freeze.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>True when <see cref="Start"/> ≤ instant &lt; <see cref="End"/>.</returns>
    public bool Contains(Instant instant) => instant >= Start && instant < End;
}
