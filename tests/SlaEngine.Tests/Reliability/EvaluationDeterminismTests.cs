using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;
using Xunit;

namespace SlaEngine.Tests.Reliability;

/// <summary>
/// Determinism across threads: the same policy and event give byte-identical JSON whichever thread evaluates them and
/// whatever the others are doing to the calendars' shared chunk caches (events spread over centuries thrash them).
/// </summary>
public sealed class EvaluationDeterminismTests
{
    private const int Threads = 16;

    private static List<(string Category, Instant At, Instant Scheduled)> Events()
    {
        var categories = PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath).Schema.Find("category")!.EnumValues;
        var random = new Random(20261124);
        var events = new List<(string, Instant, Instant)>();
        for (var i = 0; i < 400; i++)
        {
            // Years 1700 to 2300: far more 256-day chunks than a calendar's 64-slot cache holds.
            var at = Instant.FromUtc(1700, 1, 1, 0, 0) + Duration.FromMinutes(random.NextInt64(0, 600L * 365 * 24 * 60));
            events.Add((categories[random.Next(categories.Length)], at, at + Duration.FromHours(random.Next(1, 400))));
        }

        return events;
    }

    private static string Json(Policy policy, (string Category, Instant At, Instant Scheduled) e, bool emergency)
    {
        var evt = policy.NewEvent(e.At).Set("category", e.Category).Set("priority", "P1").Set("emergency", emergency).Set("scheduledStart", e.Scheduled).Build();
        var decision = policy.Evaluate(evt);
        var status = policy.Track(evt).StatusAt(e.At + Duration.FromDays(5));
        return decision.ToJson() + "\n" + SlaJson.ToJson(status);
    }

    [Fact]
    public async Task Evaluating_from_many_threads_gives_the_same_bytes_as_one_thread_on_a_fresh_policy()
    {
        var events = Events();

        // The expected answers come from a policy of its own, evaluated on one thread: its caches are not shared.
        var alone = PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath);
        var expected = events.Select((e, i) => Json(alone, e, i % 3 == 0)).ToArray();

        var shared = PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath);
        var mismatches = new List<string>();
        using var start = new Barrier(Threads);
        var tasks = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            // Each thread walks the events in its own order, so caches are hit from every side at once.
            var order = Enumerable.Range(0, events.Count).OrderBy(i => (i * (t + 7)) % events.Count).ToList();
            foreach (var i in order.Concat(order))
            {
                var actual = Json(shared, events[i], i % 3 == 0);
                if (!string.Equals(actual, expected[i], StringComparison.Ordinal))
                {
                    lock (mismatches)
                    {
                        mismatches.Add($"thread {t}, event {i}:\n{actual}\nexpected\n{expected[i]}");
                    }
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(90));
        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void The_same_event_gives_the_same_bytes_on_every_thread_at_once()
    {
        var policy = PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath);
        var e = ("agent-desktop", Instant.FromUtc(2026, 12, 24, 16, 59), Instant.FromUtc(2026, 12, 28, 14, 0));
        var expected = Json(PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath), e, emergency: false);

        var results = new string[Threads * 50];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = Threads }, i => results[i] = Json(policy, e, emergency: false));

        results.Distinct(StringComparer.Ordinal).Should().ContainSingle().Which.Should().Be(expected);
    }
}
