using SlaEngine.Events;
using SlaEngine.Expressions;
using SlaEngine.Policies;

namespace SlaEngine.Tracking;

/// <summary>What one timeline entry did to a clock: its phase after the entry, and the cycle that ended there, if any.</summary>
internal readonly record struct ClockTransition(ClockPhase Phase, CycleEnd? Ended, int EndedCycle, int EndedStart);

/// <summary>
/// The lifecycle rules of a clock, applied at each timeline entry on the ticket's fields after it. While a cycle is
/// active: <c>cancelWhen</c> ends it cancelled, else <c>stopWhen</c> ends it stopped, else <c>resetWhen</c> ends it and
/// starts the next at the same instant (when <c>startWhen</c> holds), else it is paused exactly when <c>pauseWhen</c>
/// holds. While none is active, a cycle starts when <c>startWhen</c> holds (default: always) and either none has run,
/// or the last ended by reset, or <c>repeat</c> is set and neither <c>stopWhen</c> nor <c>cancelWhen</c> holds; a first
/// cycle is judged at once by the same entry (reset aside), so a clock whose <c>stopWhen</c> holds at submission ends
/// at once with no elapsed time.
/// </summary>
internal static class ClockLifecycle
{
    public static ClockTransition Next(ClockDefinition clock, in ClockPhase phase, ChangeEvent fields, int entry)
    {
        if (phase.Active)
        {
            if (Holds(clock.CancelWhen, fields))
            {
                return Ending(phase, CycleEnd.Cancel);
            }

            if (Holds(clock.StopWhen, fields))
            {
                return Ending(phase, CycleEnd.Stop);
            }

            if (Holds(clock.ResetWhen, fields))
            {
                var next = clock.StartWhen is null || Holds(clock.StartWhen, fields)
                    ? new ClockPhase(phase.Cycle + 1, entry, true, Holds(clock.PauseWhen, fields), CycleEnd.Reset, phase.Ended)
                    : phase with { Active = false, Paused = false, LastEnd = CycleEnd.Reset };
                return new ClockTransition(next, CycleEnd.Reset, phase.Cycle, phase.StartEntry);
            }

            var paused = Holds(clock.PauseWhen, fields);
            return new ClockTransition(paused == phase.Paused ? phase : phase with { Paused = paused }, null, 0, 0);
        }

        if (clock.StartWhen is not null && !Holds(clock.StartWhen, fields))
        {
            return new ClockTransition(phase, null, 0, 0);
        }

        var first = phase.Cycle == 0;
        if (!first && phase.LastEnd != CycleEnd.Reset
            && (!clock.Repeat || Holds(clock.StopWhen, fields) || Holds(clock.CancelWhen, fields)))
        {
            return new ClockTransition(phase, null, 0, 0);
        }

        var started = new ClockPhase(phase.Cycle + 1, entry, true, false, phase.LastEnd, phase.Ended);
        if (first)
        {
            // A first cycle is judged by the entry that started it (a ticket submitted already done stops at once).
            if (Holds(clock.CancelWhen, fields))
            {
                return Ending(started, CycleEnd.Cancel);
            }

            if (Holds(clock.StopWhen, fields))
            {
                return Ending(started, CycleEnd.Stop);
            }
        }

        return new ClockTransition(started with { Paused = Holds(clock.PauseWhen, fields) }, null, 0, 0);
    }

    private static ClockTransition Ending(in ClockPhase phase, CycleEnd how) =>
        new(phase with { Active = false, Paused = false, LastEnd = how }, how, phase.Cycle, phase.StartEntry);

    private static bool Holds(Condition? condition, ChangeEvent fields) => condition is not null && condition.Evaluate(fields);
}
