using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;
using SlaEngine.Events;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>Turns a rule walk into a <see cref="Decision"/>: deadlines, escalation instants, notice, violations and trace.</summary>
internal static class DecisionEvaluator
{
    public static Decision Decide(Policy policy, ChangeEvent e)
    {
        var walk = RuleWalk.Run(policy, e);
        var outOfRange = new List<string>(0);
        var plans = ClockPlan.Build(walk, e.SubmittedAt, outOfRange);
        return Compose(policy, e, walk, plans, outOfRange);
    }

    internal static Decision Compose(Policy policy, ChangeEvent e, RuleWalk walk, List<ClockPlan> plans, List<string> outOfRange)
    {
        var submittedAt = e.SubmittedAt;
        var deadlines = ImmutableArray.CreateBuilder<Deadline>(plans.Count);
        var escalations = new List<(ScheduledEscalation Item, int Clock, int Order)>();
        foreach (var plan in plans)
        {
            deadlines.Add(new Deadline(plan.Clock.Name, plan.Due, plan.Calendar.Id, plan.Target.Within.Text, plan.TargetOpenTime, plan.TargetRule.Id));
            foreach (var planned in plan.Steps)
            {
                Instant at;
                try
                {
                    at = planned.Offset == plan.TargetOpenTime ? plan.Due : plan.Calendar.Add(submittedAt, planned.Offset);
                }
                catch (CalendarRangeException)
                {
                    outOfRange.Add(plan.Clock.Name);
                    continue;
                }

                escalations.Add((new ScheduledEscalation(plan.Clock.Name, at, planned.Step.At.Text, TeamIds(planned.Step.Notify)), plan.Clock.Index, planned.Step.Order));
            }
        }

        escalations.Sort(static (a, b) =>
        {
            var c = a.Item.At.CompareTo(b.Item.At);
            if (c == 0)
            {
                c = a.Clock.CompareTo(b.Clock);
            }

            return c != 0 ? c : a.Order.CompareTo(b.Order);
        });

        var violations = ImmutableArray.CreateBuilder<Violation>();
        if (walk.Owner is null)
        {
            violations.Add(new Violation(Violation.Unowned, "no matching rule sets an owner"));
        }

        var notice = Notice(walk, e, violations);
        Freezes(policy, e, violations);
        foreach (var clock in outOfRange)
        {
            violations.Add(new Violation(Violation.OutOfRange, $"the deadline of clock '{clock}' falls outside the supported range of dates"));
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
            deadlines.MoveToImmutable(),
            [.. escalations.ConvertAll(x => x.Item)],
            notice,
            violations.ToImmutable(),
            Trace(policy, walk));
    }

    private static NoticeOutcome? Notice(RuleWalk walk, ChangeEvent e, ImmutableArray<Violation>.Builder violations)
    {
        if (walk.Notice is not { } notice)
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

    private static void Freezes(Policy policy, ChangeEvent e, ImmutableArray<Violation>.Builder violations)
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
        var facets = ImmutableArray.CreateBuilder<FacetDecision>();
        void Add(string facet, Rule? rule)
        {
            if (rule is not null)
            {
                facets.Add(new FacetDecision(facet, rule.Id));
            }
        }

        Add("owner", walk.OwnerRule);
        Add("approvers", walk.ApproversRule);
        Add("consulted", walk.ConsultedRule);
        Add("informed", walk.InformedRule);
        Add("notice", walk.NoticeRule);
        foreach (var clock in policy.Clocks)
        {
            Add("targets." + clock.Name, walk.TargetRules[clock.Index]);
        }

        foreach (var clock in policy.Clocks)
        {
            Add("escalations." + clock.Name, walk.LadderRules[clock.Index]);
        }

        var matched = ImmutableArray.CreateBuilder<string>(walk.Matched.Count);
        foreach (var rule in walk.Matched)
        {
            matched.Add(rule.Id);
        }

        return new DecisionTrace(facets.ToImmutable(), matched.MoveToImmutable());
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
