using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Events;
using SlaEngine.Policies;

namespace SlaEngine;

/// <summary>
/// A compiled policy: the rules of engagement between IT and the contact center, ready to evaluate change events
/// and track tickets. Every reference is resolved and every condition compiled at load. Immutable and thread-safe:
/// one instance serves any number of threads.
/// </summary>
public sealed partial class Policy
{
    private readonly FrozenDictionary<string, Team> _teams;
    private readonly FrozenDictionary<string, BusinessCalendar> _calendars;
    private readonly FrozenDictionary<string, ClockDefinition> _clocks;

    internal Policy(
        string id,
        string? version,
        string? description,
        string sourceFile,
        EventSchema schema,
        ImmutableArray<BusinessCalendar> calendars,
        ImmutableArray<Team> teams,
        ImmutableArray<ClockDefinition> clocks,
        ImmutableArray<Rule> rules,
        ImmutableArray<FreezeWindow> freezes,
        RuleIndex index)
    {
        Id = id;
        Version = version;
        Description = description;
        SourceFile = sourceFile;
        Schema = schema;
        Calendars = calendars;
        Teams = teams;
        Clocks = clocks;
        Rules = rules;
        Freezes = freezes;
        Index = index;
        _teams = teams.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal);
        var calendarMap = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal) { [BusinessCalendar.AlwaysOpen.Id] = BusinessCalendar.AlwaysOpen };
        foreach (var c in calendars)
        {
            calendarMap[c.Id] = c;
        }

        _calendars = calendarMap.ToFrozenDictionary(StringComparer.Ordinal);
        _clocks = clocks.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);
        ScheduledStartField = schema.Find("scheduledStart") is { Type: FieldType.Instant } f ? f : null;
    }

    /// <summary>The policy's id (the <c>policy:</c> key).</summary>
    public string Id { get; }

    /// <summary>The policy's version text, echoed in decisions; null when not given.</summary>
    public string? Version { get; }

    /// <summary>The policy's description; null when not given.</summary>
    public string? Description { get; }

    /// <summary>The file name the policy was loaded from (as given to the loader).</summary>
    public string SourceFile { get; }

    /// <summary>The shape of the change events this policy reads.</summary>
    public EventSchema Schema { get; }

    /// <summary>The declared calendars, in declaration order (the built-in <c>24x7</c> is not listed).</summary>
    public ImmutableArray<BusinessCalendar> Calendars { get; }

    /// <summary>The declared teams, in declaration order.</summary>
    public ImmutableArray<Team> Teams { get; }

    /// <summary>The declared SLA clocks, in declaration order.</summary>
    public ImmutableArray<ClockDefinition> Clocks { get; }

    /// <summary>The rules, in policy order.</summary>
    public ImmutableArray<Rule> Rules { get; }

    /// <summary>The change freezes.</summary>
    public ImmutableArray<FreezeWindow> Freezes { get; }

    /// <summary>The rules indexed by an enum field's values, so an event visits only candidate rules.</summary>
    internal RuleIndex Index { get; }

    /// <summary>The instant field named <c>scheduledStart</c> that freezes check, or null when the schema has none.</summary>
    internal FieldDefinition? ScheduledStartField { get; }

    /// <summary>Finds a team by id.</summary>
    /// <param name="id">The team id.</param>
    /// <returns>The team, or null.</returns>
    public Team? FindTeam(string id) => _teams.GetValueOrDefault(id);

    /// <summary>Finds a calendar by id, including the built-in <c>24x7</c>.</summary>
    /// <param name="id">The calendar id.</param>
    /// <returns>The calendar, or null.</returns>
    public BusinessCalendar? FindCalendar(string id) => _calendars.GetValueOrDefault(id);

    /// <summary>Finds a clock by name.</summary>
    /// <param name="name">The clock's name.</param>
    /// <returns>The clock, or null.</returns>
    public ClockDefinition? FindClock(string name) => _clocks.GetValueOrDefault(name);

    /// <summary>Finds a rule by id.</summary>
    /// <param name="id">The rule id.</param>
    /// <returns>The rule, or null.</returns>
    public Rule? FindRule(string id)
    {
        foreach (var rule in Rules)
        {
            if (rule.Id == id)
            {
                return rule;
            }
        }

        return null;
    }
}
