using System.Collections.Generic;
using System.Collections.Immutable;
using System.Numerics;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>
/// What a decision says about one clock that has a target: the calendar it counts on, the target as open time,
/// and each escalation step as an amount of open time after submission. Both a one-off decision (instants from
/// submission) and a ticket tracker (elapsed running time) read it.
/// </summary>
internal sealed record ClockPlan(
    ClockDefinition Clock,
    BusinessCalendar Calendar,
    TargetDefinition Target,
    Rule TargetRule,
    Duration TargetOpenTime,
    Instant Due,
    Rule? LadderRule,
    ImmutableArray<PlannedStep> Steps)
{
    /// <summary>Builds the plans of every clock with a target, in clock order; a clock whose due instant falls out of range is left out and reported.</summary>
    public static List<ClockPlan> Build(RuleWalk walk, Instant submittedAt, List<string>? outOfRange)
    {
        var plans = new List<ClockPlan>(walk.Targets.Length);
        for (var i = 0; i < walk.Targets.Length; i++)
        {
            if (walk.Targets[i] is not { } target)
            {
                continue;
            }

            var calendar = target.Calendar.Resolve(walk.Owner);
            Instant due;
            Duration open;
            try
            {
                if (target.Within.IsBusinessDays)
                {
                    due = calendar.AddBusinessDays(submittedAt, target.Within.BusinessDays);
                    open = calendar.OpenTimeBetween(submittedAt, due);
                }
                else
                {
                    open = target.Within.OpenTime;
                    due = calendar.Add(submittedAt, open);
                }
            }
            catch (CalendarRangeException)
            {
                outOfRange?.Add(target.Clock.Name);
                continue;
            }

            var ladderRule = walk.LadderRules[i];
            var steps = ImmutableArray<PlannedStep>.Empty;
            if (ladderRule is not null)
            {
                var builder = ImmutableArray.CreateBuilder<PlannedStep>();
                foreach (var step in ladderRule.Escalations)
                {
                    if (step.Clock.Index == i)
                    {
                        builder.Add(new PlannedStep(step, OffsetOf(step.At, open)));
                    }
                }

                steps = builder.ToImmutable();
            }

            plans.Add(new ClockPlan(target.Clock, calendar, target, walk.TargetRules[i]!, open, due, ladderRule, steps));
        }

        return plans;
    }

    /// <summary>The open time after submission at which a step fires: N% of the target exactly (to the nanosecond, rounded down), or target + D.</summary>
    internal static Duration OffsetOf(EscalationPoint point, Duration target)
    {
        if (!point.IsPercent)
        {
            return target + point.AfterBreach;
        }

        // Percent has at most six decimals: scale it to an integer to stay exact.
        var scaledPercent = new BigInteger(decimal.Round(point.Percent * 1_000_000m));
        var nanos = target.ToBigIntegerNanoseconds() * scaledPercent / 100_000_000;
        return Duration.FromNanoseconds(nanos);
    }
}

/// <summary>An escalation step with the open time after submission at which it fires.</summary>
internal readonly record struct PlannedStep(EscalationStepDefinition Step, Duration Offset);
