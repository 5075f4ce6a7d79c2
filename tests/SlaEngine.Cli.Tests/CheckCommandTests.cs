using System.IO;
using System.Text.Json;
using FluentAssertions;
using SlaEngine.Tests;
using Xunit;
using static SlaEngine.Cli.Tests.CliRunner;

namespace SlaEngine.Cli.Tests;

public sealed class CheckCommandTests
{
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
