using System;
using System.IO;
using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace SlaEngine.Cli.Tests;

/// <summary><c>slaengine diff OLD NEW</c>: exit 0 when the versions decide everything the same, 1 when they differ, 2 on a bad command line or a version that does not load.</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("slaengine-diff-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Reference => CliRunner.Sample("policies", "contact-center.yaml");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string Edited() => Write("new.yaml", File.ReadAllText(Reference).Replace("      resolve: { within: 40h }", "      resolve: { within: 24h }", StringComparison.Ordinal));

    [Fact]
    public void A_policy_against_itself_exits_0_and_says_so()
    {
        var (exit, stdout, _) = CliRunner.Run("diff", Reference, Reference, "--from", "2026-12-01");

        exit.Should().Be(0);
        stdout.Should().Contain("the versions decide every event the same");
    }

    [Fact]
    public void An_edited_target_exits_1_with_the_change_and_a_witness()
    {
        var (exit, stdout, _) = CliRunner.Run("diff", Reference, Edited(), "--from", "2026-12-01");

        exit.Should().Be(1);
        stdout.Should().Contain("targets.resolve: 40h on it-hours → 24h on it-hours").And.Contain("witness: {\"submittedAt\":");
    }

    [Fact]
    public void The_json_format_is_json_with_the_witness_and_both_decisions()
    {
        var (exit, stdout, _) = CliRunner.Run("diff", Reference, Edited(), "--from", "2026-12-01", "--format", "json");

        exit.Should().Be(1);
        using var doc = JsonDocument.Parse(stdout);
        doc.RootElement.GetProperty("equivalent").GetBoolean().Should().BeFalse();
        var rule = doc.RootElement.GetProperty("rules")[0];
        rule.GetProperty("witness").GetProperty("newDecision").GetProperty("owner").GetString().Should().Be("it-infra");
    }

    [Fact]
    public void The_markdown_format_has_a_table_for_a_pull_request_comment()
    {
        var (exit, stdout, _) = CliRunner.Run("diff", Reference, Edited(), "--from", "2026-12-01", "--format", "markdown");

        exit.Should().Be(1);
        stdout.Should().StartWith("### Policy diff").And.Contain("| Events | Facet | Old | New |").And.Contain("| targets.resolve | 40h on it-hours | 24h on it-hours |");
    }

    [Fact]
    public void Real_events_from_a_json_lines_file_are_compared()
    {
        var events = Write("events.jsonl", "{\"id\": \"up-1\", \"submittedAt\": \"2026-12-02T15:00:00Z\", \"category\": \"upgrade\"}\n{\"id\": \"rt-1\", \"submittedAt\": \"2026-12-02T15:00:00Z\", \"category\": \"routing\"}\n");

        var (exit, stdout, _) = CliRunner.Run("diff", Reference, Edited(), "--from", "2026-12-01", "--events", events);

        exit.Should().Be(1);
        stdout.Should().Contain("event 1 (up-1): targets.resolve").And.NotContain("rt-1");
    }

    [Fact]
    public void A_version_that_does_not_load_exits_2_with_its_positioned_diagnostics()
    {
        var broken = Write("broken.yaml", File.ReadAllText(Reference).Replace("owner: cc-ops", "owner: cc-opz", StringComparison.Ordinal));

        var (exit, stdout, stderr) = CliRunner.Run("diff", Reference, broken);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().MatchRegex(@"broken\.yaml:\d+:\d+: error SLA\d+: .*cc-opz").And.Contain("does not load");
    }

    [Fact]
    public void A_bad_from_date_exits_2()
    {
        var (exit, _, stderr) = CliRunner.Run("diff", Reference, Reference, "--from", "tomorrow");

        exit.Should().Be(2);
        stderr.Should().Contain("--from");
    }

    [Fact]
    public void A_missing_events_file_exits_2_with_a_message()
    {
        var (exit, _, stderr) = CliRunner.Run("diff", Reference, Reference, "--events", Path.Combine(_dir, "none.jsonl"));

        exit.Should().Be(2);
        stderr.Should().Contain("none.jsonl");
    }
}
