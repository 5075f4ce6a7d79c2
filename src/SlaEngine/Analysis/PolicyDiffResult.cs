using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace SlaEngine.Analysis;

/// <summary>
/// What two versions of a policy decide differently: classes of events with witnesses, calendar dates, and changed
/// definitions (clocks, freezes, fields, teams). Immutable.
/// </summary>
public sealed class PolicyDiffResult
{
    internal PolicyDiffResult(
        string oldSource,
        string newSource,
        LocalDate from,
        LocalDate until,
        bool isSample,
        int classesCompared,
        ImmutableArray<RuleDifference> ruleDifferences,
        ImmutableArray<CalendarDifference> calendarDifferences,
        ImmutableArray<DefinitionChange> definitionChanges,
        ImmutableArray<EventDifference> eventDifferences,
        ImmutableArray<string> notes)
    {
        OldSource = oldSource;
        NewSource = newSource;
        From = from;
        Until = until;
        IsSample = isSample;
        ClassesCompared = classesCompared;
        RuleDifferences = ruleDifferences;
        CalendarDifferences = calendarDifferences;
        DefinitionChanges = definitionChanges;
        EventDifferences = eventDifferences;
        Notes = notes;
    }

    /// <summary>The old version's file name.</summary>
    public string OldSource { get; }

    /// <summary>The new version's file name.</summary>
    public string NewSource { get; }

    /// <summary>The first date calendars were compared on.</summary>
    public LocalDate From { get; }

    /// <summary>The day after the last date calendars were compared on.</summary>
    public LocalDate Until { get; }

    /// <summary>Whether the rules were compared on a seeded sample of classes (the space exceeded the bound), not exhaustively.</summary>
    public bool IsSample { get; }

    /// <summary>How many classes of events the rules were compared on.</summary>
    public int ClassesCompared { get; }

    /// <summary>The classes of events decided differently, merged where they differ the same way.</summary>
    public ImmutableArray<RuleDifference> RuleDifferences { get; }

    /// <summary>The calendar dates whose open hours differ.</summary>
    public ImmutableArray<CalendarDifference> CalendarDifferences { get; }

    /// <summary>The changes to clocks, freezes, fields, teams, and calendars added or removed.</summary>
    public ImmutableArray<DefinitionChange> DefinitionChanges { get; }

    /// <summary>The real events (from <see cref="PolicyDiffOptions.Events"/>) decided differently or refused by one version.</summary>
    public ImmutableArray<EventDifference> EventDifferences { get; }

    /// <summary>Remarks on the comparison itself (a sample was taken, no event reaches both versions' rules).</summary>
    public ImmutableArray<string> Notes { get; }

    /// <summary>
    /// Whether the versions decide everything the same: no confirmed rule difference, no calendar difference, no
    /// changed definition and no real event decided differently.
    /// </summary>
    public bool AreEquivalent =>
        !RuleDifferences.Any(r => r.IsConfirmed) && CalendarDifferences.IsEmpty && DefinitionChanges.IsEmpty && EventDifferences.IsEmpty;
}
