using System.IO;
using System.Linq;
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
    public void Many_events_are_written_in_file_order_with_each_refusal_in_order_on_standard_error()
    {
        // More events than one batch decided in parallel; every 97th is refused.
        var categories = new[] { "routing", "network-backbone", "telephony-platform" };
        var lines = Enumerable.Range(1, 1300).Select(i => i % 97 == 0
            ? $$"""{ "id": "e{{i}}", "submittedAt": "2026-11-24T10:00:00-05:00", "category": "routng" }"""
            : $$"""{ "id": "e{{i}}", "submittedAt": "2026-11-24T10:00:00-05:00", "category": "{{categories[i % 3]}}" }""");
        var events = Write("many.jsonl", string.Join("\n", lines));

        var (exit, output, error) = Run("evaluate", Policy, "--event", events);

        exit.Should().Be(CliApp.Failed);
        var expectedIds = Enumerable.Range(1, 1300).Where(i => i % 97 != 0).Select(i => $"e{i}");
        output.TrimEnd().Split('\n').Select(l => JsonDocument.Parse(l).RootElement.GetProperty("eventId").GetString())
            .Should().Equal(expectedIds);
        error.TrimEnd().Split('\n').Select(l => l[(l.IndexOf("event ", System.StringComparison.Ordinal) + 6)..l.IndexOf(':', l.IndexOf("event ", System.StringComparison.Ordinal))])
            .Should().Equal(Enumerable.Range(1, 1300).Where(i => i % 97 == 0).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
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
    public void Explain_with_a_zone_shows_every_instant_in_that_zone()
    {
        var (exit, output, _) = Run("explain", Policy, "--event", Sample("events", "routing-change.json"), "--zone", "Europe/Dublin");

        exit.Should().Be(CliApp.Ok);
        // Dublin keeps GMT (UTC+0) in November: 16:00Z and 03:00Z read as 16:00 and 03:00 there.
        output.Should().Contain("Request CHG-1001 submitted Tue 24 Nov 2026 15:00 GMT (Europe/Dublin) = 2026-11-24T15:00:00Z");
        output.Should().Contain("acknowledge: due Tue 24 Nov 2026 16:00 GMT (Europe/Dublin) = 2026-11-24T16:00:00Z");
        output.Should().Contain("resolve: due Fri 27 Nov 2026 03:00 GMT (Europe/Dublin) = 2026-11-27T03:00:00Z");
        output.Should().NotContain("America/New_York");
    }

    [Fact]
    public void Explain_shows_a_24x7_deadline_in_the_zone_the_event_was_submitted_from_never_as_a_bare_utc_label()
    {
        var policy = Write("noc.yaml", """
            format: slaengine/v1
            policy: noc
            teams:
              noc: { name: Network Operations }
            clocks:
              resolve: {}
            rules:
              - id: all
                owner: noc
                targets: { resolve: { within: 4h } }
            """);
        var evt = Write("event.json", """{ "submittedAt": "2026-11-24T10:00:00+05:30" }""");

        var (exit, output, _) = Run("explain", policy, "--event", evt);

        exit.Should().Be(CliApp.Ok);
        // 10:00 in Kolkata is 04:30Z; four hours on the always-open calendar later is 08:30Z, 14:00 in Kolkata.
        output.Should().Contain("submitted Tue 24 Nov 2026 10:00 (UTC+05:30) = 2026-11-24T04:30:00Z");
        output.Should().Contain("resolve: due Tue 24 Nov 2026 14:00 (UTC+05:30) = 2026-11-24T08:30:00Z — 4h on 24x7 (always open)");
        output.Should().NotContain("UTC (UTC)");
    }

    [Fact]
    public void Explain_of_a_timeline_at_an_instant_puts_every_clock_in_words()
    {
        var (exit, output, _) = Run("explain", Policy, "--timeline", Sample("events", "ticket-timeline.json"), "--at", "2026-11-25T12:00:00-05:00");

        exit.Should().Be(CliApp.Ok);
        output.Should().Contain("Owner: Contact Center Operations (cc-ops)");
        output.Should().Contain("Clocks at Wed 25 Nov 2026 12:00 EST (America/New_York) = 2026-11-25T17:00:00Z");
        // resolve (2bd on cc-hours, 07:00-22:00): 12h on Tuesday from 10:00 and 15h on Wednesday and Thursday make 42h.
        // It ran 10:00-11:00 on Tuesday and from 09:00 on Wednesday (paused while waiting on the requester): 4h by
        // noon, 38h left: 10h on Wednesday, 15h on Thursday, 13h on Friday from 07:00, so due Friday 20:00.
        output.Should().Contain("  resolve: running, cycle 1, 4h elapsed of 42h (2bd on cc-hours), due Fri 27 Nov 2026 20:00 EST (America/New_York) = 2026-11-28T01:00:00Z");
        // acknowledge (1h) stops when work starts; the ticket left 'new' at 11:00, after exactly one hour.
        output.Should().Contain("  acknowledge: stopped, cycle 1, 1h elapsed of 1h (1h on cc-hours)");
        output.Should().Contain("to Tue 24 Nov 2026 11:00 EST (America/New_York) = 2026-11-24T16:00:00Z, 1h of 1h, met");
    }

    [Fact]
    public void Evaluate_of_a_timeline_honours_the_text_format_and_the_zone()
    {
        var (exit, output, _) = Run("evaluate", Policy, "--timeline", Sample("events", "ticket-timeline.json"), "--at", "2026-11-25T12:00:00-05:00", "--format", "text", "--zone", "Asia/Kolkata");

        exit.Should().Be(CliApp.Ok);
        output.Should().Contain("Clocks at Wed 25 Nov 2026 22:30 IST (Asia/Kolkata) = 2026-11-25T17:00:00Z");
        output.TrimStart().Should().NotStartWith("{");
    }

    [Fact]
    public void A_zone_with_json_output_or_an_unknown_zone_is_a_usage_error_that_says_why()
    {
        var json = Run("evaluate", Policy, "--event", Sample("events", "routing-change.json"), "--zone", "Europe/Dublin");
        json.Exit.Should().Be(CliApp.UsageError);
        json.Error.Should().Contain("--zone applies to text");

        var unknown = Run("explain", Policy, "--event", Sample("events", "routing-change.json"), "--zone", "Europe/Dubln");
        unknown.Exit.Should().Be(CliApp.UsageError);
        unknown.Error.Should().Contain("unknown time zone 'Europe/Dubln'");
    }

    [Fact]
    public void A_field_the_policy_does_not_read_is_noted_on_standard_error_and_the_decision_still_printed()
    {
        var evt = Write("extra.json", """{ "submittedAt": "2026-11-24T10:00:00-05:00", "category": "routing", "colour": "blue" }""");

        var (exit, output, error) = Run("evaluate", Policy, "--event", evt);

        exit.Should().Be(CliApp.Ok);
        JsonDocument.Parse(output).RootElement.GetProperty("owner").GetString().Should().Be("cc-ops");
        error.Should().Contain($"{evt}: info SLA4003: field 'colour' is not declared by the policy and is ignored");
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
