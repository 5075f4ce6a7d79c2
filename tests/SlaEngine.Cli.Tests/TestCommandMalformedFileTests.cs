using System;
using System.IO;
using System.Linq;
using FluentAssertions;
using SlaEngine.Cli;
using Xunit;

namespace SlaEngine.Cli.Tests;

/// <summary><c>slaengine test</c> on the sample suites and on malformed test files: diagnostics with positions, never a crash.</summary>
public sealed class TestCommandMalformedFileTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "slaengine-cli-probe-" + Guid.NewGuid().ToString("N"));

    public TestCommandMalformedFileTests()
    {
        Directory.CreateDirectory(_scratch);
        File.Copy(CliRunner.Sample("policies", "service-desk.yaml"), Path.Combine(_scratch, "service-desk.yaml"));
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static (int Exit, string[] Lines) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        stderr.ToString().Should().BeEmpty();
        return (exit, stdout.ToString().TrimEnd('\n').Split('\n'));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_scratch, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_sample_suites_pass_with_the_totals_last()
    {
        var (exit, lines) = Run("test", CliRunner.Sample("policies"));

        exit.Should().Be(CliApp.Ok);
        lines.Where(l => l.StartsWith("FAIL ", StringComparison.Ordinal)).Should().BeEmpty();
        lines.Count(l => l.StartsWith("PASS service-desk › ", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(30);
        lines.Count(l => l.StartsWith("PASS contact-center › ", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(15);
        lines[^1].Should().MatchRegex(@"^\d+ passed, 0 failed$");
    }

    [Fact]
    public void The_filter_selects_cases_of_the_sample_suite_by_name_ignoring_case()
    {
        var (exit, lines) = Run("test", CliRunner.Sample("policies", "service-desk.tests.yaml"), "--filter", "FREEZE");

        exit.Should().Be(CliApp.Ok);
        lines[..^1].Should().OnlyContain(l => l.StartsWith("PASS service-desk › ", StringComparison.Ordinal) && l.Contains("freeze", StringComparison.OrdinalIgnoreCase));
        lines[^1].Should().Be($"{lines.Length - 1} passed, 0 failed");
    }

    [Fact]
    public void A_malformed_test_file_fails_once_with_every_diagnostic_and_its_position()
    {
        var path = Write(
            "bad.tests.yaml",
            "tests: bad\npolicy: service-desk.yaml\ncases:\n" +
            "  - name: unknown key\n    event: { submittedAt: \"2027-03-16T10:00:00Z\", service: email }\n    expcet: { owner: sd-london }\n    expect: {}\n" +
            "  - name: bad instant\n    event: { submittedAt: \"2027-03-16T10:00:00Z\", service: email }\n    expect: { deadlines: { respond: \"16/03/2027 11:00\" } }\n" +
            "  - name: both\n    event: { submittedAt: \"2027-03-16T10:00:00Z\", service: email }\n    timeline: [{ at: \"2027-03-16T10:00:00Z\" }]\n    at: \"2027-03-16T10:00:00Z\"\n    expect: {}\n");

        var (exit, lines) = Run("test", path);

        exit.Should().Be(CliApp.Failed);
        lines[0].Should().Be("FAIL bad › the test file loads");
        lines.Should().Contain(l => l.Contains("bad.tests.yaml:6:5: error SLA1004: unknown key 'expcet'", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("bad.tests.yaml:10:37: error SLA5002:", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("bad.tests.yaml:13:5: error SLA5001:", StringComparison.Ordinal));
        lines[^1].Should().Be("0 passed, 1 failed");
    }

    [Fact]
    public void A_misspelt_clock_and_a_missing_policy_fail_their_cases_with_positions_and_a_diff_follows_a_wrong_value()
    {
        var path = Write(
            "probe.tests.yaml",
            "tests: probe\npolicy: service-desk.yaml\ncases:\n" +
            "  - name: misspelt clock\n    event: { submittedAt: \"2027-03-16T10:00:00Z\", service: email }\n    expect: { deadlines: { respnd: null } }\n" +
            "  - name: wrong remaining\n    timeline: [{ at: \"2027-03-16T10:00:00Z\", set: { service: email } }]\n    at: \"2027-03-16T10:20:00Z\"\n    expect: { clocks: { respond: { remaining: 41m, elapsed: 0h20m } } }\n");
        var missing = Write("missing.tests.yaml", "tests: missing\npolicy: nowhere/policy.yaml\ncases:\n  - name: one\n    event: { submittedAt: \"2027-03-16T10:00:00Z\" }\n    expect: {}\n");

        var (exit, lines) = Run("test", path, missing);

        exit.Should().Be(CliApp.Failed);
        string.Join("\n", lines).Should().Contain(
            "FAIL probe › misspelt clock\n" +
            $"    at {path}:4:5\n" +
            $"    {path}:6:28: error SLA5002: 'deadlines.respnd' names no clock of policy 'eu-service-desk' (did you mean 'respond'?); its clocks are respond, restore, fulfil\n" +
            "FAIL probe › wrong remaining\n" +
            $"    at {path}:7:5\n" +
            "    clocks.respond.remaining\n" +
            "      expected: 41m\n" +
            "      actual:   40m\n" +
            "FAIL missing › one\n" +
            $"    at {missing}:4:5\n" +
            $"    {missing}:2:9: the policy {Path.Combine(_scratch, "nowhere", "policy.yaml")} failed to load:\n");
        lines[^1].Should().Be("0 passed, 3 failed");
    }
}
