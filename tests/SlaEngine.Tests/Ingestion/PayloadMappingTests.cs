using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using FluentAssertions;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Ingestion;
using Xunit;

namespace SlaEngine.Tests.Ingestion;

public sealed class PayloadMappingTests
{
    private static readonly Policy Reference = PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath);

    private static readonly PayloadMapping Tool = LoadMapping("""
        format: slaengine-mapping/v1
        mapping: tool
        accept: { /kind: [created, updated] }
        ticket: /ticket/key
        at: { from: /at, format: epoch-s }
        id: /event
        fields:
          category: { from: /ticket/category, required: true }
          priority:
            from: /ticket/priority
            map: { urgent: P1, high: P2, normal: P3, low: P4, none: ~ }
            unmapped: error
          status:
            from: /ticket/state
            map: { open: in-progress, waiting: waiting-on-requester, solved: done }
          emergency: { from: /ticket/major, map: { "1": true, "0": false }, unmapped: false }
          affectedAgents: { from: /ticket/agents, optional: true }
          tags:
            from: /ticket/labels
            map: { old-tag: new-tag, drop-me: ~ }
          summary: /ticket/title
          scheduledStart: { from: /ticket/window/start, format: iso }
          requestedBy: { from: /ticket/team, optional: true }
        """);

    private static PayloadMapping LoadMapping(string yaml)
    {
        var result = MappingLoader.Load(yaml, Reference, "tool.mapping.yaml");
        result.Success.Should().BeTrue(string.Join("\n", result.Diagnostics));
        return result.Mapping!;
    }

    private static MappingResult Map(string json) => Tool.Map(json);

    private static Dictionary<string, object?> SetOf(MappingResult result)
    {
        result.IsMapped.Should().BeTrue(result.ErrorMessage ?? result.IgnoredBecause);
        return result.Entry!.Set.ToDictionary(p => p.Key, p => p.Value);
    }

    [Fact]
    public void A_payload_becomes_an_entry_with_its_ticket_instant_id_and_typed_values_in_the_mappings_order()
    {
        var result = Map("""
            { "kind": "created", "at": 1795514400, "event": 901,
              "ticket": { "key": "T-1", "category": "routing", "priority": "high", "state": "open", "major": "0",
                          "agents": 12, "labels": ["a", "old-tag", "drop-me"], "title": "Queue 7 misroutes",
                          "window": { "start": "2026-12-01T09:00:00.000-0500" }, "team": "cc-ops" } }
            """);

        result.Outcome.Should().Be(MappingOutcome.Mapped);
        var entry = result.Entry!;
        entry.Ticket.Should().Be("T-1");
        entry.At.Should().Be(Instant.FromUtc(2026, 11, 24, 10, 0));
        entry.Id.Should().Be("901");
        entry.Set.Select(p => p.Key).Should().Equal("category", "priority", "status", "emergency", "affectedAgents", "tags", "summary", "scheduledStart", "requestedBy");
        var set = SetOf(result);
        set["category"].Should().Be("routing");
        set["priority"].Should().Be("P2");
        set["status"].Should().Be("in-progress");
        set["emergency"].Should().Be(false);
        set["affectedAgents"].Should().Be(12L);
        ((ImmutableArray<string>)set["tags"]!).Should().Equal("a", "new-tag");
        set["summary"].Should().Be("Queue 7 misroutes");
        set["scheduledStart"].Should().Be(Instant.FromUtc(2026, 12, 1, 14, 0));
        set["requestedBy"].Should().Be("cc-ops");
        result.Errors.Should().BeEmpty();
        result.Notes.Should().BeEmpty();
    }

    [Fact]
    public void Nothing_at_a_pointer_or_a_json_null_sets_nothing_and_a_null_map_value_too()
    {
        var result = Map("""
            { "kind": "updated", "at": 1795514400,
              "ticket": { "key": "T-1", "category": "routing", "priority": "none", "state": null } }
            """);

        var set = SetOf(result);
        set.Keys.Should().Equal("category");
        result.Entry!.Id.Should().BeNull();
    }

    [Fact]
    public void A_required_field_with_nothing_at_its_pointer_fails_the_payload_naming_field_and_pointer()
    {
        var result = Map("""{ "kind": "updated", "at": 1795514400, "ticket": { "key": "T-1" } }""");

        result.Outcome.Should().Be(MappingOutcome.Failed);
        result.Errors.Should().ContainSingle().Which.Should().Match<MappingError>(e =>
            e.Code == DiagnosticCodes.MissingPayloadValue && e.Field == "category" && e.Pointer == "/ticket/category");
        result.ErrorMessage.Should().Contain("category").And.Contain("/ticket/category");
    }

    [Fact]
    public void Every_bad_value_of_a_payload_is_reported_at_once()
    {
        var result = Map("""
            { "kind": "updated", "at": "soon", "event": { "n": 1 },
              "ticket": { "category": "bogus", "priority": "P9", "state": "archived", "title": 42,
                          "labels": "a,b", "window": { "start": "2026-12-01T09:00:00" } } }
            """);

        result.Outcome.Should().Be(MappingOutcome.Failed);
        result.Errors.Select(e => e.Field).Should().BeEquivalentTo("ticket", "at", "id", "category", "priority", "status", "summary", "tags", "scheduledStart");
        result.Errors.Single(e => e.Field == "priority").Message.Should().Be("priority: 'P9' is not in the field's map (mapped values: urgent, high, normal, low, none) (at /ticket/priority)");
        result.Errors.Single(e => e.Field == "status").Message.Should().Contain("'archived' is not one of new, in-progress");
        result.Errors.Single(e => e.Field == "category").Message.Should().Contain("'bogus' is not one of routing");
        result.Errors.Single(e => e.Field == "scheduledStart").Message.Should().Contain("has no offset");
        result.Errors.Single(e => e.Field == "at").Message.Should().Contain("seconds since 1970");
        result.Errors.Should().OnlyContain(e => e.Code == DiagnosticCodes.InvalidPayloadValue || e.Code == DiagnosticCodes.MissingPayloadValue);
    }

    [Fact]
    public void An_unmapped_value_keeps_takes_the_default_or_fails_as_the_mapping_says()
    {
        const string payload = """{{ "kind": "updated", "at": 1795514400, "ticket": {{ "key": "T", "category": "queue", "state": "{0}", "major": "{1}" }} }}""";

        SetOf(Map(string.Format(System.Globalization.CultureInfo.InvariantCulture, payload, "done", "maybe")))
            .Should().Contain("status", "done").And.Contain("emergency", false);
        Map(string.Format(System.Globalization.CultureInfo.InvariantCulture, payload, "finished", "1")).Errors.Single().Message
            .Should().Contain("status: 'finished' is not one of");
    }

    [Fact]
    public void An_optional_field_whose_value_cannot_be_used_is_skipped_with_a_note()
    {
        var result = Map("""
            { "kind": "updated", "at": 1795514400, "ticket": { "key": "T", "category": "queue", "agents": "many", "team": "marketing" } }
            """);

        SetOf(result).Keys.Should().Equal("category");
        result.Notes.Select(n => n.Field).Should().Equal("affectedAgents", "requestedBy");
        result.Notes[1].Message.Should().Contain("'marketing' is not a team of the policy");
    }

    [Fact]
    public void Strings_holding_numbers_or_booleans_read_as_such_as_servicenow_sends_them_and_whole_floats_as_ints()
    {
        var mapping = LoadMapping("""
            format: slaengine-mapping/v1
            mapping: strings
            ticket: /n
            at: /t
            fields: { affectedAgents: /a, emergency: /e }
            """);

        var set = SetOf(mapping.Map("""{ "n": "INC1", "t": "2026-11-24T10:00:00Z", "a": "40", "e": "true" }"""));
        set["affectedAgents"].Should().Be(40L);
        set["emergency"].Should().Be(true);
        SetOf(mapping.Map("""{ "n": "INC1", "t": "2026-11-24T10:00:00Z", "a": 40.0 }"""))["affectedAgents"].Should().Be(40L);
        mapping.Map("""{ "n": "INC1", "t": "2026-11-24T10:00:00Z", "a": 40.5 }""").Errors.Single().Message.Should().Contain("affectedAgents");
    }

    [Theory]
    [InlineData("""{ "kind": "deleted", "at": 1, "ticket": { "key": "T" } }""", "/kind is 'deleted', not one of created, updated")]
    [InlineData("""{ "at": 1, "ticket": { "key": "T" } }""", "nothing at /kind")]
    [InlineData("""{ "kind": { "x": 1 }, "at": 1 }""", "/kind is an object")]
    public void A_payload_the_mapping_does_not_accept_is_ignored_not_failed(string json, string because)
    {
        var result = Map(json);

        result.Outcome.Should().Be(MappingOutcome.Ignored);
        result.Entry.Should().BeNull();
        result.Errors.Should().BeEmpty();
        result.IgnoredBecause.Should().Contain(because);
    }

    [Theory]
    [InlineData("""{ "kind": "created", "at": 1, "ticket": { "key": "", "category": "queue" } }""", "an empty string")]
    [InlineData("""{ "kind": "created", "at": 1, "ticket": { "key": 1.5, "category": "queue" } }""", "got a number")]
    [InlineData("""{ "kind": "created", "at": 1, "ticket": { "key": ["T"], "category": "queue" } }""", "got a list")]
    [InlineData("""{ "kind": "created", "at": 1, "ticket": { "category": "queue" } }""", "no value at /ticket/key")]
    public void A_ticket_key_must_be_a_non_empty_string_or_a_whole_number(string json, string words)
    {
        var result = Map(json);

        result.Outcome.Should().Be(MappingOutcome.Failed);
        result.Errors.Single().Field.Should().Be("ticket");
        result.Errors.Single().Message.Should().Contain(words);
    }

    [Fact]
    public void A_whole_number_ticket_reads_as_its_digits()
    {
        Map("""{ "kind": "created", "at": 1795514400, "ticket": { "key": 35436, "category": "queue" } }""").Entry!.Ticket.Should().Be("35436");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{ \"kind\": ")]
    [InlineData("[1, 2]")]
    [InlineData("\"created\"")]
    [InlineData("")]
    [InlineData("{ \"kind\": \"created\", \"at\": 1, \"ticket\": { \"key\": \"\\ud800\", \"category\": \"queue\" } }")]
    public void Malformed_payloads_fail_with_a_message_and_never_throw(string json)
    {
        var result = Map(json);

        result.Outcome.Should().Be(MappingOutcome.Failed);
        result.Errors.Should().NotBeEmpty();
        result.ErrorMessage.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_payload_nested_deeper_than_the_limit_fails_without_overflowing_the_stack()
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);

        var result = Map("{ \"kind\": " + deep + " }");

        result.Outcome.Should().Be(MappingOutcome.Failed);
        result.Errors.Single().Code.Should().Be(DiagnosticCodes.MalformedPayload);
    }

    [Fact]
    public void A_payload_larger_than_the_limit_fails_before_it_is_parsed()
    {
        var huge = "{ \"pad\": \"" + new string('x', PayloadMapping.MaxPayloadBytes) + "\" }";

        Map(huge).Errors.Single().Message.Should().Contain("larger than 4 MiB");
        Tool.Map(Encoding.UTF8.GetBytes(huge)).Errors.Single().Message.Should().Contain("larger than 4 MiB");
    }

    [Fact]
    public void Bytes_with_a_byte_order_mark_map_as_text_does_and_invalid_utf8_fails()
    {
        const string json = """{ "kind": "created", "at": 1795514400, "ticket": { "key": "T", "category": "queue" } }""";
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(json)).ToArray();

        Tool.Map(withBom).Entry!.Ticket.Should().Be("T");
        var invalid = Encoding.UTF8.GetBytes(json);
        invalid[Array.IndexOf(invalid, (byte)'T')] = 0xff;
        Tool.Map(invalid).Outcome.Should().Be(MappingOutcome.Failed);
    }

    [Fact]
    public void A_long_ticket_key_is_refused_rather_than_stored()
    {
        var key = new string('k', PayloadMapping.MaxIdLength + 1);

        Map($$"""{ "kind": "created", "at": 1, "ticket": { "key": "{{key}}", "category": "queue" } }""").Errors.Single().Message.Should().Contain("1 to 256 characters");
    }

    [Fact]
    public void Mapping_is_safe_from_many_threads_at_once()
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<string>();
        System.Threading.Tasks.Parallel.For(0, 500, i =>
        {
            var result = Map($$"""{ "kind": "created", "at": {{1795514400 + i}}, "ticket": { "key": "T-{{i}}", "category": "queue", "priority": "low" } }""");
            results.Add($"{result.Entry!.Ticket}|{result.Entry.At.ToUnixTimeSeconds() - 1795514400}|{result.Entry.Set[1].Value}");
        });

        results.Should().BeEquivalentTo(Enumerable.Range(0, 500).Select(i => $"T-{i}|{i}|P4"));
    }
}
