using System.Collections.Generic;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Tracking;

namespace SlaEngine.Replay;

/// <summary>
/// The one place the replay reads a tracked ticket's clocks: every cycle of every clock with a target at an instant,
/// and whether later rows can still change any of them.
/// </summary>
/// <remarks>
/// Under SPEC 7 clocks a clock has a single cycle: it starts at submission and ends when <c>stopWhen</c> first holds.
/// </remarks>
internal static class TicketCycles
{
    /// <summary>Adds the cycles of every clock of <paramref name="ticket"/> that has a target, as they stand at <paramref name="at"/>.</summary>
    public static void Collect(Ticket ticket, Instant at, List<ReplayCycle> into)
    {
        var status = ticket.StatusAt(at);
        var entries = ticket.Entries;
        var last = entries.Count - 1;
        while (last > 0 && entries[last].At > at)
        {
            last--;
        }

        foreach (var clock in status.Clocks)
        {
            var index = ticket.Policy.FindClock(clock.Clock)!.Index;
            var calendar = ticket.Policy.FindCalendar(clock.CalendarId) ?? BusinessCalendar.AlwaysOpen;
            Instant? end = null;
            var owner = status.Decision.Owner;
            var fields = entries[last].Fields;
            if (clock.State == ClockState.Stopped)
            {
                var k = 0;
                while (!entries[k].Stopped[index])
                {
                    k++;
                }

                end = entries[k].At;
                if (k != last)
                {
                    fields = entries[k].Fields;
                    var walk = RuleWalk.Rent(ticket.Policy, fields);
                    owner = walk.Owner?.Id;
                    walk.Return();
                }
            }

            var outcome = clock.Breached ? CycleOutcome.Breached : end is null ? CycleOutcome.Running : CycleOutcome.Met;
            into.Add(new ReplayCycle(clock.Clock, 1, outcome, owner, ticket.SubmittedAt, end, clock.Target, clock.Elapsed, calendar, fields, clock.Escalations));
        }
    }

    /// <summary>Whether no later entry can change any cycle of the ticket (every clock has ended for good).</summary>
    public static bool IsFinal(Ticket ticket)
    {
        var stopped = ticket.Entries[^1].Stopped;
        foreach (var s in stopped)
        {
            if (!s)
            {
                return false;
            }
        }

        return true;
    }
}
