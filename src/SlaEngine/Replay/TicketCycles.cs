using System.Collections.Generic;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Events;
using SlaEngine.Tracking;

namespace SlaEngine.Replay;

/// <summary>
/// The one place the replay reads a tracked ticket's clocks: every cycle of every clock with a target at an instant
/// (the ended ones and the current one), and whether later rows can still change any of them.
/// </summary>
internal static class TicketCycles
{
    /// <summary>Adds the cycles of every clock of <paramref name="ticket"/> that has a target, as they stand at <paramref name="at"/>.</summary>
    public static void Collect(Ticket ticket, Instant at, List<ReplayCycle> into)
    {
        var status = ticket.StatusAt(at);
        var policy = ticket.Policy;
        foreach (var clock in status.Clocks)
        {
            foreach (var cycle in clock.Cycles)
            {
                var outcome = cycle.EndedBy switch
                {
                    CycleEnd.Cancel => CycleOutcome.Cancelled,
                    CycleEnd.Reset => cycle.Breached ? CycleOutcome.Breached : CycleOutcome.Reset,
                    _ => cycle.Breached ? CycleOutcome.Breached : CycleOutcome.Met,
                };
                var calendar = cycle.CalendarId is { } id ? policy.FindCalendar(id) ?? BusinessCalendar.AlwaysOpen : BusinessCalendar.AlwaysOpen;
                into.Add(new ReplayCycle(clock.Clock, cycle.Number, outcome, cycle.Owner, cycle.Start, cycle.End, cycle.Target ?? Duration.Zero, cycle.Elapsed, calendar, FieldsAt(ticket, cycle.End), cycle.Escalations));
            }

            if (clock.State is ClockState.Running or ClockState.Paused && clock.CycleStart is { } start)
            {
                var calendar = clock.CalendarId is { } id ? policy.FindCalendar(id) ?? BusinessCalendar.AlwaysOpen : BusinessCalendar.AlwaysOpen;
                var outcome = clock.Breached ? CycleOutcome.Breached : CycleOutcome.Running;
                into.Add(new ReplayCycle(clock.Clock, clock.Cycle, outcome, status.Decision.Owner, start, null, clock.Target ?? Duration.Zero, clock.Elapsed, calendar, FieldsAt(ticket, at), clock.Escalations));
            }
            else if (clock.State == ClockState.NotStarted && clock.Cycle == 0)
            {
                into.Add(new ReplayCycle(clock.Clock, 0, CycleOutcome.NotStarted, status.Decision.Owner, ticket.SubmittedAt, null, Duration.Zero, Duration.Zero, BusinessCalendar.AlwaysOpen, FieldsAt(ticket, at), []));
            }
        }
    }

    /// <summary>Whether no later entry can change any cycle of the ticket (every clock has ended for good).</summary>
    public static bool IsFinal(Ticket ticket)
    {
        var last = ticket.Entries[^1];
        foreach (var clock in ticket.Policy.Clocks)
        {
            var phase = last.Phases[clock.Index];
            if (phase.Active || phase.Cycle == 0 || phase.LastEnd == CycleEnd.Reset || clock.Repeat)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The ticket's fields as of the last entry at or before an instant.</summary>
    private static ChangeEvent FieldsAt(Ticket ticket, Instant at)
    {
        var entries = ticket.Entries;
        var k = entries.Count - 1;
        while (k > 0 && entries[k].At > at)
        {
            k--;
        }

        return entries[k].Fields;
    }
}
