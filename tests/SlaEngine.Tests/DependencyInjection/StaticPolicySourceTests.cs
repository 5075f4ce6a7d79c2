using System;
using System.IO;
using System.Text;
using FluentAssertions;
using SlaEngine.DependencyInjection;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.DependencyInjection;

public sealed class StaticPolicySourceTests
{
    [Fact]
    public void A_source_from_text_holds_the_policy_at_generation_1()
    {
        var source = StaticPolicySource.FromText(TestPolicies.A, "a.yaml");

        source.Current.Version.Should().Be("A");
        source.Current.SourceFile.Should().Be("a.yaml");
        source.Generation.Should().Be(1);
        source.Snapshot.Policy.Should().BeSameAs(source.Current);
        source.LastFailure.Should().BeNull();
    }

    [Fact]
    public void A_source_from_invalid_text_throws_PolicyLoadException_with_the_diagnostics()
    {
        var act = () => StaticPolicySource.FromText(TestPolicies.Invalid, "broken.yaml");

        act.Should().Throw<PolicyLoadException>()
            .Which.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.UnknownKey && d.Location.File == "broken.yaml");
    }

    [Fact]
    public void A_source_from_a_stream_reads_it_to_the_end_and_leaves_it_open()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(TestPolicies.B));

        var source = StaticPolicySource.FromStream(stream, "b.yaml");

        source.Current.Rules[0].Owner!.Id.Should().Be("it-infra");
        stream.CanRead.Should().BeTrue();
    }

    [Fact]
    public void A_stream_larger_than_the_limit_is_refused_without_reading_it_all()
    {
        using var stream = new MemoryStream(new byte[PolicyLoader.MaxFileBytes + 4096]);

        var act = () => StaticPolicySource.FromStream(stream);

        act.Should().Throw<PolicyLoadException>().Which.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.FileTooLarge);
        stream.Position.Should().BeLessThan(stream.Length);
    }

    [Fact]
    public void An_unreadable_stream_throws_PolicyLoadException_saying_so()
    {
        var stream = new MemoryStream();
        stream.Dispose();

        var act = () => StaticPolicySource.FromStream(stream);

        act.Should().Throw<PolicyLoadException>().Which.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.UnreadableFile);
    }

    [Fact]
    public void A_source_from_a_policy_uses_it_as_is()
    {
        var policy = PolicyLoader.LoadOrThrow(TestPolicies.A);

        var source = new StaticPolicySource(policy);

        source.Current.Should().BeSameAs(policy);
    }

    [Fact]
    public void Subscribing_to_the_events_is_allowed_and_nothing_is_raised()
    {
        var source = new StaticPolicySource(PolicyLoader.LoadOrThrow(TestPolicies.A));
        var raised = false;

        source.Reloaded += (_, _) => raised = true;
        source.ReloadFailed += (_, _) => raised = true;
        source.Reloaded -= (_, _) => raised = true;

        raised.Should().BeFalse();
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        ((Action)(() => _ = new StaticPolicySource(null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => StaticPolicySource.FromText(null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => StaticPolicySource.FromStream(null!))).Should().Throw<ArgumentNullException>();
    }
}
