using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using SlaEngine.DependencyInjection;
using Xunit;

namespace SlaEngine.Tests.DependencyInjection;

public sealed class ReloadConcurrencyTests : IDisposable
{
    private const int Evaluators = 4;
    private const int Rewrites = 36;

    private readonly PolicyFile _file = new(TestPolicies.A);

    public void Dispose() => _file.Dispose();

    [Fact]
    public async Task Evaluations_running_while_the_file_is_rewritten_never_fail_and_only_ever_see_valid_versions()
    {
        // Owner by version: a decision must never pair a version with another version's owner (mixing), and the broken
        // versions (which would make it-liaison the owner) must never take effect.
        var expectedOwner = new ConcurrentDictionary<string, string>(StringComparer.Ordinal) { ["A"] = "cc-ops", ["B"] = "it-infra", ["F"] = "it-infra" };
        var services = new ServiceCollection().AddSlaEngine(o =>
        {
            o.PolicyPath = _file.Path;
            o.ReloadDebounce = TimeSpan.FromMilliseconds(10);
            o.PollInterval = TimeSpan.FromMilliseconds(100);
        });
        await using var provider = services.BuildServiceProvider();
        var evaluator = provider.GetRequiredService<ISlaEvaluator>();
        var source = provider.GetRequiredService<IPolicySource>();

        var reloadedVersions = new ConcurrentBag<string?>();
        using var outcome = new SemaphoreSlim(0);
        source.Reloaded += (_, e) =>
        {
            reloadedVersions.Add(e.Current.Policy.Version);
            outcome.Release();
        };
        source.ReloadFailed += (_, _) => outcome.Release();

        var seen = new ConcurrentDictionary<(string? Version, string? Owner), int>();
        var errors = new ConcurrentQueue<Exception>();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, Evaluators).Select(worker => Task.Factory.StartNew(
            () =>
            {
                var evaluations = 0;
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        // Through the evaluator (read, then evaluate: a reload may happen in between) ...
                        var read = evaluator.ReadEvent(TestPolicies.RoutingEventJson);
                        read.Success.Should().BeTrue();
                        var decision = evaluator.Evaluate(read.Event!);
                        seen.AddOrUpdate((decision.PolicyVersion, decision.Owner), 1, (_, n) => n + 1);

                        // ... and through one snapshot.
                        var snapshot = evaluator.Snapshot;
                        var fromSnapshot = snapshot.Policy.Evaluate(snapshot.Policy.ReadEvent(TestPolicies.RoutingEventJson).GetEventOrThrow());
                        seen.AddOrUpdate((fromSnapshot.PolicyVersion, fromSnapshot.Owner), 1, (_, n) => n + 1);
                        evaluations++;
                    }
#pragma warning disable CA1031 // Every failure is collected and asserted on below.
                    catch (Exception ex)
#pragma warning restore CA1031
                    {
                        errors.Enqueue(ex);
                    }
                }

                return evaluations;
            },
            TaskCreationOptions.LongRunning)).ToArray();

        var versions = new[] { TestPolicies.B, TestPolicies.Invalid, TestPolicies.A, TestPolicies.Truncated };
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Rewrites; i++)
        {
            var text = versions[i % versions.Length];
            while (outcome.CurrentCount > 0)
            {
                await outcome.WaitAsync();
            }

            if (i % 3 == 0)
            {
                _file.Replace(text);
            }
            else
            {
                _file.Write(text);
            }

            // Let each version be seen (or refused) before the next, but never depend on it: writes may coalesce, and
            // a write that restores the policy in force raises nothing.
            await outcome.WaitAsync(TimeSpan.FromSeconds(1));
        }

        // A final version written nowhere before, so that it surely reloads, whatever the last rewrites coalesced into.
        var final = TestPolicies.Next<PolicyReloadedEventArgs>(h => source.Reloaded += h, e => e.Current.Policy.Version == "F");
        _file.Write(TestPolicies.Valid("F", "it-infra", "cc-ops"));
        await final;
        await stop.CancelAsync();
        var counts = await Task.WhenAll(workers);
        clock.Stop();

        errors.Should().BeEmpty();
        counts.Should().OnlyContain(n => n > 0);
        seen.Keys.Should().OnlyContain(k => k.Version != null && expectedOwner.ContainsKey(k.Version) && expectedOwner[k.Version] == k.Owner);
        seen.Keys.Select(k => k.Version).Should().Contain(["A", "B"], "the evaluations ran across reloads");
        reloadedVersions.Should().OnlyContain(v => v == "A" || v == "B" || v == "F");
        source.Generation.Should().BeGreaterThan(2);
        evaluator.Policy.Version.Should().Be("F");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
    }
}
