using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;
using SlaEngine.Events;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>Turns a rule walk into a <see cref="Decision"/>: deadlines, escalation instants, notice, violations and trace.</summary>
internal static class DecisionEvaluator
{
    // A decision allocates what it returns and little else: the walk and the scratch lists are the thread's spare
    // (see RuleWalk.Rent), the trace entries are shared per rule (RuleFacets), and arrays are handed to
    // ImmutableArray without a builder's copy.
    private static readonly Violation UnownedViolation = new(Violation.Unowned, "no matching rule sets an owner");

    public static Decision Decide(Policy policy, ChangeEvent e)
    {
        var walk = RuleWalk.Rent(policy, e);
        List<string>? outOfRange = null;
        ClockPlan.Build(walk, e.SubmittedAt, walk.Plans, ref outOfRange);
        var decision = Compose(policy, e, walk, walk.Plans, outOfRange);
        walk.Return();
        return decision;
    }

    internal static Decision Compose(Policy policy, ChangeEvent e, RuleWalk walk, List<ClockPlan> plans, List<string>? outOfRange)
    {
        var submittedAt = e.SubmittedAt;
        var deadlines = new Deadline[plans.Count];
        var escalations = walk.ScheduledEscalations;
        escalations.Clear();
        for (var p = 0; p < plans.Count; p++)
        {
            var plan = plans[p];
            deadlines[p] = new Deadline(plan.Clock.Name, plan.Due, plan.Calendar.Id, plan.Target.Within.Text, plan.TargetOpenTime, plan.TargetRule.Id);
            foreach (var planned in plan.Steps)
            {
                Instant at;
                try
                {
                    at = planned.Offset == plan.TargetOpenTime ? plan.Due : plan.Calendar.Add(submittedAt, planned.Offset);
                }
                catch (CalendarRangeException)
                {
                    (outOfRange ??= []).Add(plan.Clock.Name);
                    continue;
                }

                escalations.Add((new ScheduledEscalation(plan.Clock.Name, at, planned.Step.At.Text, TeamIds(planned.Step.Notify)), plan.Clock.Index, planned.Step.Order));
            }
        }

        var schedule = ImmutableArray<ScheduledEscalation>.Empty;
        if (escalations.Count > 0)
        {
            escalations.Sort(static (a, b) =>
            {
                var c = a.Item.At.CompareTo(b.Item.At);
                if (c == 0)
                {
                    c = a.Clock.CompareTo(b.Clock);
                }

                return c != 0 ? c : a.Order.CompareTo(b.Order);
            });
            var items = new ScheduledEscalation[escalations.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = escalations[i].Item;
            }

            schedule = ImmutableCollectionsMarshal.AsImmutableArray(items);
        }

        var violations = walk.Violations;
        violations.Clear();
        if (walk.Owner is null)
        {
            violations.Add(UnownedViolation);
        }

        var notice = Notice(walk, e, violations);
        Freezes(policy, e, violations);
        if (outOfRange is not null)
        {
            foreach (var clock in outOfRange)
            {
                violations.Add(new Violation(Violation.OutOfRange, $"the deadline of clock '{clock}' falls outside the supported range of dates"));
            }
        }

        return new Decision(
            policy.Id,
            policy.Version,
            e.Id,
            submittedAt,
            walk.Owner,
            walk.Approvers,
            walk.Approval,
            walk.Consulted,
            walk.Informed,
            ImmutableCollectionsMarshal.AsImmutableArray(deadlines),
            schedule,
            notice,
            violations.Count == 0 ? [] : [.. violations],
            Trace(policy, walk));
    }

    private static NoticeOutcome? Notice(RuleWalk walk, ChangeEvent e, List<Violation> violations)
    {
        if (walk.Notice is not { } notice || (notice.Unless is { } unless && unless.Evaluate(e)))
        {
            return null;
        }

        ref readonly var before = ref e[notice.Before.Slot];
        if (before.Kind != FieldValueKind.Instant)
        {
            return null;
        }

        Instant due;
        try
        {
            due = notice.AtLeast.IsBusinessDays
                ? notice.Calendar.SubtractBusinessDays(before.Instant, notice.AtLeast.BusinessDays)
                : notice.Calendar.Subtract(before.Instant, notice.AtLeast.OpenTime);
        }
        catch (CalendarRangeException)
        {
            violations.Add(new Violation(Violation.OutOfRange, "the notice period falls outside the supported range of dates"));
            return null;
        }

        var met = e.SubmittedAt <= due;
        if (!met)
        {
            violations.Add(new Violation(
                Violation.NoticePeriod,
                $"{notice.AtLeast.Text} notice to {string.Join(", ", TeamIds(notice.To))} before {notice.Before.Name} needed the request by {Format(due, notice.Calendar)}"));
        }

        return new NoticeOutcome(due, met, TeamIds(notice.To), before.Instant, notice.AtLeast.Text, notice.Calendar.Id);
    }

    private static void Freezes(Policy policy, ChangeEvent e, List<Violation> violations)
    {
        if (policy.ScheduledStartField is not { } field || policy.Freezes.IsEmpty)
        {
            return;
        }

        ref readonly var scheduled = ref e[field.Slot];
        if (scheduled.Kind != FieldValueKind.Instant)
        {
            return;
        }

        foreach (var freeze in policy.Freezes)
        {
            if (freeze.Contains(scheduled.Instant) && !(freeze.Unless?.Evaluate(e) ?? false))
            {
                violations.Add(new Violation(Violation.Freeze, $"scheduledStart falls in freeze '{freeze.Id}'"));
            }
        }
    }

    private static DecisionTrace Trace(Policy policy, RuleWalk walk)
    {
        var facets = walk.Facets;
        facets.Clear();
        var table = policy.Index.Facets;
        AddIfSet(facets, walk.OwnerRule is { } owner ? table[owner.Index].Owner : null);
        AddIfSet(facets, walk.ApproversRule is { } approvers ? table[approvers.Index].Approvers : null);
        AddIfSet(facets, walk.ConsultedRule is { } consulted ? table[consulted.Index].Consulted : null);
        AddIfSet(facets, walk.InformedRule is { } informed ? table[informed.Index].Informed : null);
        AddIfSet(facets, walk.NoticeRule is { } noticeRule ? table[noticeRule.Index].Notice : null);
        var clocks = policy.Clocks.Length;
        for (var i = 0; i < clocks; i++)
        {
            AddIfSet(facets, walk.TargetRules[i] is { } rule ? table[rule.Index].Targets[i] : null);
        }

        for (var i = 0; i < clocks; i++)
        {
            AddIfSet(facets, walk.LadderRules[i] is { } rule ? table[rule.Index].Escalations[i] : null);
        }

        var matched = new string[walk.MatchedIds.Count];
        walk.MatchedIds.CopyTo(matched);

        return new DecisionTrace(
            facets.Count == 0 ? [] : [.. facets],
            ImmutableCollectionsMarshal.AsImmutableArray(matched));
    }

    private static void AddIfSet(List<FacetDecision> facets, FacetDecision? facet)
    {
        if (facet is not null)
        {
            facets.Add(facet);
        }
    }

    internal static ImmutableArray<string> TeamIds(ImmutableArray<Team> teams)
    {
        var ids = ImmutableArray.CreateBuilder<string>(teams.Length);
        foreach (var t in teams)
        {
            ids.Add(t.Id);
        }

        return ids.MoveToImmutable();
    }

    private static readonly ZonedDateTimePattern LocalPattern = ZonedDateTimePattern.CreateWithInvariantCulture("ddd uuuu'-'MM'-'dd HH':'mm o<g>", null);

    internal static string Format(Instant instant, BusinessCalendar calendar) =>
        InZoneOrNull(instant, calendar) is { } local ? LocalPattern.Format(local) : instant.ToString();

    /// <summary>The instant in the calendar's zone, or null at the ends of time where the local date has no ISO form (-9998-01-01T00:00Z west of UTC).</summary>
    internal static ZonedDateTime? InZoneOrNull(Instant instant, BusinessCalendar calendar)
    {
        try
        {
            return instant.InZone(calendar.Zone);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
