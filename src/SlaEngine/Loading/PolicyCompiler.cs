using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using SlaEngine.Calendars;
using SlaEngine.Diagnostics;
using SlaEngine.Evaluation;
using SlaEngine.Events;
using SlaEngine.Expressions;
using SlaEngine.Model;
using SlaEngine.Policies;
using SlaEngine.Yaml;

namespace SlaEngine.Loading;

/// <summary>
/// Turns the declared model into a compiled <see cref="Policy"/>: calendars built, conditions parsed, checked and
/// compiled, references resolved to objects, rules indexed. Reports what only compilation can find.
/// </summary>
internal static class PolicyCompiler
{
    public static Policy? Compile(PolicyDecl declared, DiagnosticBag diagnostics)
    {
        var calendars = BuildCalendars(declared, diagnostics);
        var calendarMap = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal) { [BusinessCalendar.AlwaysOpen.Id] = BusinessCalendar.AlwaysOpen };
        foreach (var c in calendars)
        {
            calendarMap[c.Id] = c;
        }

        var teamIds = declared.Teams.Select(t => t.Id.Value).ToList();
        var fields = declared.Fields.Select((f, slot) =>
            new FieldDefinition(f.Name.Value, f.Type, slot, [.. f.Values.Select(v => v.Value)], f.Required, f.DefaultValue, f.Name.Location)).ToList();
        var schema = new EventSchema(fields, teamIds);
        // Every declared calendar may be named, even one that could not be built (its defect is reported where it
        // stands, not again at each open(...)); such a policy never loads, so its "is open" is never asked.
        var environment = new ExpressionEnvironment(
            schema,
            calendarMap.Keys.Concat(declared.Calendars.Select(c => c.Id.Value)).Distinct(StringComparer.Ordinal).ToArray(),
            id => calendarMap.TryGetValue(id, out var cal) ? cal.IsOpen : _ => false,
            declared.Unreadable);

        var clockEnvironment = environment.ForClockConditions();

        // A large policy repeats its conditions (the same test of an enum field in many rules): a text compiled once
        // without a diagnostic is compiled the same way again, so its tree and predicate are shared, each rule keeping
        // its own location. A text that gave any diagnostic is compiled again, so that each place reports its own.
        var compiled = new Dictionary<(string Text, ExpressionEnvironment Environment), Condition>();

        Condition? CompileIn(ExpressionDecl? e, ExpressionEnvironment env)
        {
            if (e is null)
            {
                return null;
            }

            if (compiled.TryGetValue((e.Text, env), out var known))
            {
                return known.At(e.Map.Map(0));
            }

            var before = diagnostics.Count;
            var condition = ConditionCompiler.Compile(e.Text, e.Map, env, diagnostics);
            if (condition is not null && diagnostics.Count == before)
            {
                compiled[(e.Text, env)] = condition;
            }

            return condition;
        }

        Condition? CompileExpression(ExpressionDecl? e) => CompileIn(e, environment);
        Condition? CompileClockCondition(ExpressionDecl? e) => CompileIn(e, clockEnvironment);

        var teams = declared.Teams.Select(t =>
        {
            var calendar = t.Calendar is { } c && calendarMap.TryGetValue(c.Value, out var cal) ? cal : null;
            return new Team(t.Id.Value, t.Name, t.Description, calendar ?? BusinessCalendar.AlwaysOpen, calendar is not null);
        }).ToImmutableArray();
        var teamMap = teams.ToDictionary(t => t.Id, StringComparer.Ordinal);

        var clocks = declared.Clocks.Select((c, i) => new ClockDefinition(
            c.Name.Value,
            i,
            c.Description,
            CompileClockCondition(c.PauseWhen),
            CompileClockCondition(c.StopWhen),
            CompileClockCondition(c.Lifecycle.StartWhen),
            CompileClockCondition(c.Lifecycle.CancelWhen),
            CompileClockCondition(c.Lifecycle.ResetWhen),
            c.Lifecycle.Repeat,
            c.Lifecycle.Strictest ? ClockRetarget.Strictest : ClockRetarget.Retroactive)).ToImmutableArray();
        var clockMap = clocks.ToDictionary(c => c.Name, StringComparer.Ordinal);

        ImmutableArray<Team>? TeamList(IReadOnlyList<Located<string>>? ids) =>
            ids is null ? null : ids.Select(i => teamMap.GetValueOrDefault(i.Value)).OfType<Team>().Distinct().ToImmutableArray();

        var rules = ImmutableArray.CreateBuilder<Rule>(declared.Rules.Count);
        for (var index = 0; index < declared.Rules.Count; index++)
        {
            var r = declared.Rules[index];
            var when = CompileExpression(r.When);
            // A rule without targets or escalations (most rules of a large policy) builds no query for them.
            var targets = r.Targets.Count == 0 ? [] : r.Targets
                .Where(t => clockMap.ContainsKey(t.Clock.Value))
                .Select(t => t.Waived
                    ? new TargetDefinition(clockMap[t.Clock.Value], new SlaAmount(NodaTime.Duration.Zero, 0, PolicyReader.NoneKeyword), TargetCalendar.Owner) { Waived = true }
                    : new TargetDefinition(clockMap[t.Clock.Value], ToAmount(t.Within), ToTargetCalendar(t.Calendar, calendarMap)))
                .ToImmutableArray();
            var escalations = r.Escalations.Count == 0 ? [] : r.Escalations
                .Where(e => clockMap.ContainsKey(e.Clock.Value))
                .Select((e, order) => new EscalationStepDefinition(
                    clockMap[e.Clock.Value],
                    new Policies.EscalationPoint(e.At.Kind == EscalationPointKind.Percent, e.At.Percent, e.At.AfterBreach, e.At.Text),
                    TeamList(e.Notify) ?? [],
                    order))
                .ToImmutableArray();
            NoticeDefinition? notice = null;
            if (r.Notice is { } n && schema.Find(n.Before.Value) is { Type: FieldType.Instant } beforeField)
            {
                var to = TeamList(n.To) ?? [];
                var calendar = n.Calendar is { } nc && calendarMap.TryGetValue(nc.Value, out var ncal)
                    ? ncal
                    : to.Length > 0 ? to[0].Calendar : BusinessCalendar.AlwaysOpen;
                notice = new NoticeDefinition(to, beforeField, ToAmount(n.AtLeast), calendar) { Unless = CompileExpression(n.Unless) };
            }

            rules.Add(new Rule(
                r.Id.Value,
                index,
                r.Description,
                when ?? Condition.Always,
                r.When is not null,
                r.Owner is { } o ? teamMap.GetValueOrDefault(o.Value) : null,
                TeamList(r.Approvers),
                r.Approval == Model.ApprovalMode.Any ? Policies.ApprovalMode.Any : Policies.ApprovalMode.All,
                TeamList(r.Consulted),
                TeamList(r.Informed),
                targets,
                escalations,
                notice,
                r.Final,
                r.Location)
            {
                WaivesNotice = r.Notice is { Waived: true },
            });
        }

        var freezes = declared.Freezes
            .Where(f => f.Zone is not null)
            .Select(f => new FreezeWindow(f.Id.Value, f.Description, f.Zone!, f.From, f.To, CompileExpression(f.Unless)))
            .ToImmutableArray();

        if (diagnostics.HasErrors)
        {
            return null;
        }

        var ruleArray = rules.MoveToImmutable();
        return new Policy(
            declared.Id.Value,
            declared.Version,
            declared.Description,
            declared.File,
            schema,
            calendars,
            teams,
            clocks,
            ruleArray,
            freezes,
            RuleIndex.Build(ruleArray, schema, environment))
        {
            Digest = Policy.DigestOf(declared.Text),
        };
    }

    private static SlaAmount ToAmount(DurationSpec spec) => new(spec.OpenTime, spec.BusinessDays, spec.Text);

    private static TargetCalendar ToTargetCalendar(Located<string>? calendar, Dictionary<string, BusinessCalendar> calendars) =>
        calendar is { } c && calendars.TryGetValue(c.Value, out var cal) ? TargetCalendar.Fixed(cal) : TargetCalendar.Owner;

    private static Holiday ToHoliday(HolidayDecl h)
    {
        var holiday = h.Kind switch
        {
            HolidayKind.Date => (Holiday)new FixedDateHoliday(h.Date, h.Name),
            HolidayKind.YearlyDate => new YearlyHoliday(h.Month, h.Day, h.Name),
            HolidayKind.YearlyWeekdayOnOrAfter => new WeekdayOnOrAfterHoliday(h.Month, h.Weekday, h.Day, h.Name),
            HolidayKind.Easter => new EasterHoliday(h.Day, h.Church, h.Name),
            _ => new NthWeekdayHoliday(h.Month, h.Weekday, h.Occurrence, h.Name),
        };
        return holiday with { FromYear = h.From, UntilYear = h.Until, Observance = h.Observed ?? HolidayObservance.None };
    }

    private static ImmutableArray<BusinessCalendar> BuildCalendars(PolicyDecl declared, DiagnosticBag diagnostics)
    {
        var result = ImmutableArray.CreateBuilder<BusinessCalendar>();
        foreach (var c in declared.Calendars)
        {
            if (c.Zone is null || !c.WellFormed)
            {
                continue;
            }

            var weekly = c.Hours.ToDictionary(
                p => p.Key,
                p => (IReadOnlyList<OpenHours>)p.Value.Select(h => new OpenHours(h.Start, h.End)).ToList());
            var holidays = c.Holidays.Select(ToHoliday).ToList();
            var exceptions = c.Exceptions.Select(e => new CalendarException(e.Date, [.. e.Hours.Select(h => new OpenHours(h.Start, h.End))])).ToList();
            if (BusinessCalendar.TryCreate(c.Id.Value, c.Zone, weekly, holidays, exceptions, out var calendar, out var error) && calendar is not null)
            {
                result.Add(calendar);
            }
            else
            {
                // Structural problems (overlaps, bad hours) were reported by the reader; what is left is a calendar never open.
                diagnostics.Error(DiagnosticCodes.CalendarNeverOpen, c.Id.Location, $"calendar '{c.Id.Value}' cannot be used: {error}");
            }
        }

        return result.ToImmutable();
    }
}
