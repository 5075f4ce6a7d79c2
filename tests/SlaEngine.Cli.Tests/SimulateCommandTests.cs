using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using Xunit;
using static SlaEngine.Cli.Tests.CliRunner;

namespace SlaEngine.Cli.Tests;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "slaengine-simulate-" + Guid.NewGuid().ToString("N"));

    public SimulateCommandTests() => Directory.CreateDirectory(_scratch);

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static string Policy => Sample("policies", "contact-center.yaml");

    private static string Tight => Sample("replay", "contact-center-tight-resolve.yaml");

    private static string History => Sample("replay", "history.jsonl");

    private string Path_(string name) => Path.Combine(_scratch, name);

    private string Write(string name, string text)
    {
        var path = Path_(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Simulate_prints_attainment_per_clock_as_text()
    {
        var (exit, output, error) = Run("simulate", Policy, "--history", History);

        exit.Should().Be(CliApp.Ok, error);
        output.Should().StartWith("SLA attainment at ").And.Contain("contact-center-roe 2026.11");
        output.Should().MatchRegex(@"history: 1,9\d\d rows replayed, 400 tickets, \d+ rows after a ticket's clocks ended");
        output.Should().Contain("\nclock acknowledge\n").And.Contain("\nclock resolve\n").And.Contain("owner cc-ops").And.Contain("week 2026-W02");
        output.Should().Contain("escalations fired, per notified team");
        error.Should().BeEmpty("progress goes to a terminal only");
    }

    [Fact]
    public void Simulate_compare_shows_both_policies_side_by_side_with_the_change_in_attainment()
    {
        var (exit, output, _) = Run("simulate", Policy, "--history", History, "--compare", Tight);

        exit.Should().Be(CliApp.Ok);
        output.Should().Contain("contact-center-roe 2026.11 vs contact-center-roe 2026.12-proposed");
        var resolveTotal = output.Split("\nclock resolve\n")[1].Split('\n')[1];
        resolveTotal.Should().StartWith("  total").And.Contain(" pt");
        output.Should().Contain("ticket cycles judged differently");
    }

    [Fact]
    public void The_json_report_is_the_same_bytes_on_every_run_and_names_its_format()
    {
        var first = Run("simulate", Policy, "--history", History, "--format", "json", "--by", "priority,category").Out;
        var second = Run("simulate", Policy, "--history", History, "--format", "json", "--by", "priority,category").Out;

        second.Should().Be(first);
        using var doc = JsonDocument.Parse(first);
        doc.RootElement.GetProperty("format").GetString().Should().Be("slaengine/attainment-v1");
        doc.RootElement.GetProperty("by").EnumerateArray().Select(e => e.GetString()).Should().Equal("priority", "category");
    }

    [Fact]
    public void Shards_merged_give_the_same_bytes_as_one_run_in_every_format()
    {
        foreach (var format in new[] { "json", "text", "html" })
        {
            var whole = Run("simulate", Policy, "--history", History, "--compare", Tight, "--format", format).Out;
            var parts = Enumerable.Range(0, 3).Select(i =>
            {
                var path = Path_($"part-{i}.json");
                Run("simulate", Policy, "--history", History, "--compare", Tight, "--shard", $"{i}/3", "--format", "json", "--out", path).Exit.Should().Be(CliApp.Ok);
                return path;
            }).ToArray();

            var merged = Run(["simulate", "merge", .. parts, "--format", format]);

            merged.Exit.Should().Be(CliApp.Ok, merged.Error);
            merged.Out.Should().Be(whole, $"merging {format} reports");
        }
    }

    [Fact]
    public void Merge_refuses_an_incomplete_set_of_shards_naming_the_missing_one()
    {
        var part = Path_("part-0.json");
        Run("simulate", Policy, "--history", History, "--shard", "0/2", "--format", "json", "--out", part);

        var (exit, _, error) = Run("simulate", "merge", part);

        exit.Should().Be(CliApp.Failed);
        error.Should().Contain("shard 1/2 is missing");
    }

    [Fact]
    public void A_bad_row_stops_the_replay_with_file_line_and_field_and_skip_bad_counts_it()
    {
        var history = Write("bad.jsonl", string.Join("\n", File.ReadLines(History).Take(5)) + "\n{\"ticket\":\"T-000001\",\"at\":\"2026-01-05T11:00:00-05:00\",\"status\":\"finished\"}\n");

        var stopped = Run("simulate", Policy, "--history", history);
        var skipped = Run("simulate", Policy, "--history", history, "--skip-bad");

        stopped.Exit.Should().Be(CliApp.Failed);
        stopped.Error.Should().Contain($"{history}:6: status: 'finished' is not one of");
        skipped.Exit.Should().Be(CliApp.Ok);
        skipped.Out.Should().Contain("1 bad rows skipped").And.Contain("line 6: status:");
    }

    [Fact]
    public void The_csv_option_writes_one_row_per_ticket_clock_and_cycle()
    {
        var csv = Path_("cycles.csv");

        var (exit, _, error) = Run("simulate", Policy, "--history", History, "--csv", csv, "--format", "json", "--out", Path_("r.json"));

        exit.Should().Be(CliApp.Ok, error);
        var lines = File.ReadAllLines(csv);
        lines[0].Should().Be("ticket,clock,cycle,owner,start,end,target,elapsed,outcome,policy");
        lines.Should().HaveCount(1 + 800, "400 tickets with an acknowledge and a resolve target each");
        lines.Should().Contain(l => l.StartsWith("T-000001,acknowledge,1,", StringComparison.Ordinal));
    }

    [Fact]
    public void The_html_report_is_one_page_without_scripts_or_links_out()
    {
        var page = Path_("report.html");

        var (exit, _, _) = Run("simulate", Policy, "--history", History, "--compare", Tight, "--format", "html", "--out", page);

        exit.Should().Be(CliApp.Ok);
        var html = File.ReadAllText(page);
        html.Should().StartWith("<!DOCTYPE html>").And.Contain("<svg class=\"chart attainment-by-week\"");
        html.Should().NotContain("<script").And.NotContain("src=").And.NotContain("href=").And.NotContain("@import");
    }

    [Theory]
    [InlineData("--shard", "2/2", "--shard")]
    [InlineData("--by", "summary", "--by")]
    [InlineData("--at", "tomorrow", "--at")]
    public void A_wrong_option_is_a_usage_error_naming_it(string option, string value, string named)
    {
        var (exit, _, error) = Run("simulate", Policy, "--history", History, option, value);

        exit.Should().Be(CliApp.UsageError);
        error.Should().Contain(named);
    }

    [Fact]
    public void A_missing_history_file_is_bad_input()
    {
        var (exit, _, error) = Run("simulate", Policy, "--history", Path_("nowhere.jsonl"));

        exit.Should().Be(CliApp.Failed);
        error.Should().Contain("nowhere.jsonl");
    }
}
