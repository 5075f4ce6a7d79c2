using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using Xunit;
using static SlaEngine.Cli.Tests.CliRunner;

namespace SlaEngine.Cli.Tests;

public sealed class MapCommandTests : IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "slaengine-map-" + Guid.NewGuid().ToString("N"));

    public MapCommandTests() => Directory.CreateDirectory(_scratch);

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static string Policy => Sample("policies", "contact-center.yaml");

    private static string Jira(string file = "") => file.Length == 0
        ? Sample("mappings", "jira-service-management.mapping.yaml")
        : Sample("mappings", "jira-service-management", file);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_scratch, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Map_prints_one_history_row_per_accepted_payload_and_notes_ignored_ones_on_standard_error()
    {
        var (exit, output, error) = Run("map", Jira(), "--policy", Policy, "--payload", Jira("01-issue-created.json"), Jira("02-in-progress.json"), Jira("06-comment-created.json"));

        exit.Should().Be(CliApp.Ok);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        using var first = JsonDocument.Parse(lines[0]);
        first.RootElement.GetProperty("ticket").GetString().Should().Be("CC-142");
        first.RootElement.GetProperty("at").GetString().Should().Be("2026-11-17T14:05:00Z");
        first.RootElement.TryGetProperty("id", out _).Should().BeFalse();
        first.RootElement.GetProperty("set").GetProperty("status").GetString().Should().Be("new");
        using var second = JsonDocument.Parse(lines[1]);
        second.RootElement.GetProperty("id").GetString().Should().Be("10401");
        second.RootElement.GetProperty("set").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal("ivr", "east-site");
        error.Should().Contain("06-comment-created.json: ignored: /webhookEvent is 'comment_created'");
    }

    [Fact]
    public void Json_lines_are_one_payload_per_line_and_a_bad_line_is_named_and_fails_the_run()
    {
        var payloads = Write("batch.jsonl", string.Join('\n',
            """{ "webhookEvent": "jira:issue_updated", "timestamp": 1794925200000, "issue": { "key": "CC-1", "fields": { "summary": "a" } } }""",
            "",
            """{ "webhookEvent": "jira:issue_updated", "timestamp": 1794925200000, "issue": { "key": "CC-2", "fields": { "priority": { "name": "Blocker" } } } }""",
            """{ "webhookEvent": "jira:issue_updated", "timestamp": "noon", "issue": { "key": "CC-3" } }"""));

        var (exit, output, error) = Run("map", Jira(), "--policy", Policy, "--payload", payloads);

        exit.Should().Be(CliApp.Failed);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().Contain("\"CC-1\"");
        error.Should().Contain("batch.jsonl: line 3: error SLA8103: priority: 'Blocker' is not in the field's map");
        error.Should().Contain("batch.jsonl: line 4: error SLA8103: at:");
    }

    [Fact]
    public void A_broken_mapping_prints_its_positioned_diagnostics_and_exits_1()
    {
        var mapping = Write("bad.mapping.yaml", "format: slaengine-mapping/v1\nmapping: bad\nticket: /key\nat: /when\nfields:\n  prority: /p\n");

        var (exit, output, error) = Run("map", mapping, "--policy", Policy, "--payload", Jira("01-issue-created.json"));

        exit.Should().Be(CliApp.Failed);
        output.Should().BeEmpty();
        error.Should().Contain("bad.mapping.yaml:6:3: error SLA8003").And.Contain("did you mean 'priority'?");
    }

    [Fact]
    public void A_malformed_payload_file_gives_one_error_for_the_file_and_exit_1()
    {
        var payload = Write("broken.json", "{\n  \"webhookEvent\": \"jira:issue_created\",\n  \"issue\": {\n");

        var (exit, output, error) = Run("map", Jira(), "--policy", Policy, "--payload", payload);

        exit.Should().Be(CliApp.Failed);
        output.Should().BeEmpty();
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle().Which.Should().Contain("broken.json: error SLA8101: the payload is not valid JSON");
    }

    [Fact]
    public void The_policy_and_a_payload_are_required()
    {
        Run("map", Jira(), "--payload", Jira("01-issue-created.json")).Exit.Should().Be(CliApp.UsageError);
        Run("map", Jira(), "--policy", Policy).Exit.Should().Be(CliApp.UsageError);
    }

    [Fact]
    public void What_map_prints_is_a_history_that_simulate_replays_unchanged()
    {
        var payloads = new[] { "jira-service-management", "zendesk", "servicenow", "freshservice", "zammad" }
            .SelectMany(tool => Run(["map", Sample("mappings", tool + ".mapping.yaml"), "--policy", Policy, "--payload",
                .. Directory.GetFiles(Sample("mappings", tool), "*.json").Order()]).Out.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        var history = Write("history.jsonl", string.Join('\n', payloads) + "\n");

        var (exit, output, error) = Run("simulate", Policy, "--history", history, "--format", "json");

        payloads.Should().HaveCount(22);
        exit.Should().Be(CliApp.Ok, error);
        using var report = JsonDocument.Parse(output);
        var read = FindProperty(report.RootElement, "rows")!.Value;
        read.GetInt32().Should().Be(22);
        FindProperty(report.RootElement, "tickets")!.Value.GetInt32().Should().Be(5);
        FindProperty(report.RootElement, "badRows")!.Value.GetInt32().Should().Be(0);
    }

    private static JsonElement? FindProperty(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.NameEquals(name))
                {
                    return property.Value;
                }

                if (FindProperty(property.Value, name) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    [Fact]
    public void Schema_prints_the_mapping_schema_with_the_mapping_option()
    {
        var (exit, output, _) = Run("schema", "--mapping");

        exit.Should().Be(CliApp.Ok);
        using var schema = JsonDocument.Parse(output);
        schema.RootElement.GetProperty("$id").GetString().Should().Be("urn:slaengine:mapping:v1");
    }
}
