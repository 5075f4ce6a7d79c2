using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaEngine.Benchmarks.Synthetic;
using SlaEngine.Tracking;

namespace SlaEngine.Benchmarks;

/// <summary>
/// Ticket SLA clocks under the synthetic policy of 100 rules: the status of every clock over a 50-entry timeline
/// (status and priority changes, pauses while waiting on the requester), asked after the last entry; the same
/// timeline with a repeating resolve clock that runs three cycles; and appending entries to a 1,000-entry ticket.
/// </summary>
[MemoryDiagnoser]
public class TicketBenchmarks
{
    private const int Appended = 100;
    private static readonly string[] Statuses = ["in-progress", "waiting-on-requester", "in-progress", "waiting-on-requester"];

    private Ticket _ticket = null!;
    private Instant _at;
    private Ticket _cycles = null!;
    private Ticket _thousand = null!;
    private Dictionary<string, object?> _change = null!;

    /// <summary>Builds the 50-entry tickets and the 1,000-entry one.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var policy = SyntheticPolicy.Load(100);
        _ticket = Grow(policy, 50, cycles: false, out _at);
        var repeating = SyntheticPolicy.Load(SyntheticPolicy.Yaml(100).Replace(
            "stopWhen: 'status == \"done\"' }",
            "stopWhen: 'status == \"done\"', repeat: true }",
            System.StringComparison.Ordinal));
        _cycles = Grow(repeating, 50, cycles: true, out _);
        _thousand = Grow(policy, 1_000, cycles: false, out _);
        _change = new Dictionary<string, object?> { ["status"] = "in-progress" };
    }

    /// <summary>Where each clock stands one hour after the last of 50 entries.</summary>
    [Benchmark]
    public TicketStatus StatusAt_after_50_entries() => _ticket.StatusAt(_at);

    /// <summary>The same, the resolve clock repeating: stopped twice and reopened, so its third cycle is running.</summary>
    [Benchmark]
    public TicketStatus StatusAt_after_50_entries_with_3_cycles() => _cycles.StatusAt(_at);

    /// <summary>Appending one entry to a ticket of 1,000 entries (100 appends in a row per invocation, each to the last ticket).</summary>
    [Benchmark(OperationsPerInvoke = Appended)]
    public Ticket Append_to_a_1000_entry_ticket()
    {
        var ticket = _thousand;
        var at = ticket.Entries[^1].At;
        for (var i = 0; i < Appended; i++)
        {
            at += Duration.FromMinutes(7);
            ticket = ticket.Append(at, _change);
        }

        return ticket;
    }

    private static Ticket Grow(Policy policy, int entries, bool cycles, out Instant after)
    {
        var submission = SyntheticEvent.Generate(1)[0] is var e ? new SyntheticEvent
        {
            Category = "cat7",
            Priority = 3,
            Emergency = false,
            Summary = e.Summary,
            Tags = e.Tags,
            SubmittedAt = Instant.FromUtc(2026, 11, 2, 14, 0),
        } : null!;
        var ticket = policy.Track(submission.ToChangeEvent(policy));
        var at = submission.SubmittedAt;
        for (var i = 1; i < entries; i++)
        {
            at += Duration.FromMinutes(37 + (i % 50 * 11));
            var status = cycles && i is 15 or 32 ? "done" : Statuses[i % Statuses.Length];
            var changes = new Dictionary<string, object?> { ["status"] = status };
            if (i % 10 == 0)
            {
                changes["priority"] = "P" + (1 + (i / 10 % 4));
            }

            ticket = ticket.Append(at, changes);
        }

        after = at + Duration.FromHours(1);
        return ticket;
    }
}
