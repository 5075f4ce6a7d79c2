using NodaTime;

namespace SlaEngine;

/// <summary>Options for <see cref="PolicyLoader"/>.</summary>
public sealed record PolicyLoadOptions
{
    /// <summary>The default options: lint on, the system clock.</summary>
    public static PolicyLoadOptions Default { get; } = new();

    /// <summary>Whether to add lint warnings (shadowed rules, unused teams and calendars, unowned enum values, calendars without upcoming holidays).</summary>
    public bool Lint { get; init; } = true;

    /// <summary>The clock that says what "the next twelve months" are for the holiday lint.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>
    /// The time zone database the policy's zone ids (calendars, freezes) are resolved in: NodaTime's bundled tz
    /// database by default. A host that replays past tickets can pass a provider built from a pinned tzdb file
    /// (<c>new DateTimeZoneCache(TzdbDateTimeZoneSource.FromStream(stream))</c>) so that deadlines do not change when
    /// a newer NodaTime ships newer zone rules.
    /// </summary>
    public IDateTimeZoneProvider ZoneProvider { get; init; } = DateTimeZoneProviders.Tzdb;
}
