using System.Collections.Generic;
using System.Linq;
using CsCheck;
using FluentAssertions;
using NodaTime;
using SlaEngine.Tracking;
using Xunit;
using static SlaEngine.Tests.Evaluation.TestPolicy;

namespace SlaEngine.Tests.Tracking;

/// <summary>
/// A clock that declares only <c>pauseWhen</c> and <c>stopWhen</c> behaves as it always did: one cycle from submission,
/// paused while <c>pauseWhen</c> holds, stopped for good at the first entry where <c>stopWhen</c> holds. Checked against a
/// model that counts open minutes one by one.
/// </summary>
public sealed class ClockCompatibilityTests
{
    private static readonly string[] Statuses = ["new", "working", "waiting", "done"];
    private static readonly Instant Start = Utc(11, 23, 8);

    /// <summary>The 'biz' calendar of the test policy: Monday to Friday, 09:00-17:00 UTC (no holiday in late November).</summary>
    private static bool BizOpen(Instant minute)
    {
        var t = minute.InUtc();
        return t.DayOfWeek is not IsoDayOfWeek.Saturday and not IsoDayOfWeek.Sunday && t.Hour is >= 9 and < 17;
    }

    [Fact]
    public void A_clock_without_lifecycle_keys_counts_what_a_minute_by_minute_model_counts()
    {
        var gen = Gen.Select(Gen.Int[0, 4000], Gen.Int[0, Statuses.Length - 1]).Select((m, s) => (m, Statuses[s])).List[0, 10];
        Gen.Select(gen, Gen.Int[0, 6000]).Sample((entries, asked) =>
        {
            var ordered = entries.OrderBy(e => e.Item1).ToList();
            var ticket = Subject.Track(Event(Start, ("category", "a")));
            foreach (var (minutes, value) in ordered)
            {
                ticket = ticket.Append(Start + Duration.FromMinutes(minutes), new Dictionary<string, object?> { ["status"] = value });
            }

            var at = Start + Duration.FromMinutes(asked);
            var status = ticket.StatusAt(at);
            Check(status.ClockFor("fix")!, Model(ordered, asked, s => s == "done", s => s == "waiting"), Duration.FromHours(8));
            Check(status.ClockFor("ack")!, Model(ordered, asked, s => s != "new", _ => false), Duration.FromHours(1));
        }, iter: 300);
    }

    private static void Check(ClockStatus clock, (Duration Elapsed, bool Stopped, bool Paused) model, Duration target)
    {
        clock.Elapsed.Should().Be(model.Elapsed);
        clock.State.Should().Be(model.Stopped ? ClockState.Stopped : model.Paused ? ClockState.Paused : ClockState.Running);
        clock.Cycle.Should().Be(1);
        clock.Target.Should().Be(target);
        clock.Breached.Should().Be(model.Elapsed > target);
        clock.Cycles.Should().HaveCount(model.Stopped ? 1 : 0);
    }

    private static (Duration Elapsed, bool Stopped, bool Paused) Model(List<(int Minutes, string Status)> entries, int asked, System.Func<string, bool> stop, System.Func<string, bool> pause)
    {
        var elapsed = 0;
        var stopped = false;
        var paused = false;
        for (var minute = 0; minute <= asked; minute++)
        {
            foreach (var entry in entries.Where(e => e.Minutes == minute))
            {
                stopped |= stop(entry.Status);
                paused = pause(entry.Status);
            }

            if (minute < asked && !stopped && !paused && BizOpen(Start + Duration.FromMinutes(minute)))
            {
                elapsed++;
            }
        }

        return (Duration.FromMinutes(elapsed), stopped, paused && !stopped);
    }
}
