using System.Collections.Generic;
using System.Text.Json;
using NodaTime;

namespace SlaEngine.Analysis;

/// <summary>Options of <see cref="PolicyDiff.Compare"/>.</summary>
public sealed record PolicyDiffOptions
{
    /// <summary>The default options.</summary>
    public static PolicyDiffOptions Default { get; } = new();

    /// <summary>The first local date on which calendars are compared, and the date of witness events; null: today (UTC) by <see cref="Clock"/>.</summary>
    public LocalDate? From { get; init; }

    /// <summary>How many months of dates, from <see cref="From"/>, calendars are compared over (default 24).</summary>
    public int CalendarMonths { get; init; } = 24;

    /// <summary>The clock that says what today is when <see cref="From"/> is not given.</summary>
    public IClock Clock { get; init; } = SystemClock.Instance;

    /// <summary>
    /// The bound on the classes of events compared exactly (default 100,000). Past it, the diff compares a seeded
    /// sample of <see cref="SampleSize"/> classes instead and marks its result as a sample.
    /// </summary>
    public int MaxClasses { get; init; } = 100_000;

    /// <summary>How many classes a sample draws (default 20,000).</summary>
    public int SampleSize { get; init; } = 20_000;

    /// <summary>The seed of the sample, so that a sampled diff is reproducible (default 1).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Real events (JSON objects) to evaluate under both versions; each one decided differently is listed.</summary>
    public IReadOnlyList<JsonElement> Events { get; init; } = [];
}
