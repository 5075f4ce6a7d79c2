using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using NodaTime;
using SlaEngine.Benchmarks.Synthetic;
using SlaEngine.Tracking;

namespace SlaEngine.Benchmarks;

/// <summary>
/// Ticket SLA clocks: the status of every clock over a 50-entry timeline (status and priority changes, pauses while
/// waiting on the requester) of a ticket under the synthetic policy of 100 rules, asked after the last entry.
/// </summary>
[MemoryDiagnoser]
public class TicketBenchmarks
{
    private static readonly string[] Statuses = ["in-progress", "waiting-on-requester", "in-progress", "waiting-on-requester"];

    private Ticket _ticket = null!;
    private Instant _at;

    /// <summary>Builds the 50-entry ticket.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var policy = SyntheticPolicy.Load(100);
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
        for (var i = 1; i < 50; i++)
        {
            at += Duration.FromMinutes(37 + (i * 11));
            var changes = new Dictionary<string, object?> { ["status"] = Statuses[i % Statuses.Length] };
            if (i % 10 == 0)
            {
                changes["priority"] = "P" + (1 + (i / 10 % 4));
            }

            ticket = ticket.Append(at, changes);
        }

        _ticket = ticket;
        _at = at + Duration.FromHours(1);
    }

    /// <summary>Where each clock stands one hour after the last of 50 entries.</summary>
    [Benchmark]
    public TicketStatus StatusAt_after_50_entries() => _ticket.StatusAt(_at);
}
