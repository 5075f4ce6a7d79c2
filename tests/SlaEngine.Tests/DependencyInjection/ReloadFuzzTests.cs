using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using SlaEngine.DependencyInjection;
using Xunit;

namespace SlaEngine.Tests.DependencyInjection;

/// <summary>
/// A reload fuzzer: random chunked in-place writes (pausing less than the debounce interval between chunks), renames
/// over the file and ConfigMap link swaps, on a watched and polled policy, while 4 threads evaluate. Every decision must
/// be one a complete written version gives, never a prefix's; and once the writer is done, the last version is in force.
/// Time is a <see cref="FakeTimeProvider"/> that the writer advances, so "a pause shorter than the debounce" holds
/// however slowly the machine runs; only the evaluating threads run in real time.
/// </summary>
public sealed class ReloadFuzzTests : IDisposable
{
    private const int Evaluators = 4;
    private const int Operations = 60;
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly string[] Owners = ["cc-ops", "it-infra", "it-liaison"];

    private readonly string _directory = Directory.CreateTempSubdirectory("slaengine-reload-fuzz-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    /// <summary>
    /// Version <paramref name="n"/>: a few rules that never match the test event, then the one that does, last. Any
    /// prefix that loads lacks it (the event is then unowned), so a prefix taking effect is always seen.
    /// </summary>
    private static string Version(int n)
    {
        var text = new StringBuilder(TestPolicies.Header($"v{n}"));
        for (var i = 0; i < 1 + (n * 7 % 5); i++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                  - id: other-{{i}}
                    when: category == "network-backbone"
                    owner: {{Owners[(n + i) % 3]}}
                    targets:
                      resolve: { within: {{i + 1}}h }

                """);
        }

        text.Append(CultureInfo.InvariantCulture, $$"""
              - id: routing
                when: category == "routing"
                owner: {{Owners[n % 3]}}
                targets:
                  resolve: { within: {{n + 1}}h }

            """);
        return text.ToString();
    }

    [Fact]
    public async Task Under_random_writes_renames_and_link_swaps_every_decision_is_a_complete_versions()
    {
        var random = new Random(20261203);
        var versions = Enumerable.Range(0, 12).Select(Version).ToArray();
        var allowed = versions.Select((_, n) => ((string?)$"v{n}", (string?)Owners[n % 3])).ToHashSet();
        var time = new FakeTimeProvider();
        var volume = new ConfigMapVolume(_directory, versions[0]);
        using var source = new FilePolicySource(volume.PolicyPath, Debounce, Poll, time, watch: true, load: null);
        var failures = new ConcurrentQueue<string>();
        source.ReloadFailed += (_, e) => failures.Enqueue(string.Join("; ", e.Diagnostics));
        var loaded = new ConcurrentQueue<string?>();
        source.Reloaded += (_, e) => loaded.Enqueue(e.Current.Policy.Version);

        var seen = new ConcurrentDictionary<(string?, string?), int>();
        using var stop = new CancellationTokenSource();
        using var started = new CountdownEvent(Evaluators);
        var workers = Enumerable.Range(0, Evaluators).Select(_ => Task.Factory.StartNew(
            () =>
            {
                var count = 0;
                while (!stop.IsCancellationRequested)
                {
                    var snapshot = source.Snapshot;
                    var decision = snapshot.Policy.Evaluate(snapshot.Policy.ReadEvent(TestPolicies.RoutingEventJson).GetEventOrThrow());
                    seen.AddOrUpdate((decision.PolicyVersion, decision.Owner), 1, (_, n) => n + 1);
                    if (count++ == 0)
                    {
                        started.Signal();
                    }
                }

                return count;
            },
            TaskCreationOptions.LongRunning)).ToArray();

        // On a busy machine a thread may not be scheduled for a while: the writer starts once every evaluator runs, so
        // that the writes always race with evaluations.
        started.Wait(TimeSpan.FromMinutes(1)).Should().BeTrue("every evaluating thread starts");

        var current = 0;
        for (var op = 0; op < Operations; op++)
        {
            var next = random.Next(versions.Length);
            switch (random.Next(3))
            {
                case 0:
                    WriteInChunks(volume.TargetPath, versions[next], random, time);
                    break;
                case 1:
                    var temporary = Path.Combine(Path.GetDirectoryName(volume.TargetPath)!, $"policy.yaml.{op}.tmp");
                    File.WriteAllText(temporary, versions[next]);
                    File.Move(temporary, volume.TargetPath, overwrite: true);
                    break;
                default:
                    volume.Publish(versions[next]);
                    break;
            }

            current = next;
            if (random.Next(4) == 0)
            {
                // Let it settle now and then: a poll, then the confirming read (again if a late notification of the
                // real watcher restarted the debounce). The newest version must then be in force.
                var expected = $"v{current}";
                time.AdvanceUntil(Poll, Debounce, () => source.Current.Version == expected);
                source.Current.Version.Should().Be(expected, "the writer finished operation {0}", op);
            }
        }

        var last = $"v{current}";
        time.AdvanceUntil(Poll, Debounce, () => source.Current.Version == last);
        await stop.CancelAsync();
        var counts = await Task.WhenAll(workers);

        source.Current.Version.Should().Be($"v{current}");
        failures.Should().BeEmpty("every version written is valid, and no prefix may be loaded");
        seen.Keys.Should().OnlyContain(k => allowed.Contains(k), "a decision is always one of a complete version");
        loaded.Should().OnlyContain(v => v != null && v.StartsWith('v'));
        counts.Should().OnlyContain(n => n > 0);
    }

    /// <summary>Rewrites a file in place, a few chunks at a time, advancing time by less than the debounce between chunks.</summary>
    private static void WriteInChunks(string path, string text, Random random, FakeTimeProvider time)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        var at = 0;
        while (at < bytes.Length)
        {
            var length = Math.Min(bytes.Length - at, 1 + random.Next(bytes.Length / 3));
            stream.Write(bytes, at, length);
            stream.Flush();
            at += length;
            time.Advance(TimeSpan.FromMilliseconds(random.Next((int)Debounce.TotalMilliseconds)));
        }
    }
}
