using NodaTime;

namespace SlaEngine.Reporting;

/// <summary>
/// How an explanation shows instants: by default each one in the zone of the calendar it counts on (a deadline on the
/// owner's business hours in the owner's zone); <see cref="Zone"/> puts every instant in one zone instead, for a reader
/// elsewhere (a Dublin manager reading a Bangalore team's deadlines).
/// </summary>
public sealed record ExplainOptions
{
    /// <summary>The default options: each instant in its calendar's zone.</summary>
    public static ExplainOptions Default { get; } = new();

    /// <summary>When set, every instant is shown in this zone, whatever calendar it counts on.</summary>
    public DateTimeZone? Zone { get; init; }

    /// <summary>
    /// The zone of instants on the always-open <c>24x7</c> calendar, which has no place of its own (it is UTC): the
    /// zone the event was submitted from, when the caller knows it. When null, the owner's calendar's zone is used,
    /// and UTC only when the owner's calendar is <c>24x7</c> too.
    /// </summary>
    public DateTimeZone? AlwaysOpenZone { get; init; }
}
