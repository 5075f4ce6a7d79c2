using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using CsCheck;
using FluentAssertions;
using NodaTime;
using SlaEngine.Tracking;
using Xunit;

namespace SlaEngine.Tests.Reliability;

/// <summary>
/// Ticket timelines under load and out of order: 100,000 entries append and answer in time proportional to the
/// entries, out-of-order entries are refused naming the entry (the ticket is unchanged), equal instants apply in order.
/// </summary>
public sealed class TimelineLoadTests
{
    private static readonly Policy Reference = PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath);
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 24, 15, 0);
    private static readonly string[] Statuses = ["in-progress", "waiting-on-requester"];

    private static Ticket Submit() =>
        Reference.Track(Reference.NewEvent(Start).Set("category", "routing").Set("priority", "P3").Build());

    private static Ticket Grow(int entries, out long allocated)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ticket = Submit();
        for (var i = 1; i < entries; i++)
        {
            // Every second entry is at the same instant as the one before: equal instants are allowed.
            var at = Start + Duration.FromMinutes(i / 2 * 7);
            ticket = ticket.Append(at, new Dictionary<string, object?> { ["status"] = Statuses[i % 2] });
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return ticket;
    }

    [Fact]
    public void A_hundred_thousand_entries_append_and_the_status_is_proportional_to_them()
    {
        var small = Hostile.WithinTime(TimeSpan.FromSeconds(60), () => Grow(10_000, out _), () => "10,000 entries");
        var (large, allocated) = Hostile.WithinTime(TimeSpan.FromSeconds(120), () => (Grow(100_000, out var a), a), () => "100,000 entries");

        large.Entries.Should().HaveCount(100_000);
        allocated.Should().BeLessThan(100_000L * 4_096, "an append shares the earlier entries (about a kilobyte each, not a copy of the list)");

        var end = large.Entries[^1].At + Duration.FromHours(1);
        TimeSpan Measure(Ticket t)
        {
            t.StatusAt(end); // warm
            var w = Stopwatch.StartNew();
            for (var i = 0; i < 3; i++)
            {
                t.StatusAt(end);
            }

            return w.Elapsed / 3;
        }

        var smallTime = Measure(small);
        var largeTime = Measure(large);
        largeTime.Should().BeLessThan(TimeSpan.FromSeconds(10));
        largeTime.Should().BeLessThan((smallTime * 60) + TimeSpan.FromMilliseconds(200), "ten times the entries cost about ten times as much ({0} for 10,000, {1} for 100,000)", smallTime, largeTime);

        // The last entry (index 99,999, odd) set "waiting-on-requester" after "in-progress" at the same instant: the
        // later of two entries at one instant wins, so the resolve clock is paused.
        var status = large.StatusAt(end);
        var resolve = status.ClockFor("resolve")!;
        resolve.State.Should().Be(ClockState.Paused);
        large.StatusAt(large.Entries[^2].At).ClockFor("resolve")!.State.Should().Be(ClockState.Paused, "entries at equal instants apply in order");
        var acknowledge = status.ClockFor("acknowledge")!;
        acknowledge.State.Should().Be(ClockState.Stopped);
        acknowledge.Elapsed.Should().Be(Duration.Zero, "the first change, at submission, stopped the acknowledge clock");
    }

    [Fact]
    public void A_late_entry_after_a_hundred_thousand_is_placed_before_the_last_and_the_ticket_is_unchanged()
    {
        var ticket = Grow(100_000, out _);
        var last = ticket.Entries[^1].At;

        var late = ticket.Append(last - Duration.FromNanoseconds(1), new Dictionary<string, object?> { ["status"] = "done" });

        late.Entries.Should().HaveCount(100_001);
        late.Entries.Select(e => e.At).Should().BeInAscendingOrder();
        late.Entries.Should().ContainSingle(e => e.At == last - Duration.FromNanoseconds(1));
        late.Entries[^1].At.Should().Be(last);
        ticket.Entries.Should().HaveCount(100_000);
        ticket.Append(last, new Dictionary<string, object?> { ["status"] = "done" }).Entries.Should().HaveCount(100_001, "an equal instant goes after the last");
        var early = () => ticket.Append(ticket.SubmittedAt - Duration.FromNanoseconds(1), new Dictionary<string, object?> { ["status"] = "done" });
        early.Should().Throw<TimelineException>().Where(e => e.EntryIndex == 100_000 && e.Message.Contains("entry 100000", StringComparison.Ordinal));
    }

    [Fact]
    public void Random_timelines_are_tracked_in_time_order_and_only_entries_before_the_submission_or_bad_values_are_refused()
    {
        var gen = Gen.Select(Gen.Int[-600, 600], Gen.OneOf<string>("new", "in-progress", "waiting-on-requester", "scheduled", "done", "cancelled", "bogus")).Array[1, 30];
        gen.Sample(steps =>
        {
            var ticket = Submit();
            var at = Start;
            foreach (var (minutes, status) in steps)
            {
                var next = at + Duration.FromMinutes(minutes);
                try
                {
                    var appended = ticket.Append(next, new Dictionary<string, object?> { ["status"] = status });
                    next.Should().BeGreaterThanOrEqualTo(Start, "an entry before the submission is refused");
                    status.Should().NotBe("bogus");
                    appended.Entries.Should().HaveCount(ticket.Entries.Count + 1);
                    appended.Entries.Select(e => e.At).Should().BeInAscendingOrder();
                    ticket = appended;
                    at = next < Start ? at : next;
                }
                catch (TimelineException ex)
                {
                    (next < Start || status == "bogus").Should().BeTrue(ex.Message);
                    ex.EntryIndex.Should().BeInRange(1, ticket.Entries.Count, "the entry is named by its place in time order");
                }
            }

            foreach (var when in new[] { Start - Duration.FromDays(1), Start, at, at + Duration.FromDays(9) })
            {
                var status = ticket.StatusAt(when);
                foreach (var clock in status.Clocks)
                {
                    clock.Elapsed.Should().BeGreaterThanOrEqualTo(Duration.Zero);
                    clock.Remaining.GetValueOrDefault().Should().BeGreaterThanOrEqualTo(Duration.Zero);
                    (clock.Elapsed > clock.Target).Should().Be(clock.Breached);
                }
            }
        }, seed: "0000jNVVYYG1", time: 2);
    }
}
