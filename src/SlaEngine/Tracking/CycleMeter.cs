using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Tracking;

/// <summary>
/// Measures one cycle of a clock over a ticket's entries: picks its target (<c>retroactive</c>: the decision given;
/// <c>strictest</c>: the smallest target in force at the cycle's entries), counts the open time on the target's
/// calendar while the cycle ran, and finds the instants it breached and each escalation step fired. Every amount
/// counts from the cycle's own start: a business-day target is converted from it, and steps fire anew per cycle.
/// Cost: one pass over the cycle's entries (one open-time sum per running stretch).
/// </summary>
internal static class CycleMeter
{
    /// <param name="policy">The ticket's policy.</param>
    /// <param name="entries">The ticket's entries (those up to <paramref name="last"/> have their phases).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="number">The cycle's number.</param>
    /// <param name="start">The entry that started the cycle.</param>
    /// <param name="cycleStart">That entry's instant (the entry may not be in <paramref name="entries"/> yet when the cycle ends where it started).</param>
    /// <param name="last">The last entry whose phase counts (the one before the ending entry, or the last at the instant asked).</param>
    /// <param name="until">The end of the last stretch: the ending entry's instant, or the instant asked.</param>
    /// <param name="current">The decision in force for a retroactive target and for the ladder and owner.</param>
    public static CycleFigures Measure(Policy policy, TicketEntry[] entries, ClockDefinition clock, int number, int start, Instant cycleStart, int last, Instant until, EntryDecision current)
    {
        var i = clock.Index;
        TargetDefinition? target = null;
        BusinessCalendar? calendar = null;
        var open = Duration.Zero;
        if (clock.Retarget == ClockRetarget.Strictest && last >= start)
        {
            EntryDecision? seen = null;
            for (var j = start; j <= last; j++)
            {
                var decision = entries[j].Decision;
                if (ReferenceEquals(decision, seen))
                {
                    continue;
                }

                seen = decision;
                if (TryTarget(decision, i, cycleStart, out var t, out var c, out var o) && (target is null || o < open))
                {
                    (target, calendar, open) = (t, c, o);
                }
            }
        }
        else if (TryTarget(current, i, cycleStart, out var t, out var c, out var o))
        {
            (target, calendar, open) = (t, c, o);
        }

        var steps = target is null ? [] : Ladder(current.Ladders[i], i, open);
        var meter = calendar ?? BusinessCalendar.AlwaysOpen;
        var elapsed = Duration.Zero;
        Instant? breachedAt = null;
        var firedAt = steps.Length == 0 ? [] : new Instant?[steps.Length];
        var fired = 0;
        List<(Team? Owner, Duration Elapsed)>? owners = null;
        for (var j = start; j <= last; j++)
        {
            var entry = entries[j];
            var phase = entry.Phases[i];
            if (!phase.Active || phase.Paused || phase.Cycle != number)
            {
                continue;
            }

            var from = entry.At;
            var to = j < last ? entries[j + 1].At : until;
            if (to <= from)
            {
                continue;
            }

            var stretch = SafeOpenTime(meter, from, to);
            if (stretch == Duration.Zero)
            {
                continue;
            }

            var after = elapsed + stretch;
            if (target is not null && breachedAt is null && after > open)
            {
                breachedAt = Crossing(meter, from, open - elapsed);
            }

            for (var s = 0; s < steps.Length && fired < steps.Length; s++)
            {
                if (firedAt[s] is null && after > steps[s].Offset)
                {
                    firedAt[s] = Crossing(meter, from, steps[s].Offset - elapsed);
                    fired++;
                }
            }

            owners ??= new List<(Team?, Duration)>(2);
            AddOwnerTime(owners, entry.Decision.Owner, stretch);
            elapsed = after;
        }

        return new CycleFigures(
            target is null ? null : open,
            target?.Within.Text,
            calendar,
            calendar?.Id,
            current.Owner?.Id,
            elapsed,
            breachedAt,
            Fired(clock.Name, number, steps, firedAt, fired),
            ByOwner(owners),
            steps);
    }

    /// <summary>The instant at which <paramref name="amount"/> more open time has run from <paramref name="start"/>.</summary>
    internal static Instant Crossing(BusinessCalendar calendar, Instant start, Duration amount) =>
        amount <= Duration.Zero ? start : SafeAdd(calendar, start, amount) ?? start;

    internal static Instant? SafeAdd(BusinessCalendar calendar, Instant start, Duration amount)
    {
        try
        {
            return calendar.Add(start, amount);
        }
        catch (CalendarRangeException)
        {
            return null;
        }
    }

    private static Duration SafeOpenTime(BusinessCalendar calendar, Instant start, Instant end)
    {
        try
        {
            return calendar.OpenTimeBetween(start, end);
        }
        catch (CalendarRangeException)
        {
            return Duration.Zero;
        }
    }

    /// <summary>The target a decision gives a clock, as open time counted from the cycle's start, with its calendar; false when none (or waived).</summary>
    private static bool TryTarget(EntryDecision decision, int clock, Instant cycleStart, out TargetDefinition target, out BusinessCalendar calendar, out Duration open)
    {
        target = decision.Targets[clock]!;
        calendar = BusinessCalendar.AlwaysOpen;
        open = Duration.Zero;
        if (target is null || target.Waived)
        {
            return false;
        }

        calendar = target.Calendar.Resolve(decision.Owner);
        if (!target.Within.IsBusinessDays)
        {
            open = target.Within.OpenTime;
            return true;
        }

        try
        {
            open = calendar.OpenTimeBetween(cycleStart, calendar.AddBusinessDays(cycleStart, target.Within.BusinessDays));
            return true;
        }
        catch (CalendarRangeException)
        {
            return false;
        }
    }

    private static PlannedStep[] Ladder(Rule? rule, int clock, Duration target)
    {
        if (rule is null)
        {
            return [];
        }

        var count = 0;
        foreach (var step in rule.Escalations)
        {
            count += step.Clock.Index == clock ? 1 : 0;
        }

        var steps = new PlannedStep[count];
        count = 0;
        foreach (var step in rule.Escalations)
        {
            if (step.Clock.Index == clock)
            {
                steps[count++] = new PlannedStep(step, ClockPlan.OffsetOf(step.At, target));
            }
        }

        return steps;
    }

    private static ImmutableArray<FiredEscalation> Fired(string clock, int number, PlannedStep[] steps, Instant?[] firedAt, int fired)
    {
        if (fired == 0)
        {
            return [];
        }

        var result = new FiredEscalation[fired];
        var n = 0;
        for (var s = 0; s < steps.Length; s++)
        {
            if (firedAt[s] is { } when)
            {
                result[n++] = new FiredEscalation(clock, number, s, steps[s].Step.At.Text, when, DecisionEvaluator.TeamIds(steps[s].Step.Notify));
            }
        }

        // Stable: steps fired at one instant keep their ladder order.
        var sorted = new List<FiredEscalation>(result);
        sorted.Sort(static (a, b) =>
        {
            var c = a.At.CompareTo(b.At);
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        return [.. sorted];
    }

    private static void AddOwnerTime(List<(Team? Owner, Duration Elapsed)> owners, Team? owner, Duration stretch)
    {
        var span = CollectionsMarshal.AsSpan(owners);
        for (var k = 0; k < span.Length; k++)
        {
            if (span[k].Owner == owner)
            {
                span[k].Elapsed += stretch;
                return;
            }
        }

        owners.Add((owner, stretch));
    }

    private static ImmutableArray<OwnerElapsed> ByOwner(List<(Team? Owner, Duration Elapsed)>? owners)
    {
        if (owners is null)
        {
            return [];
        }

        var result = new OwnerElapsed[owners.Count];
        for (var k = 0; k < result.Length; k++)
        {
            result[k] = new OwnerElapsed(owners[k].Owner?.Id, owners[k].Elapsed);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }
}
