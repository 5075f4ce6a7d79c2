using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Events;

namespace SlaEngine.Tracking;

/// <summary>
/// A ticket's timeline under a policy: the submission, then field changes at instants. Immutable and thread-safe:
/// <see cref="Append(Instant, IEnumerable{KeyValuePair{string, object}})"/> returns a new ticket that shares the
/// earlier entries, so an integration that receives one change at a time never replays from scratch.
/// </summary>
/// <remarks>
/// Each clock starts at submission; after each entry it is paused while <c>pauseWhen</c> holds on the ticket's
/// current fields, and stops for good at the first entry where <c>stopWhen</c> holds. The decision is re-evaluated
/// on the current fields after each entry and targets always count from submission, so a raise from P3 to P1 applies
/// the P1 target retroactively; elapsed time is measured on the calendar of the target in force at the instant asked.
/// Cost: appending evaluates the clock conditions once; <see cref="StatusAt(Instant)"/> evaluates the rules once and
/// visits each entry up to the instant once (proportional to the number of entries, not to the ticket's age).
/// </remarks>
public sealed class Ticket
{
    private readonly ImmutableList<TicketEntry> _entries;

    private Ticket(Policy policy, ImmutableList<TicketEntry> entries)
    {
        Policy = policy;
        _entries = entries;
    }

    /// <summary>The policy the ticket is tracked under.</summary>
    public Policy Policy { get; }

    /// <summary>The entries, the submission first, in time order.</summary>
    public IReadOnlyList<TicketEntry> Entries => _entries;

    /// <summary>The ticket's current fields (after the last entry).</summary>
    public ChangeEvent Current => _entries[^1].Fields;

    /// <summary>When the ticket was submitted.</summary>
    public Instant SubmittedAt => _entries[0].At;

    internal static Ticket Start(Policy policy, ChangeEvent submission)
    {
        var clocks = policy.Clocks;
        var paused = ImmutableArray.CreateBuilder<bool>(clocks.Length);
        var stopped = ImmutableArray.CreateBuilder<bool>(clocks.Length);
        foreach (var clock in clocks)
        {
            paused.Add(clock.PauseWhen?.Evaluate(submission) ?? false);
            stopped.Add(clock.StopWhen?.Evaluate(submission) ?? false);
        }

        var entry = new TicketEntry(0, submission.SubmittedAt, submission, paused.MoveToImmutable(), stopped.MoveToImmutable());
        return new Ticket(policy, [entry]);
    }

    /// <summary>Appends an entry that sets some fields at an instant.</summary>
    /// <param name="at">When the change happened; not before the previous entry (equal instants apply in order).</param>
    /// <param name="changes">Field name → new value (as for <see cref="ChangeEventBuilder.Set(string, object)"/>; null clears an optional field).</param>
    /// <returns>The new ticket; this one is unchanged.</returns>
    /// <exception cref="TimelineException">The entry is out of order or sets an invalid value; the message names the entry and the field.</exception>
    public Ticket Append(Instant at, IEnumerable<KeyValuePair<string, object?>> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return Append(at, changes.Select(p => new KeyValuePair<string, RawValue>(p.Key, EventReader.FromClr(p.Value))));
    }

    internal Ticket Append(Instant at, IEnumerable<KeyValuePair<string, RawValue>> changes)
    {
        var index = _entries.Count;
        var last = _entries[^1];
        if (at < last.At)
        {
            throw new TimelineException(index, $"timeline entry {index} at {at} is before entry {index - 1} at {last.At}: entries must be in time order", []);
        }

        var result = EventChanges.Apply(last.Fields, changes);
        if (!result.Success)
        {
            throw new TimelineException(index, $"timeline entry {index} at {at}: {result.ErrorMessage}", result.Errors);
        }

        var fields = result.Event;
        var clocks = Policy.Clocks;
        var paused = ImmutableArray.CreateBuilder<bool>(clocks.Length);
        var stopped = ImmutableArray.CreateBuilder<bool>(clocks.Length);
        for (var i = 0; i < clocks.Length; i++)
        {
            var stop = last.Stopped[i] || (clocks[i].StopWhen?.Evaluate(fields) ?? false);
            stopped.Add(stop);
            paused.Add(!stop && (clocks[i].PauseWhen?.Evaluate(fields) ?? false));
        }

        return new Ticket(Policy, _entries.Add(new TicketEntry(index, at, fields, paused.MoveToImmutable(), stopped.MoveToImmutable())));
    }

    /// <summary>The decision on the ticket's fields as they stood at an instant (targets count from submission).</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The decision.</returns>
    public Decision DecisionAt(Instant at) => DecisionEvaluator.Decide(Policy, _entries[IndexAt(at)].Fields);

    /// <summary>Where every clock with a target stands at an instant. Never throws.</summary>
    /// <param name="at">The instant; one before submission is treated as the submission.</param>
    /// <returns>The status of each clock.</returns>
    public TicketStatus StatusAt(Instant at)
    {
        if (at < SubmittedAt)
        {
            at = SubmittedAt;
        }

        var k = IndexAt(at);
        var fields = _entries[k].Fields;
        var walk = RuleWalk.Run(Policy, fields);
        var outOfRange = new List<string>(0);
        var plans = ClockPlan.Build(walk, SubmittedAt, outOfRange);
        var decision = DecisionEvaluator.Compose(Policy, fields, walk, plans, outOfRange);
        var statuses = ImmutableArray.CreateBuilder<ClockStatus>(plans.Count);
        foreach (var plan in plans)
        {
            statuses.Add(ClockAt(plan, k, at));
        }

        return new TicketStatus(at, decision, statuses.MoveToImmutable());
    }

    /// <summary>The index of the last entry at or before an instant (entries with equal instants: the last of them).</summary>
    private int IndexAt(Instant at)
    {
        int lo = 0, hi = _entries.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (_entries[mid].At <= at)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    private ClockStatus ClockAt(ClockPlan plan, int k, Instant at)
    {
        var i = plan.Clock.Index;
        var calendar = plan.Calendar;
        var target = plan.TargetOpenTime;
        var elapsed = Duration.Zero;
        Instant? breachedAt = null;
        var steps = plan.Steps;
        var firedAt = new Instant?[steps.Length];
        var fired = 0;
        var index = 0;
        foreach (var entry in _entries)
        {
            if (index > k)
            {
                break;
            }

            var start = entry.At;
            var end = index < k ? _entries[index + 1].At : at;
            index++;
            if (entry.Stopped[i] || entry.Paused[i] || end <= start)
            {
                continue;
            }

            var open = SafeOpenTime(calendar, start, end);
            var after = elapsed + open;
            if (breachedAt is null && after > target)
            {
                breachedAt = Crossing(calendar, start, target - elapsed);
            }

            for (var s = 0; s < steps.Length && fired < steps.Length; s++)
            {
                if (firedAt[s] is null && after > steps[s].Offset)
                {
                    firedAt[s] = Crossing(calendar, start, steps[s].Offset - elapsed);
                    fired++;
                }
            }

            elapsed = after;
        }

        var last = _entries[k];
        var state = last.Stopped[i] ? ClockState.Stopped : last.Paused[i] ? ClockState.Paused : ClockState.Running;
        var remaining = target > elapsed ? target - elapsed : Duration.Zero;
        Instant? due = null;
        if (state == ClockState.Running)
        {
            due = remaining > Duration.Zero ? SafeAdd(calendar, at, remaining) : breachedAt ?? at;
        }

        var firedSteps = ImmutableArray.CreateBuilder<FiredEscalation>(fired);
        for (var s = 0; s < steps.Length; s++)
        {
            if (firedAt[s] is { } when)
            {
                firedSteps.Add(new FiredEscalation(steps[s].Step.At.Text, when, DecisionEvaluator.TeamIds(steps[s].Step.Notify)));
            }
        }

        firedSteps.Sort(static (a, b) => a.At.CompareTo(b.At));
        return new ClockStatus(
            plan.Clock.Name,
            state,
            elapsed,
            target,
            remaining,
            due,
            elapsed > target,
            breachedAt,
            calendar.Id,
            plan.Target.Within.Text,
            firedSteps.MoveToImmutable());
    }

    /// <summary>The instant at which <paramref name="amount"/> more open time has run from <paramref name="start"/>.</summary>
    private static Instant Crossing(BusinessCalendar calendar, Instant start, Duration amount) =>
        amount <= Duration.Zero ? start : SafeAdd(calendar, start, amount) ?? start;

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

    private static Instant? SafeAdd(BusinessCalendar calendar, Instant start, Duration amount)
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
}
