using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using FluentAssertions;
using SlaEngine.Tests;
using SlaEngine.Cli;
using Xunit;

namespace SlaEngine.Cli.Tests;

public sealed class TestCommandTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "slaengine-cli-tests-" + Guid.NewGuid().ToString("N"));

    public TestCommandTests()
    {
        Directory.CreateDirectory(_scratch);
        File.Copy(Path.Combine(Fixtures, "stub-friendly.yaml"), Path.Combine(_scratch, "stub-friendly.yaml"));
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static (int Exit, string[] Lines, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString().TrimEnd('\n').Split('\n'), stderr.ToString());
    }

    private string BrokenCopy()
    {
        var text = File.ReadAllText(Path.Combine(Fixtures, "stub-friendly.tests.yaml"))
            .Replace("resolve: \"2026-11-24T23:00:00Z\"", "resolve: \"2026-11-24T22:00:00Z\"", StringComparison.Ordinal);
        var path = Path.Combine(_scratch, "nested", "broken.tests.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("policy: stub-friendly.yaml", "policy: ../stub-friendly.yaml", StringComparison.Ordinal));
        return path;
    }

    [Fact]
    public void Test_of_a_passing_directory_exits_0_with_the_totals_last()
    {
        var (exit, lines, _) = Run("test", Fixtures);

        exit.Should().Be(CliApp.Ok);
        lines.Should().HaveCount(6);
        lines[..5].Should().OnlyContain(l => l.StartsWith("PASS runner-fixture › ", StringComparison.Ordinal));
        lines[^1].Should().Be("5 passed, 0 failed");
    }

    [Fact]
    public void Test_with_a_failing_case_exits_1_and_shows_expected_against_actual()
    {
        BrokenCopy();

        var (exit, lines, _) = Run("test", _scratch);

        exit.Should().Be(CliApp.Failed);
        lines[0].Should().Be("FAIL runner-fixture › a routing change is the contact center's");
        lines.Should().ContainInOrder(
            "    deadlines.resolve",
            "      expected: 2026-11-24T22:00:00+00:00 (Tue 2026-11-24 17:00 EST on ny-hours)",
            "      actual:   2026-11-24T23:00:00+00:00 (Tue 2026-11-24 18:00 EST on ny-hours)");
        lines[^1].Should().Be("4 passed, 1 failed");
    }

    [Fact]
    public void Test_writes_junit_xml_when_asked()
    {
        BrokenCopy();
        var junit = Path.Combine(_scratch, "results", "junit.xml");

        var (exit, _, _) = Run("test", _scratch, "--junit", junit);

        exit.Should().Be(CliApp.Failed);
        var root = XDocument.Load(junit).Root!;
        root.Attribute("tests")!.Value.Should().Be("5");
        root.Attribute("failures")!.Value.Should().Be("1");
        root.Descendants("failure").Single().Attribute("message")!.Value.Should().StartWith("deadlines.resolve: expected 2026-11-24T22:00:00+00:00");
    }

    [Fact]
    public void Test_with_coverage_lists_the_rule_no_case_matched_before_the_totals()
    {
        var (_, lines, _) = Run("test", Fixtures, "--coverage");

        lines.Should().Contain("    no case matched: never-reached");
        lines[^1].Should().Be("5 passed, 0 failed");
    }

    [Fact]
    public void Test_with_a_filter_runs_only_the_matching_cases()
    {
        var (exit, lines, _) = Run("test", Path.Combine(Fixtures, "stub-friendly.tests.yaml"), "--filter", "timeline");

        exit.Should().Be(CliApp.Ok);
        lines.Should().Equal("PASS runner-fixture › a timeline entry that sets an unknown status is refused", "1 passed, 0 failed");
    }

    [Fact]
    public void Test_of_a_bad_test_file_exits_1_with_its_diagnostics()
    {
        var path = Path.Combine(_scratch, "bad.tests.yaml");
        File.WriteAllText(path, "tests: bad\npolicy: stub-friendly.yaml\ncases:\n  - name: a\n    evnt: {}\n    expect: {}\n");

        var (exit, lines, _) = Run("test", path);

        exit.Should().Be(CliApp.Failed);
        lines[0].Should().Be("FAIL bad › the test file loads");
        lines.Should().Contain(l => l.Contains("bad.tests.yaml:5:5: error SLA1004: unknown key 'evnt'", StringComparison.Ordinal) && l.Contains("did you mean 'event'?", StringComparison.Ordinal));
        lines[^1].Should().Be("0 passed, 1 failed");
    }

    [Fact]
    public void Test_of_a_directory_without_test_files_exits_1()
    {
        var empty = Path.Combine(_scratch, "empty");
        Directory.CreateDirectory(empty);

        var (exit, lines, _) = Run("test", empty);

        exit.Should().Be(CliApp.Failed);
        lines[^1].Should().Be("0 passed, 0 failed");
    }

    [SharedFact]
    public void Test_of_the_acceptance_suite_runs_every_case()
    {
        var (_, lines, _) = Run("test", CliRunner.Acceptance("contact-center.tests.yaml"));

        lines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal) || l.StartsWith("FAIL ", StringComparison.Ordinal)).Should().Be(17);
        lines[^1].Should().MatchRegex(@"^\d+ passed, \d+ failed$");
    }

    [Fact]
    public void Test_without_a_path_is_a_usage_error()
    {
        Run("test").Exit.Should().Be(CliApp.UsageError);
    }
}
