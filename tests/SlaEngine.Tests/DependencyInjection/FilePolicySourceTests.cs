using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using SlaEngine.DependencyInjection;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.DependencyInjection;

public sealed class FilePolicySourceTests : IDisposable
{
    private readonly PolicyFile _file = new(TestPolicies.A);

    public void Dispose() => _file.Dispose();

    private static string FirstOwner(IPolicySource source) => source.Current.Rules[0].Owner!.Id;

    [Fact]
    public void Starts_with_the_policy_in_the_file_at_generation_1()
    {
        using var source = _file.Follow();

        source.Current.Version.Should().Be("A");
        FirstOwner(source).Should().Be("cc-ops");
        source.Generation.Should().Be(1);
        source.Snapshot.Policy.Should().BeSameAs(source.Current);
        source.LastFailure.Should().BeNull();
        source.FilePath.Should().Be(Path.GetFullPath(_file.Path));
    }

    [Fact]
    public void Watches_the_file_by_default()
    {
        using var source = new FilePolicySource(_file.Path);

        source.IsWatching.Should().BeTrue();
    }

    [Fact]
    public void Starting_on_an_invalid_file_throws_PolicyLoadException_with_the_diagnostics()
    {
        _file.Write(TestPolicies.Invalid);

        var act = () => new FilePolicySource(_file.Path);

        act.Should().Throw<PolicyLoadException>()
            .Which.Diagnostics.Should().Contain(d => d.IsError && d.Code == DiagnosticCodes.UnknownKey && d.Location.File == Path.GetFullPath(_file.Path));
    }

    [Fact]
    public void Starting_on_a_missing_file_throws_PolicyLoadException_saying_so()
    {
        var act = () => new FilePolicySource(_file.Path + ".missing");

        act.Should().Throw<PolicyLoadException>()
            .Which.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.UnreadableFile);
    }

    [Theory]
    [InlineData(-1, 1000)]
    [InlineData(0, 0)]
    [InlineData(0, -5)]
    public void Out_of_range_timings_are_refused(int debounceMs, int pollMs)
    {
        var act = () => new FilePolicySource(_file.Path, TimeSpan.FromMilliseconds(debounceMs), TimeSpan.FromMilliseconds(pollMs));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void An_empty_path_is_refused()
    {
        var act = () => new FilePolicySource("");

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public async Task A_valid_rewrite_takes_effect_and_raises_Reloaded()
    {
        using var source = _file.Follow();
        var reloaded = TestPolicies.Next<PolicyReloadedEventArgs>(h => source.Reloaded += h);

        _file.Write(TestPolicies.B);
        var e = await reloaded;

        e.Previous.Policy.Version.Should().Be("A");
        e.Current.Policy.Version.Should().Be("B");
        e.Current.Generation.Should().Be(2);
        source.Snapshot.Should().BeSameAs(e.Current);
        FirstOwner(source).Should().Be("it-infra");
        source.LastFailure.Should().BeNull();
    }

    [Fact]
    public async Task An_invalid_rewrite_keeps_the_last_good_policy_and_raises_ReloadFailed_then_a_valid_one_recovers()
    {
        using var source = _file.Follow();
        var failed = TestPolicies.Next<PolicyReloadFailedEventArgs>(h => source.ReloadFailed += h);

        _file.Write(TestPolicies.Invalid);
        var failure = await failed;

        failure.Diagnostics.Should().Contain(d => d.IsError && d.Code == DiagnosticCodes.UnknownKey);
        failure.Failure.Policy.Should().BeNull();
        failure.InForce.Policy.Version.Should().Be("A");
        source.Current.Version.Should().Be("A");
        source.Generation.Should().Be(1);
        source.LastFailure.Should().BeSameAs(failure.Failure);

        var reloaded = TestPolicies.Next<PolicyReloadedEventArgs>(h => source.Reloaded += h);
        _file.Write(TestPolicies.B);
        await reloaded;

        FirstOwner(source).Should().Be("it-infra");
        source.Generation.Should().Be(2);
        source.LastFailure.Should().BeNull();
    }

    [Fact]
    public async Task A_truncated_file_never_takes_effect()
    {
        PolicyLoader.Load(TestPolicies.Truncated).Success.Should().BeFalse("the test needs a half-written file that does not load");
        using var source = _file.Follow();
        var reloads = new List<PolicyReloadedEventArgs>();
        source.Reloaded += (_, e) => reloads.Add(e);
        var failed = TestPolicies.Next<PolicyReloadFailedEventArgs>(h => source.ReloadFailed += h);

        _file.Write(TestPolicies.Truncated);
        var failure = await failed;

        failure.Diagnostics.Should().Contain(d => d.IsError);
        reloads.Should().BeEmpty();
        FirstOwner(source).Should().Be("cc-ops");
        source.LastFailure.Should().NotBeNull();
    }

    [Fact]
    public async Task A_file_replaced_by_a_rename_is_reloaded()
    {
        using var source = _file.Follow();
        var reloaded = TestPolicies.Next<PolicyReloadedEventArgs>(h => source.Reloaded += h);

        _file.Replace(TestPolicies.B);
        await reloaded;

        FirstOwner(source).Should().Be("it-infra");
    }

    [Fact]
    public async Task Polling_notices_a_change_when_no_notification_arrives()
    {
        using var source = _file.Follow(watch: false, poll: TimeSpan.FromMilliseconds(50));
        source.IsWatching.Should().BeFalse();
        var reloaded = TestPolicies.Next<PolicyReloadedEventArgs>(h => source.Reloaded += h);

        _file.Write(TestPolicies.B);
        await reloaded;

        FirstOwner(source).Should().Be("it-infra");
    }

    [Fact]
    public void A_rewrite_with_the_same_length_and_write_time_is_noticed_by_its_content_hash()
    {
        using var source = _file.Follow(watch: false);
        var written = File.GetLastWriteTimeUtc(_file.Path);
        TestPolicies.B.Length.Should().Be(TestPolicies.A.Length);

        _file.Write(TestPolicies.B);
        File.SetLastWriteTimeUtc(_file.Path, written);

        source.ReloadNow().Should().BeTrue();
        FirstOwner(source).Should().Be("it-infra");
    }

    [Fact]
    public void Rewriting_the_same_content_does_not_reload()
    {
        using var source = _file.Follow(watch: false);
        var events = 0;
        source.Reloaded += (_, _) => events++;

        _file.Write(TestPolicies.A);

        source.ReloadNow().Should().BeFalse();
        source.Generation.Should().Be(1);
        events.Should().Be(0);
    }

    [Fact]
    public void The_same_broken_content_is_reported_once()
    {
        using var source = _file.Follow(watch: false);
        var failures = 0;
        source.ReloadFailed += (_, _) => failures++;

        _file.Write(TestPolicies.Invalid);
        source.ReloadNow();
        source.ReloadNow();

        failures.Should().Be(1);
        source.LastFailure.Should().NotBeNull();
    }

    [Fact]
    public void Restoring_the_policy_in_force_clears_the_failure_without_a_new_generation()
    {
        using var source = _file.Follow(watch: false);
        _file.Write(TestPolicies.Invalid);
        source.ReloadNow();

        _file.Write(TestPolicies.A);

        source.ReloadNow().Should().BeFalse();
        source.LastFailure.Should().BeNull();
        source.Generation.Should().Be(1);
    }

    [Fact]
    public void A_deleted_file_keeps_the_last_good_policy_and_reports_it_once()
    {
        using var source = _file.Follow(watch: false);
        var failures = new List<PolicyReloadFailedEventArgs>();
        source.ReloadFailed += (_, e) => failures.Add(e);

        File.Delete(_file.Path);
        source.ReloadNow();
        source.ReloadNow();

        failures.Should().ContainSingle().Which.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.UnreadableFile);
        FirstOwner(source).Should().Be("cc-ops");

        _file.Write(TestPolicies.B);
        source.ReloadNow().Should().BeTrue();
        source.LastFailure.Should().BeNull();
    }

    [Fact]
    public void A_throwing_handler_does_not_stop_the_reload_or_the_other_handlers()
    {
        using var source = _file.Follow(watch: false);
        var seen = false;
        source.Reloaded += (_, _) => throw new InvalidOperationException("subscriber bug");
        source.Reloaded += (_, _) => seen = true;

        _file.Write(TestPolicies.B);

        source.ReloadNow().Should().BeTrue();
        seen.Should().BeTrue();
        FirstOwner(source).Should().Be("it-infra");
    }

    [Fact]
    public void After_dispose_the_policy_stays_readable_and_ReloadNow_throws()
    {
        var source = _file.Follow();
        source.Dispose();
        source.Dispose();

        source.Current.Version.Should().Be("A");
        var act = () => source.ReloadNow();
        act.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Each_successful_reload_adds_one_generation()
    {
        using var source = _file.Follow(watch: false);
        var generations = new List<long> { source.Generation };

        foreach (var text in new[] { TestPolicies.B, TestPolicies.Invalid, TestPolicies.A, TestPolicies.B })
        {
            _file.Write(text);
            source.ReloadNow();
            generations.Add(source.Generation);
        }

        generations.Should().Equal(1, 2, 2, 3, 4);
        source.Snapshot.ToString().Should().Be("di-test B (generation 4)");
    }

    [Fact]
    public void Reloaded_reports_the_loader_warnings_of_the_new_policy()
    {
        using var source = _file.Follow(watch: false);
        PolicyReloadedEventArgs? reloaded = null;
        source.Reloaded += (_, e) => reloaded = e;

        _file.Write(TestPolicies.B);
        source.ReloadNow();

        reloaded.Should().NotBeNull();
        reloaded!.Diagnostics.Should().NotContain(d => d.IsError);
        reloaded.Diagnostics.Should().Equal(PolicyLoader.Load(TestPolicies.B, Path.GetFullPath(_file.Path)).Diagnostics);
    }

    [Fact]
    public async Task Reading_the_policy_needs_no_lock_while_a_reload_runs()
    {
        using var source = _file.Follow(watch: false);
        using var inHandler = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        source.ReloadFailed += (_, _) =>
        {
            inHandler.Set();
            release.Wait(TimeSpan.FromSeconds(10));
        };
        _file.Write(TestPolicies.Invalid);

        var reload = Task.Run(source.ReloadNow);
        inHandler.Wait(TimeSpan.FromSeconds(10)).Should().BeTrue();

        // The reload holds its gate inside the handler; readers still get the policy in force.
        source.Current.Version.Should().Be("A");
        source.LastFailure.Should().NotBeNull();
        release.Set();
        (await reload.WaitAsync(TimeSpan.FromSeconds(10))).Should().BeFalse("the broken file did not take effect");
    }

    [Fact]
    public void Diagnostics_name_the_file_by_its_full_path()
    {
        using var source = _file.Follow(watch: false);
        _file.Write(TestPolicies.Invalid);
        source.ReloadNow();

        source.LastFailure!.Errors.Select(d => d.Location.File).Should().OnlyContain(f => f == Path.GetFullPath(_file.Path));
    }
}
