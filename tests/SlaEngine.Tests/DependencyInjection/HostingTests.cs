using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SlaEngine.DependencyInjection;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.DependencyInjection;

/// <summary>
/// SlaEngine in a real generic host: options read from the host's <c>appsettings.json</c>, reloads and failures
/// logged through the host's logging, and the health check run by the host's health check service.
/// </summary>
public sealed class HostingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("slaengine-host-").FullName;
    private readonly LogSink _logs = new();

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind does no harm.
        }
    }

    private string PolicyPath => Path.Combine(_root, "policies", "contact-center.yaml");

    private void WritePolicy(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PolicyPath)!);
        var temporary = PolicyPath + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, PolicyPath, overwrite: true);
    }

    // A host as a service builds it: content root with appsettings.json, the SlaEngine section bound by AddSlaEngine,
    // health checks registered, logging through the host (to a sink the test reads instead of the console).
    private IHost StartHost(object slaEngineSection)
    {
        var settings = JsonSerializer.Serialize(new Dictionary<string, object> { ["SlaEngine"] = slaEngineSection });
        File.WriteAllText(Path.Combine(_root, "appsettings.json"), settings);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _root, Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(_logs);
        builder.Services.AddSlaEngine(builder.Configuration.GetSection("SlaEngine"));
        builder.Services.AddHealthChecks().AddCheck<SlaEngineHealthCheck>("slaengine");
        var host = builder.Build();
        host.Start();
        return host;
    }

    private static FilePolicySource Source(IHost host) => (FilePolicySource)host.Services.GetRequiredService<IPolicySource>();

    private static async Task<HealthReportEntry> Health(IHost host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["slaengine"];

    [Fact]
    public void The_policy_path_comes_from_the_hosts_appsettings_and_its_load_is_logged()
    {
        WritePolicy(TestPolicies.A);
        using var host = StartHost(new { PolicyPath = PolicyPath, PollInterval = "off" });

        var sla = host.Services.GetRequiredService<ISlaEvaluator>();

        sla.Policy.Version.Should().Be("A");
        Source(host).FilePath.Should().Be(PolicyPath);
        var loaded = _logs.Single(e => e.EventName == "PolicyLoaded");
        loaded.Level.Should().Be(LogLevel.Information);
        loaded.Category.Should().Be("SlaEngine.DependencyInjection.IPolicySource");
        loaded.Message.Should().Contain("di-test A (generation 1)").And.Contain(PolicyPath);
    }

    [Fact]
    public void A_reload_is_logged_with_the_version_it_replaced_and_the_one_in_force()
    {
        WritePolicy(TestPolicies.A);
        using var host = StartHost(new { PolicyPath, PollInterval = "off" });
        var source = Source(host);

        WritePolicy(TestPolicies.B);
        source.ReloadNow().Should().BeTrue();

        var reloaded = _logs.Single(e => e.EventName == "PolicyReloaded");
        reloaded.Level.Should().Be(LogLevel.Information);
        reloaded.Message.Should().Contain("di-test A (generation 1) replaced by di-test B (generation 2)");
        reloaded.State.Should().Contain(new KeyValuePair<string, object?>("Source", PolicyPath));
    }

    [Fact]
    public void A_refused_reload_is_logged_as_an_error_with_each_diagnostic_positioned_and_never_the_policy_text()
    {
        WritePolicy(TestPolicies.A);
        using var host = StartHost(new { PolicyPath, PollInterval = "off" });
        var source = Source(host);

        WritePolicy(TestPolicies.Invalid);
        source.ReloadNow().Should().BeFalse();

        var refused = _logs.Single(e => e.EventName == "PolicyRefused");
        refused.Level.Should().Be(LogLevel.Error);
        refused.Message.Should().Contain("di-test A (generation 1) stays in force");
        var errors = source.LastFailure!.Errors;
        errors.Should().NotBeEmpty();
        foreach (var error in errors)
        {
            refused.Message.Should().Contain($"{PolicyPath}:{error.Location.Line}:{error.Location.Column}: error {error.Code}");
        }

        refused.Message.Should().NotContain("format: slaengine/v1").And.NotContain("Contact Center Operations", "the log names the problems, not the policy's content");
    }

    [Fact]
    public void A_policy_file_that_disappears_is_logged_as_a_failed_reload()
    {
        WritePolicy(TestPolicies.A);
        using var host = StartHost(new { PolicyPath, PollInterval = "off" });
        var source = Source(host);

        File.Delete(PolicyPath);
        source.ReloadNow().Should().BeFalse();

        var failed = _logs.Single(e => e.EventName == "PolicyReloadFailed");
        failed.Level.Should().Be(LogLevel.Error);
        failed.Message.Should().Contain(DiagnosticCodes.UnreadableFile).And.Contain("does not exist");
    }

    [Fact]
    public async Task The_health_check_is_healthy_then_degraded_while_a_refused_file_waits_then_healthy_again()
    {
        WritePolicy(TestPolicies.A);
        using var host = StartHost(new { PolicyPath, PollInterval = "off" });
        var source = Source(host);

        var healthy = await Health(host);
        healthy.Status.Should().Be(HealthStatus.Healthy);
        healthy.Data["policy"].Should().Be("di-test A (generation 1)");
        healthy.Data["file"].Should().Be(PolicyPath);
        healthy.Data.Should().NotContainKey("diagnostics");

        WritePolicy(TestPolicies.Invalid);
        source.ReloadNow();
        var degraded = await Health(host);
        degraded.Status.Should().Be(HealthStatus.Degraded);
        degraded.Description.Should().Contain("di-test A (generation 1) stays in force");
        degraded.Data["diagnostics"].Should().BeOfType<string[]>()
            .Which.Should().Equal(source.LastFailure!.Diagnostics.Select(d => d.ToString()));

        WritePolicy(TestPolicies.B);
        source.ReloadNow();
        var recovered = await Health(host);
        recovered.Status.Should().Be(HealthStatus.Healthy);
        recovered.Data["generation"].Should().Be(2L);
    }

    [Fact]
    public async Task Without_a_policy_the_health_check_is_unhealthy_with_the_diagnostics_and_the_failure_is_logged_as_critical()
    {
        WritePolicy(TestPolicies.Invalid);
        using var host = StartHost(new { PolicyPath, PollInterval = "off" });

        var unhealthy = await Health(host);

        unhealthy.Status.Should().Be(HealthStatus.Unhealthy);
        unhealthy.Description.Should().Contain("no policy is in force");
        var diagnostics = unhealthy.Data["diagnostics"].Should().BeOfType<string[]>().Subject;
        diagnostics.Should().NotBeEmpty().And.OnlyContain(d => d.StartsWith(PolicyPath + ":", StringComparison.Ordinal));
        var critical = _logs.Where(e => e.EventName == "PolicyNotLoaded").Should().ContainSingle().Subject;
        critical.Level.Should().Be(LogLevel.Critical);
        critical.Message.Should().Contain(diagnostics[0]);

        WritePolicy(TestPolicies.A);
        (await Health(host)).Status.Should().Be(HealthStatus.Healthy, "the check tries the file again, and the service has a policy once it loads");
        host.Services.GetRequiredService<ISlaEvaluator>().Policy.Version.Should().Be("A");
    }

    [Fact]
    public void A_policy_given_as_text_in_configuration_is_named_by_its_policy_name()
    {
        using var host = StartHost(new { PolicyText = TestPolicies.A, PolicyName = "from-settings.yaml" });

        host.Services.GetRequiredService<IPolicySource>().Should().BeOfType<StaticPolicySource>();
        _logs.Single(e => e.EventName == "PolicyLoaded").Message.Should().Contain("from-settings.yaml");
    }

    /// <summary>Collects what the host's loggers write, with the structured state.</summary>
    private sealed class LogSink : ILoggerProvider
    {
        private readonly ConcurrentQueue<LogEntry> _entries = new();

        public ILogger CreateLogger(string categoryName) => new SinkLogger(categoryName, _entries);

        public LogEntry Single(Func<LogEntry, bool> predicate) => _entries.Where(predicate).Should().ContainSingle().Subject;

        public IEnumerable<LogEntry> Where(Func<LogEntry, bool> predicate) => _entries.Where(predicate);

        public void Dispose()
        {
        }

        private sealed class SinkLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
                entries.Enqueue(new LogEntry(category, logLevel, eventId.Name, formatter(state, exception), [.. values]));
            }
        }
    }

    private sealed record LogEntry(string Category, LogLevel Level, string? EventName, string Message, List<KeyValuePair<string, object?>> State);
}
