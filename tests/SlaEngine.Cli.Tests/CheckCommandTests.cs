using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using SlaEngine.Tests;
using Xunit;
using static SlaEngine.Cli.Tests.CliRunner;

namespace SlaEngine.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "slaengine-cli-check-" + Guid.NewGuid().ToString("N"));

    public CheckCommandTests() => Directory.CreateDirectory(_scratch);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void The_sample_policies_folder_checks_clean_suites_included()
    {
        var (exit, output, _) = Run("check", Sample("policies"));

        exit.Should().Be(CliApp.Ok);
        output.Should().NotContain(": error ");
        output.TrimEnd().Should().EndWith("0 error(s), 1 warning(s)");
    }

    [Fact]
    public void A_policy_with_errors_is_said_not_to_be_linted_instead_of_losing_its_warnings_silently()
    {
        // The unknown owner is an error, so the policy is not compiled, and so not linted.
        var policy = File.ReadAllText(Sample("policies", "service-desk.yaml"));
        File.WriteAllText(Path.Combine(_scratch, "broken.yaml"), policy.Replace("\nrules:\n", "\nrules:\n  - id: broken\n    owner: no-such-team\n", StringComparison.Ordinal));
        File.Copy(Sample("policies", "contact-center.yaml"), Path.Combine(_scratch, "clean.yaml"));

        var (exit, output, _) = Run("check", _scratch);

        exit.Should().Be(CliApp.Failed);
        output.Should().Contain("unknown team 'no-such-team'");
        output.Should().Contain("note: 1 policy with errors not linted");
        output.Should().Contain("clean.yaml", "the clean policy is still linted (its on-call calendar has no holidays)");
        output.TrimEnd().Should().EndWith("error(s), 1 warning(s)");

        var (_, clean, _) = Run("check", Sample("policies"));
        clean.Should().NotContain("not linted");
    }

    [Fact]
    public void Every_yaml_file_of_the_sample_policies_given_as_a_shell_glob_would_checks_clean()
    {
        var files = Directory.GetFiles(Sample("policies"), "*.yaml").Order(StringComparer.Ordinal).ToArray();
        files.Should().Contain(f => f.EndsWith(".tests.yaml", StringComparison.Ordinal), "the suites sit next to the policies");

        var (exit, output, _) = Run(["check", .. files]);

        exit.Should().Be(CliApp.Ok);
        output.TrimEnd().Should().EndWith("0 error(s), 1 warning(s)");
    }

    [Fact]
    public void Exclude_leaves_out_the_files_a_glob_matches_under_each_folder_given()
    {
        File.Copy(Sample("policies", "service-desk.yaml"), Path.Combine(_scratch, "service-desk.yaml"));
        Directory.CreateDirectory(Path.Combine(_scratch, "drafts"));
        File.WriteAllText(Path.Combine(_scratch, "drafts", "half-written.yaml"), "format: slaengine/v1\npolicy: draft\nrules: [\n");
        File.WriteAllText(Path.Combine(_scratch, "notes.wip.yaml"), "not: [a policy\n");

        var (failing, unfiltered, _) = Run("check", _scratch);
        var (exit, output, _) = Run("check", _scratch, "--exclude", "drafts/**", "--exclude", "**/*.wip.yaml");

        failing.Should().Be(CliApp.Failed);
        unfiltered.Should().Contain("half-written.yaml").And.Contain("notes.wip.yaml");
        exit.Should().Be(CliApp.Ok, output);
        output.Should().NotContain("half-written.yaml").And.NotContain("notes.wip.yaml");
        output.Should().MatchRegex(@"(^|\n)0 error\(s\), ", "only the policy is left, and it is clean");
    }

    [Fact]
    public void Excluding_every_file_found_says_none_was_found()
    {
        File.Copy(Sample("policies", "service-desk.yaml"), Path.Combine(_scratch, "service-desk.yaml"));

        var (exit, output, _) = Run("check", _scratch, "--exclude", "*.yaml");

        exit.Should().Be(CliApp.Failed);
        output.Should().Contain("no *.yaml or *.yml files found");
    }

    [Fact]
    public void A_suite_with_a_broken_case_fails_the_check_with_the_position_of_the_case()
    {
        File.Copy(Sample("policies", "service-desk.yaml"), Path.Combine(_scratch, "service-desk.yaml"));
        var suite = Path.Combine(_scratch, "service-desk.tests.yaml");
        var lines = File.ReadAllLines(Sample("policies", "service-desk.tests.yaml")).ToList();
        var line = lines.FindIndex(l => l.Contains("service: email, id: SD-1", StringComparison.Ordinal));
        line.Should().BeGreaterThan(0);
        lines[line] = lines[line].Replace("service: email", "service: emial", StringComparison.Ordinal);
        File.WriteAllLines(suite, lines);
        var column = lines[line].IndexOf("emial", StringComparison.Ordinal) + 1;

        var (exit, output, _) = Run("check", _scratch);

        exit.Should().Be(CliApp.Failed);
        output.Should().Contain($"{suite}:{line + 1}:{column}: error SLA5005: case 'an email ticket is the London desk's").And.Contain("emial");
        output.TrimEnd().Should().EndWith("1 error(s), 0 warning(s)");
    }

    [Fact]
    public void A_folder_without_yaml_files_is_an_error()
    {
        var (exit, output, _) = Run("check", _scratch);

        exit.Should().Be(CliApp.Failed);
        output.Should().Contain("no *.yaml or *.yml files found");
    }

    [Fact]
    public void The_reference_policy_checks_without_errors()
    {
        var (exit, output, _) = Run("check", Sample("policies", "contact-center.yaml"));

        exit.Should().Be(CliApp.Ok);
        output.Should().NotContain(": error ");
        output.TrimEnd().Should().EndWith("0 error(s), 1 warning(s)");
    }

    [SharedFact]
    public void A_bad_policy_prints_compiler_style_lines_and_exits_1()
    {
        var path = Acceptance("bad-policies", "unknown-key.yaml");

        var (exit, output, _) = Run("check", path);

        exit.Should().Be(CliApp.Failed);
        output.Should().Contain($"{path}:20:5: error SLA1004: unknown key 'ownr'");
    }

    [SharedFact]
    public void An_expression_error_is_reported_at_its_column_in_the_file()
    {
        var path = Acceptance("bad-policies", "type-mismatch.yaml");

        var (exit, output, _) = Run("check", path);

        exit.Should().Be(CliApp.Failed);
        output.Should().Contain($"{path}:19:36: error SLA");
    }

    [Fact]
    public void Warnings_fail_the_check_only_with_warnaserror()
    {
        var policy = Sample("policies", "contact-center.yaml");

        Run("check", policy).Exit.Should().Be(CliApp.Ok);
        Run("check", "--warnaserror", policy).Exit.Should().Be(CliApp.Failed);
    }

    [SharedFact]
    public void Json_format_lists_every_diagnostic_with_its_position()
    {
        var (exit, output, _) = Run("check", "--format", "json", Acceptance("bad-policies", "unknown-team.yaml"));

        exit.Should().Be(CliApp.Failed);
        using var doc = JsonDocument.Parse(output);
        var error = doc.RootElement.EnumerateArray();
        error.Should().Contain(e => e.GetProperty("code").GetString() == "SLA1103"
            && e.GetProperty("line").GetInt32() == 25 && e.GetProperty("column").GetInt32() == 12
            && e.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public void A_missing_file_is_an_error_not_a_crash()
    {
        var (exit, output, _) = Run("check", Path.Combine(Root, "no-such-policy.yaml"));

        exit.Should().Be(CliApp.Failed);
        output.Should().Contain("error SLA1010");
    }

    [Fact]
    public void A_wrong_command_line_exits_2()
    {
        Run("check").Exit.Should().Be(CliApp.UsageError);
        Run("frobnicate").Exit.Should().Be(CliApp.UsageError);
        Run("check", "--format", "xml", Sample("policies", "contact-center.yaml")).Exit.Should().Be(CliApp.UsageError);
    }

    [Fact]
    public void Version_and_help_are_available()
    {
        Run("--version").Out.Should().MatchRegex(@"^\d+\.\d+\.\d+");
        var help = Run("check", "--help");
        help.Exit.Should().Be(CliApp.Ok);
        help.Out.Should().Contain("Example:").And.Contain("--warnaserror");
    }
}
