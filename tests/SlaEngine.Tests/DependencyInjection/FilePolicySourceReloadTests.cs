using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SlaEngine.DependencyInjection;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.DependencyInjection;

/// <summary>
/// When a followed policy file takes effect: only whole versions (two reads one debounce apart agree), through symbolic
/// links (the Kubernetes ConfigMap <c>..data</c> layout), and never by letting an exception out of a timer. Timed with a
/// fake clock: the poll and the debounce run when the test advances it.
/// </summary>
public sealed class FilePolicySourceReloadTests : IDisposable
{
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private readonly string _directory = Directory.CreateTempSubdirectory("slaengine-reload-").FullName;
    private readonly FakeTimeProvider _time = new();

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

    /// <summary>Version H: three rules; its prefix cut before the second rule is a valid one-rule policy.</summary>
    private static readonly string H = TestPolicies.Valid("H", "it-liaison", "cc-ops") + """
          - id: third
            when: category == "routing"
            owner: cc-ops
            targets:
              resolve: { within: 2h }

        """;

    private static readonly string HPrefix = H[..H.IndexOf("  - id: second", StringComparison.Ordinal)];

    private string PathOf(string name) => Path.Combine(_directory, name);

    private FilePolicySource Follow(string path, bool watch = false, TimeSpan? poll = null, Func<byte[], string, PolicyLoadResult>? load = null) =>
        new(path, Debounce, poll ?? Poll, _time, watch, load);

    private static string FirstOwner(IPolicySource source) => source.Current.Rules[0].Owner!.Id;

    [Fact]
    public void The_poll_loads_a_change_only_when_a_second_read_one_debounce_later_agrees()
    {
        var path = PathOf("policy.yaml");
        File.WriteAllText(path, TestPolicies.A);
        using var source = Follow(path);

        File.WriteAllText(path, TestPolicies.B);
        _time.Advance(Poll);
        source.Current.Version.Should().Be("A", "one read is not enough");

        _time.Advance(Debounce);
        source.Current.Version.Should().Be("B");
        source.Generation.Should().Be(2);
    }

    [Fact]
    public void A_prefix_that_is_a_valid_policy_never_takes_effect_while_its_writer_pauses_less_than_the_debounce()
    {
        PolicyLoader.Load(HPrefix).Success.Should().BeTrue("the test needs a half-written file that loads as a different policy");
        var path = PathOf("policy.yaml");
        File.WriteAllText(path, TestPolicies.A);
        using var source = Follow(path);
        var versions = new List<int>();
        source.Reloaded += (_, e) => versions.Add(e.Current.Policy.Rules.Length);

        File.WriteAllText(path, HPrefix);
        _time.Advance(Poll);
        _time.Advance(Debounce / 2);
        File.AppendAllText(path, H[HPrefix.Length..]);
        _time.Advance(Debounce / 2);
        _time.Advance(Debounce);

        versions.Should().Equal(3);
        source.Current.Version.Should().Be("H");
        source.Current.Rules.Should().HaveCount(3);
    }

    [Fact]
    public void A_watcher_notification_followed_by_more_writes_loads_only_the_final_bytes()
    {
        var path = PathOf("policy.yaml");
        File.WriteAllText(path, TestPolicies.A);
        using var source = Follow(path, poll: Timeout.InfiniteTimeSpan);
        var loaded = new List<int>();
        source.Reloaded += (_, e) => loaded.Add(e.Current.Policy.Rules.Length);

        // The poll is off and the test plays the watcher's part: a notification for each write.
        File.WriteAllText(path, HPrefix);
        source.OnNotification();
        _time.Advance(Debounce);
        File.AppendAllText(path, H[HPrefix.Length..]);
        source.OnNotification();
        _time.Advance(Debounce);
        loaded.Should().BeEmpty("the complete file has been read once only");
        _time.Advance(Debounce);

        loaded.Should().Equal(3);
    }

    [Fact]
    public void A_configmap_link_swap_takes_effect_through_the_poll_and_through_ReloadNow()
    {
        var configMap = new ConfigMapVolume(_directory, TestPolicies.A);
        using var source = Follow(configMap.PolicyPath);
        FirstOwner(source).Should().Be("cc-ops");

        configMap.Publish(TestPolicies.B);
        _time.Advance(Poll);
        _time.Advance(Debounce);
        source.Current.Version.Should().Be("B");

        configMap.Publish(TestPolicies.Valid("C", "it-liaison", "cc-ops"));
        source.ReloadNow().Should().BeTrue();
        source.Current.Version.Should().Be("C");
        source.LastFailure.Should().BeNull();
    }

    [Fact]
    public void An_in_place_edit_of_a_links_target_takes_effect()
    {
        var elsewhere = Directory.CreateDirectory(PathOf("elsewhere")).FullName;
        var target = Path.Combine(elsewhere, "real.yaml");
        File.WriteAllText(target, TestPolicies.A);
        var link = PathOf("policy.yaml");
        File.CreateSymbolicLink(link, target);
        using var source = Follow(link);

        File.WriteAllText(target, TestPolicies.Valid("T2", "it-liaison", "cc-ops"));
        _time.Advance(Poll);
        _time.Advance(Debounce);

        source.Current.Version.Should().Be("T2");
        FirstOwner(source).Should().Be("it-liaison");
    }

    [Fact]
    public void A_link_to_nothing_is_reported_once_and_the_policy_stays()
    {
        var configMap = new ConfigMapVolume(_directory, TestPolicies.A);
        using var source = Follow(configMap.PolicyPath);
        var failures = new List<PolicyReloadFailedEventArgs>();
        source.ReloadFailed += (_, e) => failures.Add(e);

        configMap.Break();
        _time.Advance(Poll);
        _time.Advance(Poll);

        failures.Should().ContainSingle().Which.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.UnreadableFile);
        source.Current.Version.Should().Be("A");
    }

    [Fact]
    public async Task The_watcher_notices_a_configmap_link_swap_without_polling()
    {
        var configMap = new ConfigMapVolume(_directory, TestPolicies.A);
        using var source = new FilePolicySource(configMap.PolicyPath, TimeSpan.FromMilliseconds(10), Timeout.InfiniteTimeSpan);
        source.IsWatching.Should().BeTrue();
        var reloaded = TestPolicies.Next<PolicyReloadedEventArgs>(h => source.Reloaded += h);

        configMap.Publish(TestPolicies.B);

        (await reloaded).Current.Policy.Version.Should().Be("B");
    }

    [Fact]
    public async Task The_watcher_notices_an_edit_of_a_links_target_in_another_directory_without_polling()
    {
        var elsewhere = Directory.CreateDirectory(PathOf("elsewhere")).FullName;
        var target = Path.Combine(elsewhere, "real.yaml");
        File.WriteAllText(target, TestPolicies.A);
        var watched = Directory.CreateDirectory(PathOf("watched")).FullName;
        var link = Path.Combine(watched, "policy.yaml");
        File.CreateSymbolicLink(link, target);
        using var source = new FilePolicySource(link, TimeSpan.FromMilliseconds(10), Timeout.InfiniteTimeSpan);
        var reloaded = TestPolicies.Next<PolicyReloadedEventArgs>(h => source.Reloaded += h);

        File.WriteAllText(target, TestPolicies.B);

        (await reloaded).Current.Policy.Version.Should().Be("B");
    }

    [Fact]
    public void A_freeze_out_of_range_on_reload_is_a_positioned_failure_not_a_crash()
    {
        var path = PathOf("policy.yaml");
        File.WriteAllText(path, TestPolicies.A);
        using var source = Follow(path);
        var failures = new List<PolicyReloadFailedEventArgs>();
        source.ReloadFailed += (_, e) => failures.Add(e);

        File.WriteAllText(path, TestPolicies.A.Replace("version: \"A\"", "version: \"Z\"", StringComparison.Ordinal) + """
            freezes:
              - id: forever
                zone: America/New_York
                from: 2026-12-01T00:00
                to: 9999-12-31T23:59

            """);
        var advance = () =>
        {
            _time.Advance(Poll);
            _time.Advance(Debounce);
        };

        advance.Should().NotThrow();
        failures.Should().ContainSingle().Which.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.InvalidFreeze && d.Location.Line > 1);
        source.LastFailure.Should().BeSameAs(failures[0].Failure);
        source.Current.Version.Should().Be("A");
    }

    [Fact]
    public void A_fault_while_loading_is_reported_as_a_failure_and_the_next_version_still_loads()
    {
        var path = PathOf("policy.yaml");
        File.WriteAllText(path, TestPolicies.A);
        var faulty = true;
        using var source = Follow(path, load: (bytes, name) =>
            faulty && bytes.Length > 0 && !bytes.AsSpan().SequenceEqual(System.Text.Encoding.UTF8.GetBytes(TestPolicies.A))
                ? throw new InvalidOperationException("boom")
                : PolicyLoader.Load(bytes, name));
        var failures = new List<PolicyReloadFailedEventArgs>();
        source.ReloadFailed += (_, e) => failures.Add(e);

        File.WriteAllText(path, TestPolicies.B);
        var advance = () =>
        {
            _time.Advance(Poll);
            _time.Advance(Debounce);
        };
        advance.Should().NotThrow();

        failures.Should().ContainSingle().Which.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.LoadFault && d.Message.Contains("boom"));
        source.Current.Version.Should().Be("A");

        faulty = false;
        File.WriteAllText(path, TestPolicies.Valid("C", "it-liaison", "cc-ops"));
        advance();
        source.Current.Version.Should().Be("C");
        source.LastFailure.Should().BeNull();
    }

    [Fact]
    public void A_fault_in_ReloadNow_is_reported_not_thrown()
    {
        var path = PathOf("policy.yaml");
        File.WriteAllText(path, TestPolicies.A);
        var calls = 0;
        using var source = Follow(path, load: (bytes, name) => ++calls == 1 ? PolicyLoader.Load(bytes, name) : throw new OverflowException("far"));

        File.WriteAllText(path, TestPolicies.B);

        source.ReloadNow().Should().BeFalse();
        source.LastFailure!.Errors.Should().ContainSingle(d => d.Code == DiagnosticCodes.LoadFault);
    }

    [Fact]
    public void The_source_follows_the_time_provider_of_the_container()
    {
        var path = PathOf("policy.yaml");
        File.WriteAllText(path, TestPolicies.A);
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(_time)
            .AddSlaEngine(o =>
            {
                o.PolicyPath = path;
                o.PollInterval = Poll;
                o.ReloadDebounce = Debounce;
            });
        using var provider = services.BuildServiceProvider();
        var source = provider.GetRequiredService<IPolicySource>();

        File.WriteAllText(path, TestPolicies.B);
        // The container's source also watches the file, so a late notification may restart the debounce once.
        _time.AdvanceUntil(Poll, Debounce, () => source.Current.Version == "B");

        source.Current.Version.Should().Be("B");
    }
}

/// <summary>
/// A directory laid out as Kubernetes mounts a ConfigMap: <c>policy.yaml → ..data/policy.yaml</c>,
/// <c>..data → ..&lt;version&gt;</c>; a new version is published by writing a new directory and renaming a new
/// <c>..data</c> link over the old one, atomically.
/// </summary>
internal sealed class ConfigMapVolume
{
    private readonly string _root;
    private string _current;
    private int _versions;

    public ConfigMapVolume(string root, string text)
    {
        _root = root;
        _current = WriteVersion(text);
        Directory.CreateSymbolicLink(Path.Combine(root, "..data"), _current);
        File.CreateSymbolicLink(PolicyPath, Path.Combine("..data", "policy.yaml"));
    }

    public string PolicyPath => Path.Combine(_root, "policy.yaml");

    /// <summary>The file the links lead to now.</summary>
    public string TargetPath => Path.Combine(_root, _current, "policy.yaml");

    public void Publish(string text)
    {
        var previous = _current;
        _current = WriteVersion(text);
        var staging = Path.Combine(_root, "..data_tmp");
        Directory.CreateSymbolicLink(staging, _current);
        Swap(staging, Path.Combine(_root, "..data"));
        Directory.Delete(Path.Combine(_root, previous), recursive: true);
    }

    /// <summary>Points <c>..data</c> at a directory that does not exist.</summary>
    public void Break()
    {
        var staging = Path.Combine(_root, "..data_tmp");
        Directory.CreateSymbolicLink(staging, "..missing");
        Swap(staging, Path.Combine(_root, "..data"));
    }

    // rename(2) replaces the link itself, atomically; File.Move would follow a link to a directory and refuse it.
    private static void Swap(string from, string to)
    {
        if (Rename(CString(from), CString(to)) != 0)
        {
            throw new IOException($"rename failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    private static byte[] CString(string path) => System.Text.Encoding.UTF8.GetBytes(path + "\0");

    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(byte[] from, byte[] to);

    private string WriteVersion(string text)
    {
        var name = $"..2026_12_03_{++_versions:D2}";
        Directory.CreateDirectory(Path.Combine(_root, name));
        File.WriteAllText(Path.Combine(_root, name, "policy.yaml"), text);
        return name;
    }
}
