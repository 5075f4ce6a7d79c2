using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NodaTime;

namespace SlaEngine.Analysis;

/// <summary>
/// The semantic diff of two versions of a policy: which requests now go to someone else, or get another deadline.
/// </summary>
/// <remarks>
/// <para>
/// Events are split into classes by the atoms of both versions' rule conditions, keyed by field and value names:
/// each enum, bool or team field a condition reads, by value; each int field by the intervals between the constants
/// compared with it; each string field by the constants compared with it; every other atom (<c>contains</c>,
/// <c>matches</c>, <c>has</c> on lists, <c>open(…)</c>, comparisons of two fields) as true or false. Values that
/// every condition treats alike are one class, and a field is split only where a rule that could still decide
/// something reads it. On each class, both versions' facets are compared: owner, approvers and approval, consulted,
/// informed, each clock's target (amount and resolved calendar) and escalation ladder, notice. Rule ids,
/// descriptions, key order and formatting are not differences. Classes that differ the same way are merged and
/// worded plainly, and each merged difference gets a witness event checked with <see cref="Policy.Evaluate"/>.
/// </para>
/// <para>
/// Outside the rules: calendars are compared date by date over <see cref="PolicyDiffOptions.CalendarMonths"/>
/// months from <see cref="PolicyDiffOptions.From"/>, clocks' conditions as typed trees, freezes, fields and teams.
/// Past <see cref="PolicyDiffOptions.MaxClasses"/> classes, a seeded sample is compared and the result says so.
/// </para>
/// <para>Thread-safe: policies are immutable and every call works on its own state.</para>
/// </remarks>
public static class PolicyDiff
{
    /// <summary>Compares two versions of a policy.</summary>
    /// <param name="oldPolicy">The version in force.</param>
    /// <param name="newPolicy">The proposed version.</param>
    /// <param name="options">Options; null for <see cref="PolicyDiffOptions.Default"/>.</param>
    /// <returns>The differences.</returns>
    public static PolicyDiffResult Compare(Policy oldPolicy, Policy newPolicy, PolicyDiffOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(oldPolicy);
        ArgumentNullException.ThrowIfNull(newPolicy);
        options ??= PolicyDiffOptions.Default;
        if (options.MaxClasses < 1 || options.SampleSize < 1 || options.CalendarMonths < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxClasses and SampleSize must be positive, CalendarMonths not negative");
        }

        var from = options.From ?? options.Clock.GetCurrentInstant().InUtc().Date;
        var until = from.PlusMonths(options.CalendarMonths);
        var notes = ImmutableArray.CreateBuilder<string>();

        var space = new DiffSpace(oldPolicy, newPolicy);
        var explorer = new ClassExplorer(space, options.MaxClasses);
        var sample = false;
        if (space.Empty)
        {
            notes.Add("a field the rules test has no value that both versions accept, so no event reaches the rules of both: see the field changes");
        }
        else if (!explorer.ExploreAll())
        {
            sample = true;
            explorer.ExploreSample(options.SampleSize, options.Seed);
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the events split into more than {options.MaxClasses} classes: the rules were compared on a sample of {explorer.Classes} classes drawn with seed {options.Seed}, so differences may be missing"));
        }

        var rules = RuleDifferences(space, explorer.Differing, Witnesses(from));
        var (calendarDates, calendarChanges) = CalendarComparer.Compare(oldPolicy, newPolicy, from, until);
        var definitions = calendarChanges.Concat(DefinitionComparer.Compare(oldPolicy, newPolicy)).OrderBy(c => c.Section).ToImmutableArray();
        var events = EventDifferences(oldPolicy, newPolicy, options.Events, notes);
        return new PolicyDiffResult(oldPolicy.SourceFile, newPolicy.SourceFile, from, until, sample, explorer.Classes, rules, calendarDates, definitions, events, notes.ToImmutable());
    }

    /// <summary>The instant witnesses are submitted at: 15:00 UTC on the first Tuesday to Friday from the given date.</summary>
    private static Instant Witnesses(LocalDate from)
    {
        var date = from;
        while (date.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday or IsoDayOfWeek.Monday)
        {
            date = date.PlusDays(1);
        }

        return date.At(new LocalTime(15, 0)).InUtc().ToInstant();
    }

    private static ImmutableArray<RuleDifference> RuleDifferences(DiffSpace space, IReadOnlyList<ExploredClass> differing, Instant submittedAt)
    {
        var groups = new Dictionary<string, List<ExploredClass>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var c in differing)
        {
            var key = string.Join("\n", c.Changes.Select(x => x.Facet + "\u0001" + x.Old + "\u0001" + x.New));
            if (!groups.TryGetValue(key, out var list))
            {
                groups[key] = list = [];
                order.Add(key);
            }

            list.Add(c);
        }

        var finder = new WitnessFinder(space, submittedAt);
        var result = ImmutableArray.CreateBuilder<RuleDifference>();
        foreach (var key in order)
        {
            var classes = groups[key];
            var changes = classes[0].Changes.Select(x => new FacetChange(x.Facet, x.Old, x.New)).ToImmutableArray();
            var cubes = ClassDescriber.Merge(space, classes.Select(c => c.Assignment));
            var witness = finder.Find(classes.Select(c => c.Assignment), [.. changes.Select(c => c.Facet)]);
            result.Add(new RuleDifference(ClassDescriber.Describe(space, cubes), changes, classes.Count, witness, new ClassMembership(space, cubes)));
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<EventDifference> EventDifferences(Policy oldPolicy, Policy newPolicy, IReadOnlyList<JsonElement> events, ImmutableArray<string>.Builder notes)
    {
        var result = ImmutableArray.CreateBuilder<EventDifference>();
        for (var i = 0; i < events.Count; i++)
        {
            var oldRead = oldPolicy.ReadEvent(events[i]);
            var newRead = newPolicy.ReadEvent(events[i]);
            var id = events[i].ValueKind == JsonValueKind.Object && events[i].TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : null;
            if (!oldRead.Success || !newRead.Success)
            {
                if (oldRead.Success != newRead.Success)
                {
                    var error = oldRead.Success ? "the new version refuses it: " + newRead.ErrorMessage : "the old version refuses it: " + oldRead.ErrorMessage;
                    result.Add(new EventDifference(i + 1, id, [], error));
                }
                else
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"event {i + 1}: both versions refuse it: {newRead.ErrorMessage}"));
                }

                continue;
            }

            var changes = DecisionFacets.Differences(oldPolicy.Evaluate(oldRead.Event), newPolicy.Evaluate(newRead.Event));
            if (!changes.IsEmpty)
            {
                result.Add(new EventDifference(i + 1, id, changes, null));
            }
        }

        return result.ToImmutable();
    }
}
