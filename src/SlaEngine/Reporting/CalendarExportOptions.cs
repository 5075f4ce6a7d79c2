using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Reporting;

/// <summary>What <see cref="CalendarExporter"/> writes: which calendars, which dates, and the stamp that makes it repeatable.</summary>
/// <param name="From">The first local date exported (holidays, observed days and exceptions on or after it; freezes that end after it).</param>
/// <param name="To">The last local date exported, inclusive.</param>
/// <param name="Stamp">The <c>DTSTAMP</c> of every event: fix it and the same policy gives the same bytes.</param>
public sealed record CalendarExportOptions(LocalDate From, LocalDate To, Instant Stamp)
{
    /// <summary>Gets the ids of the calendars to export; empty (the default) exports every calendar the policy declares.</summary>
    public ImmutableArray<string> Calendars { get; init; } = [];

    /// <summary>Gets a value indicating whether the freeze windows are exported (the default).</summary>
    public bool IncludeFreezes { get; init; } = true;
}
