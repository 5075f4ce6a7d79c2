using System.IO;
using System.Text.Json;
using FluentAssertions;
using Xunit;
using static SlaEngine.Cli.Tests.CliRunner;

namespace SlaEngine.Cli.Tests;

public sealed class EvaluateCommandTests : System.IDisposable
{
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "slaengine-eval-" + System.Guid.NewGuid().ToString("N"));

    public EvaluateCommandTests() => Directory.CreateDirectory(_scratch);

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private static string Policy => Sample("policies", "contact-center.yaml");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_scratch, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Evaluate_prints_the_decision_as_json()
    {
        var (exit, output, _) = Run("evaluate", Policy, "--event", Sample("events", "routing-change.json"));

        exit.Should().Be(CliApp.Ok);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("owner").GetString().Should().Be("cc-ops");
        doc.RootElement.GetProperty("deadlines").GetProperty("resolve").GetProperty("due").GetString().Should().Be("2026-11-27T03:00:00Z");
        doc.RootElement.GetProperty("trace").GetProperty("matched")[0].GetString().Should().Be("cc-day-to-day");
    }

    [Fact]
    public void Json_lines_give_one_decision_per_line_and_a_bad_event_names_its_field()
    {
        var events = Write("events.jsonl", """
            { "submittedAt": "2026-11-24T10:00:00-05:00", "category": "routing" }
            { "submittedAt": "2026-11-24T10:00:00-05:00", "category": "network-backbone" }
            { "submittedAt": "2026-11-24T10:00:00-05:00", "category": "routng" }
            """);

        var (exit, output, error) = Run("evaluate", Policy, "--event", events);

        exit.Should().Be(CliApp.Failed);
        var lines = output.TrimEnd().Split('\n');
        lines.Should().HaveCount(2);
        JsonDocument.Parse(lines[1]).RootElement.GetProperty("owner").GetString().Should().Be("it-infra");
        error.Should().Contain("event 3").And.Contain("category").And.Contain("routing");
    }

    [Fact]
    public void A_timeline_at_an_instant_prints_the_status_of_every_clock()
    {
        var (exit, output, _) = Run("evaluate", Policy, "--timeline", Sample("events", "ticket-timeline.json"), "--at", "2026-11-25T12:00:00-05:00");

        exit.Should().Be(CliApp.Ok);
        using var doc = JsonDocument.Parse(output);
        var resolve = doc.RootElement.GetProperty("clocks").GetProperty("resolve");
        resolve.GetProperty("state").GetString().Should().Be("running");
        resolve.GetProperty("elapsed").GetString().Should().Be("4h");
        resolve.GetProperty("remaining").GetString().Should().Be("38h");
        doc.RootElement.GetProperty("clocks").GetProperty("acknowledge").GetProperty("state").GetString().Should().Be("stopped");
    }

    [Fact]
    public void A_timeline_entry_out_of_order_is_bad_input_naming_the_entry()
    {
        var timeline = Write("t.json", """
            [ { "at": "2026-11-24T10:00:00-05:00", "set": { "category": "routing" } },
              { "at": "2026-11-24T09:00:00-05:00", "set": { "status": "done" } } ]
            """);

        var (exit, _, error) = Run("evaluate", Policy, "--timeline", timeline, "--at", "2026-11-24T12:00:00-05:00");

        exit.Should().Be(CliApp.Failed);
        error.Should().Contain("entry 1");
    }

    [Fact]
    public void Explain_prints_plain_words_with_the_rule_behind_each_facet_and_local_times()
    {
        var (exit, output, _) = Run("explain", Policy, "--event", Sample("events", "routing-change.json"));

        exit.Should().Be(CliApp.Ok);
        output.Should().Contain("Owner: Contact Center Operations (cc-ops) [rule cc-day-to-day: The contact center administers its own applications day to day.]");
        output.Should().Contain("resolve: due Thu 26 Nov 2026 22:00 EST (America/New_York)");
        output.Should().Contain("Violations: none");
    }

    [Fact]
    public void Evaluate_with_text_format_explains()
    {
        Run("evaluate", Policy, "--event", Sample("events", "routing-change.json"), "--format", "text").Out.Should().Contain("Owner: Contact Center Operations");
    }

    [Fact]
    public void Evaluate_needs_exactly_one_input()
    {
        Run("evaluate", Policy).Exit.Should().Be(CliApp.UsageError);
        Run("evaluate", Policy, "--timeline", Sample("events", "ticket-timeline.json")).Exit.Should().Be(CliApp.UsageError);
    }

    [Fact]
    public void Schema_prints_json_schemas_for_policies_and_tests()
    {
        JsonDocument.Parse(Run("schema").Out).RootElement.GetProperty("title").GetString().Should().Contain("policy");
        JsonDocument.Parse(Run("schema", "--tests").Out).RootElement.GetProperty("title").GetString().Should().Contain("test suite");
    }
}
