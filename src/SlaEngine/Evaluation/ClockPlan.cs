using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.InteropServices;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>
/// What a decision says about one clock that has a target: the calendar it counts on, the target as open time,
/// and each escalation step as an amount of open time after submission. Both a one-off decision (instants from
/// submission) and a ticket tracker (elapsed running time) read it.
/// </summary>
internal readonly record struct ClockPlan(
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
        Build(walk, submittedAt, plans, ref outOfRange);
        return plans;
    }

    /// <summary>As <see cref="Build(RuleWalk, Instant, List{string})"/>, into a given list; the out-of-range list is created when first needed.</summary>
    public static void Build(RuleWalk walk, Instant submittedAt, List<ClockPlan> plans, ref List<string>? outOfRange)
    {
        for (var i = 0; i < walk.Targets.Length; i++)
        {
            if (walk.Targets[i] is not { Waived: false } target)
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
                (outOfRange ??= []).Add(target.Clock.Name);
                continue;
            }

            var ladderRule = walk.LadderRules[i];
            var steps = ImmutableArray<PlannedStep>.Empty;
            if (ladderRule is not null)
            {
                var count = 0;
                foreach (var step in ladderRule.Escalations)
                {
                    count += step.Clock.Index == i ? 1 : 0;
                }

                var array = new PlannedStep[count];
                count = 0;
                foreach (var step in ladderRule.Escalations)
                {
                    if (step.Clock.Index == i)
                    {
                        array[count++] = new PlannedStep(step, OffsetOf(step.At, open));
                    }
                }

                steps = ImmutableCollectionsMarshal.AsImmutableArray(array);
            }

            plans.Add(new ClockPlan(target.Clock, calendar, target, walk.TargetRules[i]!, open, due, ladderRule, steps));
        }
    }

    /// <summary>The open time after submission at which a step fires: N% of the target exactly (to the nanosecond, rounded down), or target + D.</summary>
    private const long NanosecondsPerDay = 86_400_000_000_000;

    internal static Duration OffsetOf(EscalationPoint point, Duration target)
    {
        if (!point.IsPercent)
        {
            return target + point.AfterBreach;
        }

        // Percent has at most six decimals: scale it to an integer to stay exact. 128-bit integers hold any target
        // (Duration spans under 2^77 ns) times a scaled percent under 2^40 (a million percent) without BigInteger's
        // allocations; anything larger takes the BigInteger path.
        var scaled = decimal.Round(point.Percent * 1_000_000m);
        if (scaled is > 1_000_000_000_000m or < -1_000_000_000_000m)
        {
            return Duration.FromNanoseconds(target.ToBigIntegerNanoseconds() * new BigInteger(scaled) / 100_000_000);
        }

        var total = ((Int128)target.Days * NanosecondsPerDay) + target.NanosecondOfDay;
        var product = total * (long)scaled;
        var nanos = product / 100_000_000;
        return nanos >= long.MinValue && nanos <= long.MaxValue ? Duration.FromNanoseconds((long)nanos) : Duration.FromNanoseconds((BigInteger)nanos);
    }
}

/// <summary>An escalation step with the open time after submission at which it fires.</summary>
internal readonly record struct PlannedStep(EscalationStepDefinition Step, Duration Offset);
