using System;
using NodaTime;

namespace SlaEngine.Samples.SlaService;

/// <summary>
/// NodaTime's <see cref="IClock"/> over a <see cref="TimeProvider"/>, so that the policy's clocks, the scheduler's
/// sleeps and the retry backoff all follow one time source (a fake one in tests).
/// </summary>
/// <param name="time">The time source.</param>
public sealed class TimeProviderClock(TimeProvider time) : IClock
{
    /// <inheritdoc />
    public Instant GetCurrentInstant() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
