using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.Evaluation;

/// <summary>
/// <c>notice: none</c>, <c>notice.unless</c> and <c>targets: { CLOCK: none }</c>: an overlay decides the facet as
/// "nothing", so a lower rule's notice or target does not apply. 2026-11-23 is a Monday; every calendar is UTC.
/// </summary>
public sealed class WaiverTests
{
    private const string Yaml = """
        format: slaengine/v1
        policy: waivers
        calendars:
          biz:
            zone: Etc/UTC
            hours:
              mon-fri: "09:00-17:00"
            holidays:
              - { yearly: "12-25", name: Christmas }
        teams:
          ops: { name: Operations, calendar: biz }
        fields:
          emergency: { type: bool, default: false }
          alert: { type: bool, default: false }
          tags: { type: "list<string>", default: [] }
          scheduledStart: { type: instant, required: false }
        clocks:
          triage: {}
          resolve: {}
        rules:
          - id: alerts
            when: alert
            targets: { triage: none }
          - id: pre-approved
            when: tags.contains("pre-approved")
            notice: none
          - id: standard
            owner: ops
            targets:
              triage: 30m
              resolve: 8h
            escalations:
              - { clock: triage, at: breach, notify: [ops] }
            notice: { to: [ops], before: scheduledStart, atLeast: 1bd, unless: emergency }
        """;

    private static readonly Policy Subject = PolicyLoader.LoadOrThrow(Yaml, "waivers.yaml");

    private static SlaEngine.Events.ChangeEvent Event(params (string Field, object? Value)[] values) =>
        Subject.ReadEvent(values.Select(v => new System.Collections.Generic.KeyValuePair<string, object?>(v.Field, v.Value))
            .Append(new("submittedAt", Instant.FromUtc(2026, 11, 24, 10, 0)))
            .Append(new("scheduledStart", Instant.FromUtc(2026, 11, 24, 12, 0)))).GetEventOrThrow();

    [Fact]
    public void A_notice_is_owed_when_unless_does_not_hold()
    {
        var decision = Subject.Evaluate(Event());

        decision.Notice.Should().NotBeNull();
        decision.Notice!.Met.Should().BeFalse("1bd before Tue 12:00 is Mon 09:00, and the request came Tue 10:00");
        decision.Violations.Select(v => v.Code).Should().Contain("notice-period");
    }

    [Fact]
    public void No_notice_is_owed_when_unless_holds_and_the_rule_still_decides_the_facet()
    {
        var decision = Subject.Evaluate(Event(("emergency", true)));

        decision.Notice.Should().BeNull();
        decision.Violations.Should().BeEmpty();
        decision.Trace.RuleFor("notice").Should().Be("standard");
    }

    [Fact]
    public void Notice_none_above_decides_the_notice_as_nothing()
    {
        var decision = Subject.Evaluate(Event(("tags", new[] { "pre-approved" })));

        decision.Notice.Should().BeNull();
        decision.Violations.Should().BeEmpty();
        decision.Trace.RuleFor("notice").Should().Be("pre-approved");
    }

    [Fact]
    public void A_target_of_none_above_waives_the_clock_and_its_ladder()
    {
        var decision = Subject.Evaluate(Event(("alert", true)));

        decision.DeadlineFor("triage").Should().BeNull();
        decision.DeadlineFor("resolve").Should().NotBeNull();
        decision.Escalations.Should().BeEmpty("the triage ladder counts from a target that was waived");
        decision.Trace.RuleFor("targets.triage").Should().Be("alerts");
        Subject.Track(Event(("alert", true))).StatusAt(Instant.FromUtc(2026, 11, 24, 11, 0)).ClockFor("triage").Should().BeNull();
    }

    [Fact]
    public void An_unconditional_none_decides_the_target_for_every_event_below_it()
    {
        var yaml = Yaml.Replace("  - id: alerts\n    when: alert\n", "  - id: alerts\n", System.StringComparison.Ordinal);

        var result = PolicyLoader.Load(yaml, "waivers.yaml");

        result.Success.Should().BeTrue();
        var policy = result.Policy!;
        var plain = policy.ReadEvent(new System.Collections.Generic.Dictionary<string, object?> { ["submittedAt"] = Instant.FromUtc(2026, 11, 24, 10, 0) }).GetEventOrThrow();
        policy.Evaluate(plain).DeadlineFor("triage").Should().BeNull("the unconditional none decides triage for every event");
        policy.Evaluate(plain).DeadlineFor("resolve").Should().NotBeNull();
    }

    [Theory]
    [InlineData("notice: none", "notice: nope", DiagnosticCodes.WrongNodeType)]
    [InlineData("targets: { triage: none }", "targets: { triage: never }", DiagnosticCodes.InvalidDuration)]
    [InlineData("unless: emergency", "unless: emergenc", DiagnosticCodes.UnknownIdentifier)]
    public void A_misspelt_waiver_is_a_positioned_error(string good, string bad, string code)
    {
        var result = PolicyLoader.Load(Yaml.Replace(good, bad, System.StringComparison.Ordinal), "waivers.yaml");

        result.Policy.Should().BeNull();
        result.Errors.Should().ContainSingle().Which.Code.Should().Be(code);
    }
}
