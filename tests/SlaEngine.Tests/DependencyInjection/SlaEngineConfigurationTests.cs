using System;
using System.Collections.Generic;
using System.Threading;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SlaEngine.DependencyInjection;
using Xunit;

namespace SlaEngine.Tests.DependencyInjection;

/// <summary>Options read from a configuration section: every setting, and a clear refusal naming the key for the rest.</summary>
public sealed class SlaEngineConfigurationTests
{
    private static IConfigurationSection Section(params (string Key, string Value)[] values)
    {
        var data = new Dictionary<string, string?>();
        foreach (var (key, value) in values)
        {
            data["SlaEngine:" + key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(data).Build().GetSection("SlaEngine");
    }

    private static SlaEngineOptions Read(IConfigurationSection section)
    {
        var options = new SlaEngineOptions();
        SlaEngineConfiguration.Bind(section, options);
        return options;
    }

    [Fact]
    public void Every_setting_is_read_whatever_the_case_of_its_key()
    {
        var options = Read(Section(("policyPath", "policies/cc.yaml"), ("RELOADDEBOUNCE", "00:00:00.500"), ("PollInterval", "00:00:30"), ("PolicyName", "cc")));

        options.PolicyPath.Should().Be("policies/cc.yaml");
        options.ReloadDebounce.Should().Be(TimeSpan.FromMilliseconds(500));
        options.PollInterval.Should().Be(TimeSpan.FromSeconds(30));
        options.PolicyName.Should().Be("cc");
    }

    [Theory]
    [InlineData("off")]
    [InlineData("Infinite")]
    public void A_poll_interval_of_off_turns_polling_off(string value)
    {
        Read(Section(("PolicyPath", "p.yaml"), ("PollInterval", value))).PollInterval.Should().Be(Timeout.InfiniteTimeSpan);
    }

    [Fact]
    public void Settings_absent_from_the_section_keep_their_defaults()
    {
        var options = Read(Section(("PolicyPath", "p.yaml")));

        options.ReloadDebounce.Should().Be(SlaEngineOptions.DefaultReloadDebounce);
        options.PollInterval.Should().Be(SlaEngineOptions.DefaultPollInterval);
    }

    [Fact]
    public void A_misspelt_key_is_refused_with_its_path_and_the_setting_it_resembles()
    {
        var act = () => Read(Section(("PolicyPth", "p.yaml")));

        act.Should().Throw<InvalidOperationException>()
            .WithMessage("*'SlaEngine:PolicyPth' is not a setting (did you mean 'PolicyPath'?)*PolicyPath, PolicyText, PolicyName, ReloadDebounce, PollInterval*");
    }

    [Fact]
    public void A_timing_that_is_not_a_time_span_is_refused_with_its_key_and_value()
    {
        var act = () => Read(Section(("PolicyPath", "p.yaml"), ("ReloadDebounce", "200 ms")));

        act.Should().Throw<InvalidOperationException>().WithMessage("*'SlaEngine:ReloadDebounce' is \"200 ms\"; expected a time span*");
    }

    [Fact]
    public void A_section_in_place_of_a_value_is_refused()
    {
        var act = () => Read(Section(("PolicyPath:Value", "p.yaml")));

        act.Should().Throw<InvalidOperationException>().WithMessage("*'SlaEngine:PolicyPath' must hold a value*");
    }

    [Fact]
    public void AddSlaEngine_with_a_section_checks_the_options_at_once()
    {
        var act = () => new ServiceCollection().AddSlaEngine(Section(("PollInterval", "00:00:10")));

        act.Should().Throw<InvalidOperationException>().WithMessage("*no policy source is configured*");
    }

    [Fact]
    public void AddSlaEngine_with_a_section_applies_the_callback_after_the_section()
    {
        using var provider = new ServiceCollection()
            .AddSlaEngine(Section(("PolicyName", "settings.yaml")), o => o.PolicyText = TestPolicies.A)
            .BuildServiceProvider();

        provider.GetRequiredService<ISlaEvaluator>().Policy.Version.Should().Be("A");
    }
}
