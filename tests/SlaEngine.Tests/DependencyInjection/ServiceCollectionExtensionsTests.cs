using System;
using System.IO;
using System.Text;
using System.Threading;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using SlaEngine.DependencyInjection;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.DependencyInjection;

public sealed class ServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(Action<SlaEngineOptions> configure, Action<IServiceCollection>? before = null)
    {
        var services = new ServiceCollection();
        before?.Invoke(services);
        services.AddSlaEngine(configure);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddSlaEngine_returns_the_same_collection_for_chaining()
    {
        var services = new ServiceCollection();

        services.AddSlaEngine(o => o.PolicyText = TestPolicies.A).Should().BeSameAs(services);
    }

    [Fact]
    public void The_evaluator_resolved_from_the_container_decides_events_with_the_configured_policy()
    {
        using var provider = Build(o => o.PolicyText = TestPolicies.A);
        var evaluator = provider.GetRequiredService<ISlaEvaluator>();

        var decision = evaluator.Evaluate(evaluator.ReadEvent(TestPolicies.RoutingEventJson).GetEventOrThrow());

        decision.Owner.Should().Be("cc-ops");
        decision.Trace.RuleFor("owner").Should().Be("first");
    }

    [Fact]
    public void The_evaluator_and_the_policy_source_are_singletons()
    {
        using var provider = Build(o => o.PolicyText = TestPolicies.A);

        provider.GetRequiredService<ISlaEvaluator>().Should().BeSameAs(provider.GetRequiredService<ISlaEvaluator>());
        provider.GetRequiredService<IPolicySource>().Should().BeSameAs(provider.GetRequiredService<IPolicySource>());
        provider.GetRequiredService<ISlaEvaluator>().Policy.Should().BeSameAs(provider.GetRequiredService<IPolicySource>().Current);
    }

    [Fact]
    public void The_clock_comes_from_the_container_when_the_host_registered_one_before()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 24, 15, 0));
        using var provider = Build(o => o.PolicyText = TestPolicies.A, s => s.AddSingleton<IClock>(clock));

        provider.GetRequiredService<ISlaEvaluator>().Now.Should().Be(Instant.FromUtc(2026, 11, 24, 15, 0));
        provider.GetRequiredService<IClock>().Should().BeSameAs(clock);
    }

    [Fact]
    public void The_clock_comes_from_the_container_when_the_host_registers_one_after()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 11, 24, 15, 0));
        var services = new ServiceCollection();
        services.AddSlaEngine(o => o.PolicyText = TestPolicies.A).AddSingleton<IClock>(clock);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ISlaEvaluator>().Now.Should().Be(Instant.FromUtc(2026, 11, 24, 15, 0));
    }

    [Fact]
    public void The_system_clock_is_registered_when_the_host_has_none()
    {
        using var provider = Build(o => o.PolicyText = TestPolicies.A);

        provider.GetRequiredService<IClock>().Should().BeSameAs(SystemClock.Instance);
    }

    [Fact]
    public void A_policy_source_registered_by_the_host_is_kept()
    {
        var own = StaticPolicySource.FromText(TestPolicies.B);
        using var provider = Build(o => o.PolicyText = TestPolicies.A, s => s.AddSingleton<IPolicySource>(own));

        provider.GetRequiredService<IPolicySource>().Should().BeSameAs(own);
        provider.GetRequiredService<ISlaEvaluator>().Policy.Version.Should().Be("B");
    }

    [Fact]
    public void A_second_call_does_not_replace_the_first_policy_source()
    {
        var services = new ServiceCollection();
        services.AddSlaEngine(o => o.PolicyText = TestPolicies.A).AddSlaEngine(o => o.PolicyText = TestPolicies.B);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ISlaEvaluator>().Policy.Version.Should().Be("A");
    }

    [Fact]
    public void No_policy_source_is_refused_at_registration()
    {
        var act = () => new ServiceCollection().AddSlaEngine(_ => { });

        act.Should().Throw<InvalidOperationException>().WithMessage("*no policy source*PolicyPath, PolicyText, PolicyStream or Policy*");
    }

    [Fact]
    public void Two_policy_sources_are_refused_at_registration_naming_both()
    {
        var act = () => new ServiceCollection().AddSlaEngine(o =>
        {
            o.PolicyPath = "policy.yaml";
            o.PolicyText = TestPolicies.A;
        });

        act.Should().Throw<InvalidOperationException>().WithMessage("*more than one policy source*(PolicyPath, PolicyText)*");
    }

    [Theory]
    [InlineData(-1, 5000, "*ReloadDebounce*")]
    [InlineData(200, 0, "*PollInterval*")]
    [InlineData(200, -3, "*PollInterval*")]
    public void Out_of_range_timings_are_refused_at_registration(int debounceMs, int pollMs, string message)
    {
        var act = () => new ServiceCollection().AddSlaEngine(o =>
        {
            o.PolicyPath = "policy.yaml";
            o.ReloadDebounce = TimeSpan.FromMilliseconds(debounceMs);
            o.PollInterval = TimeSpan.FromMilliseconds(pollMs);
        });

        act.Should().Throw<InvalidOperationException>().WithMessage(message);
    }

    [Fact]
    public void An_empty_policy_path_is_refused_at_registration()
    {
        var act = () => new ServiceCollection().AddSlaEngine(o => o.PolicyPath = "  ");

        act.Should().Throw<InvalidOperationException>().WithMessage("*PolicyPath is empty*");
    }

    [Fact]
    public void Polling_can_be_turned_off()
    {
        var act = () => new ServiceCollection().AddSlaEngine(o =>
        {
            o.PolicyText = TestPolicies.A;
            o.PollInterval = Timeout.InfiniteTimeSpan;
        });

        act.Should().NotThrow();
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        ((Action)(() => ServiceCollectionExtensions.AddSlaEngine(null!, o => o.PolicyText = "x"))).Should().Throw<ArgumentNullException>();
        ((Action)(() => new ServiceCollection().AddSlaEngine(null!))).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void A_broken_policy_throws_PolicyLoadException_with_its_diagnostics_on_first_resolve()
    {
        using var provider = Build(o =>
        {
            o.PolicyText = TestPolicies.Invalid;
            o.PolicyName = "broken.yaml";
        });

        var act = () => provider.GetRequiredService<ISlaEvaluator>();

        act.Should().Throw<PolicyLoadException>()
            .Which.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.UnknownKey && d.Location.File == "broken.yaml");
    }

    [Fact]
    public void A_policy_text_without_a_name_is_named_policy_in_diagnostics()
    {
        using var provider = Build(o => o.PolicyText = TestPolicies.A);

        provider.GetRequiredService<IPolicySource>().Current.SourceFile.Should().Be("<policy>");
    }

    [Fact]
    public void A_policy_stream_factory_is_called_once_and_its_stream_disposed()
    {
        var calls = 0;
        MemoryStream? opened = null;
        using var provider = Build(o =>
        {
            o.PolicyStream = () =>
            {
                calls++;
                return opened = new MemoryStream(Encoding.UTF8.GetBytes(TestPolicies.B));
            };
            o.PolicyName = "embedded:b.yaml";
        });

        var source = provider.GetRequiredService<IPolicySource>();
        provider.GetRequiredService<ISlaEvaluator>();

        source.Should().BeOfType<StaticPolicySource>();
        source.Current.SourceFile.Should().Be("embedded:b.yaml");
        source.Current.Rules[0].Owner!.Id.Should().Be("it-infra");
        calls.Should().Be(1);
        opened!.CanRead.Should().BeFalse("the stream is disposed after reading");
    }

    [Fact]
    public void A_policy_stream_factory_returning_null_is_a_clear_error()
    {
        using var provider = Build(o => o.PolicyStream = () => null!);

        var act = () => provider.GetRequiredService<IPolicySource>();

        act.Should().Throw<InvalidOperationException>().WithMessage("*PolicyStream returned null*");
    }

    [Fact]
    public void A_loaded_policy_is_used_as_is()
    {
        var policy = PolicyLoader.LoadOrThrow(TestPolicies.A);
        using var provider = Build(o => o.Policy = policy);

        provider.GetRequiredService<ISlaEvaluator>().Policy.Should().BeSameAs(policy);
    }

    [Fact]
    public void A_policy_path_is_followed_by_a_file_source_that_the_container_disposes()
    {
        using var file = new PolicyFile(TestPolicies.A);
        FilePolicySource source;
        using (var provider = Build(o => o.PolicyPath = file.Path))
        {
            source = provider.GetRequiredService<IPolicySource>().Should().BeOfType<FilePolicySource>().Subject;
            source.Current.Version.Should().Be("A");
        }

        var act = () => source.ReloadNow();
        act.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Options_changed_after_registration_have_no_effect()
    {
        SlaEngineOptions? captured = null;
        var services = new ServiceCollection();
        services.AddSlaEngine(o =>
        {
            o.PolicyText = TestPolicies.A;
            captured = o;
        });
        captured!.PolicyText = TestPolicies.B;
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<ISlaEvaluator>().Policy.Version.Should().Be("A");
    }

    [Fact]
    public void Options_have_the_documented_defaults()
    {
        var options = new SlaEngineOptions();

        options.ReloadDebounce.Should().Be(TimeSpan.FromMilliseconds(200));
        options.PollInterval.Should().Be(TimeSpan.FromSeconds(5));
        options.PolicyPath.Should().BeNull();
        options.PolicyText.Should().BeNull();
        options.PolicyStream.Should().BeNull();
        options.Policy.Should().BeNull();
    }
}
