using System.Linq;
using FluentAssertions;
using NodaTime;
using NodaTime.Testing;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.Loading;

/// <summary>
/// Lint cases decided by hand from the rules of docs/policy-format.md ("Lint") and docs/rules-language.md: each policy says in its name whether a rule is shadowed, a team or
/// calendar unused, an enum value unowned, a calendar without holidays, and the linter must agree exactly.
/// </summary>
public sealed class LintWarningsDecidedByHandTests
{
    private static readonly PolicyLoadOptions At2026 = new() { Clock = new FakeClock(Instant.FromUtc(2026, 11, 24, 12, 0)) };

    private const string Head = """
        format: slaengine/v1
        policy: hunt
        calendars:
          biz:
            zone: Europe/London
            hours: { mon-fri: "09:00-17:00" }
            holidays: [{ yearly: "12-25" }]
        teams:
          ops: { calendar: biz }
          infra: {}
        fields:
          category: { type: enum, values: [a, b, c] }
          priority: { type: enum, values: [P1, P2, P3], default: P3 }
          emergency: { type: bool, default: false }
          flag: { type: bool, required: false }
          sev: { type: enum, values: [low, mid, high], required: false }
          summary: { type: string, required: false }
          agents: { type: int, default: 0 }
          requestedBy: { type: team, required: false }
        clocks:
          ack: {}
          resolve: {}
        rules:

        """;

    private static PolicyLoadResult Load(string rules)
    {
        var result = PolicyLoader.Load(Head + rules, "hunt.yaml", At2026);
        result.Errors.Should().BeEmpty();
        return result;
    }

    private static string[] Shadowed(string rules) =>
        [.. Load(rules).Diagnostics.Where(d => d.Code == DiagnosticCodes.ShadowedRule).Select(d => d.Message.Split('\'')[1])];

    private static string[] Unowned(string rules) =>
        [.. Load(rules).Diagnostics.Where(d => d.Code == DiagnosticCodes.UnownedEnumValue).Select(d => d.Message.Split("no rule gives an owner to ")[1].Split(':')[0])];

    [Theory]
    // A final rule above with a broader condition.
    [InlineData("- { id: stop, when: 'category in [\"a\", \"b\"]', informed: [ops], final: true }\n- { id: x, when: 'category == \"a\"', owner: ops }")]
    // The same facet decided above under a weaker condition.
    [InlineData("- { id: a, when: 'category == \"a\"', owner: ops }\n- { id: x, when: 'category == \"a\" && emergency', owner: infra }")]
    // A disjunction split over two rules above.
    [InlineData("- { id: a, when: 'category == \"a\"', owner: ops }\n- { id: b, when: 'category == \"b\"', owner: ops }\n- { id: x, when: 'category in [\"a\", \"b\"]', owner: infra }")]
    // Enum orderings, either way round.
    [InlineData("- { id: a, when: 'priority <= \"P2\"', owner: ops }\n- { id: x, when: 'priority == \"P1\"', owner: infra }")]
    [InlineData("- { id: a, when: '\"P2\" >= priority', owner: ops }\n- { id: x, when: 'priority < \"P2\"', owner: infra }")]
    // Both values of an always-present bool.
    [InlineData("- { id: a, when: emergency, owner: ops }\n- { id: b, when: '!emergency', owner: ops }\n- { id: x, when: 'category == \"a\"', owner: infra }")]
    // != is true on an absent optional field, so these two rules cover every event, absent flag included.
    [InlineData("- { id: a, when: 'flag == true', owner: ops }\n- { id: b, when: 'flag != true', owner: ops }\n- { id: x, when: 'category == \"a\"', owner: infra }")]
    // An absent optional enum: != "high" covers both low and absent.
    [InlineData("- { id: a, when: 'sev != \"high\"', owner: ops }\n- { id: x, when: '!has(sev)', owner: infra }")]
    // not in is false on an absent value; x matches only present low or high.
    [InlineData("- { id: a, when: 'sev in [\"low\", \"high\"]', owner: ops }\n- { id: x, when: 'sev not in [\"mid\"]', owner: infra }")]
    // The same unknown (a string function) above, weaker.
    [InlineData("- { id: a, when: 'summary.contains(\"IVR\")', owner: ops }\n- { id: x, when: 'summary.contains(\"IVR\") && emergency', owner: infra }")]
    // open() is unknown, but open or not open is every event.
    [InlineData("- { id: a, when: 'open(\"biz\")', owner: ops }\n- { id: b, when: '!open(\"biz\")', owner: ops }\n- { id: x, when: 'category == \"c\"', owner: infra }")]
    // Int thresholds and string equalities.
    [InlineData("- { id: a, when: 'agents > 100', owner: ops }\n- { id: x, when: 'agents >= 200', owner: infra }")]
    [InlineData("- { id: a, when: 'summary == \"x\" || summary == \"y\"', owner: ops }\n- { id: x, when: 'summary in [\"y\", \"x\"]', owner: infra }")]
    // A team field: == and != cover absent too.
    [InlineData("- { id: a, when: 'requestedBy == \"ops\"', owner: ops }\n- { id: b, when: 'requestedBy != \"ops\"', owner: ops }\n- { id: x, when: emergency, owner: infra }")]
    // A final rule stops the walk for a, a rule decides the owner for b.
    [InlineData("- { id: a, when: 'category == \"a\"', informed: [ops], final: true }\n- { id: b, when: 'category == \"b\"', owner: ops }\n- { id: x, when: 'category in [\"a\", \"b\"]', owner: infra }")]
    // Below an unconditional final rule, even a rule without a condition.
    [InlineData("- { id: a, owner: ops, final: true }\n- { id: x, informed: [ops] }")]
    // A final rule below a final rule that always matches first.
    [InlineData("- { id: a, when: emergency, informed: [ops], final: true }\n- { id: x, when: 'emergency && category == \"a\"', owner: ops, final: true }")]
    public void A_rule_that_can_never_decide_anything_is_shadowed(string rules) =>
        Shadowed(rules).Should().Equal("x");

    [Theory]
    // The overlay sets a clock target the rule above leaves open.
    [InlineData("- { id: a, owner: ops, targets: { resolve: { within: 4h } } }\n- { id: x, when: emergency, targets: { ack: { within: 15m } } }")]
    // One facet decided above, one not.
    [InlineData("- { id: a, owner: ops }\n- { id: x, when: emergency, owner: infra, consulted: [ops] }")]
    // A final rule whose facets are decided above still ends the walk: it decides.
    [InlineData("- { id: a, owner: ops }\n- { id: x, when: emergency, owner: infra, final: true }\n- { id: z, informed: [ops] }")]
    // An absent optional bool: neither flag nor !flag holds.
    [InlineData("- { id: a, when: flag, owner: ops }\n- { id: b, when: '!flag', owner: ops }\n- { id: x, when: 'category == \"a\"', owner: infra }")]
    // not in is false on absent, != is true: x matches an absent sev, a does not.
    [InlineData("- { id: a, when: 'sev not in [\"mid\"]', owner: ops }\n- { id: x, when: 'sev != \"mid\"', owner: infra }")]
    // contains is false on an absent summary.
    [InlineData("- { id: a, when: 'summary.contains(\"x\")', owner: ops }\n- { id: x, when: '!has(summary)', owner: infra }")]
    // Different string functions are different unknowns.
    [InlineData("- { id: a, when: 'summary.startsWith(\"x\")', owner: ops }\n- { id: x, when: 'summary.contains(\"x\")', owner: infra }")]
    // open() alone does not cover everything.
    [InlineData("- { id: a, when: 'open(\"biz\")', owner: ops }\n- { id: x, when: 'category == \"a\"', owner: infra }")]
    // Int thresholds that leave a gap (exactly 100).
    [InlineData("- { id: a, when: 'agents > 100', owner: ops }\n- { id: b, when: 'agents < 100', owner: ops }\n- { id: x, when: 'agents >= 0', owner: infra }")]
    // A string value none of the rules above names.
    [InlineData("- { id: a, when: 'summary == \"x\"', owner: ops }\n- { id: b, when: 'summary != \"x\" && has(summary)', owner: ops }\n- { id: x, when: emergency, owner: infra }")]
    // The same text of the condition but a final rule above that matches less.
    [InlineData("- { id: a, when: 'category == \"a\" && emergency', informed: [ops], final: true }\n- { id: x, when: 'category == \"a\"', informed: [infra] }")]
    // A fallback without a condition below rules that cover every category today is not reported.
    [InlineData("- { id: a, when: 'category in [\"a\", \"b\"]', owner: ops }\n- { id: b, when: 'category == \"c\"', owner: ops }\n- { id: x, owner: infra }")]
    public void A_rule_that_decides_something_for_some_event_is_not_shadowed(string rules) =>
        Shadowed(rules).Should().BeEmpty();

    [Fact]
    public void A_shadow_warning_names_every_rule_the_proof_needs_and_no_other()
    {
        var result = Load("- { id: a, when: 'category == \"a\"', owner: ops }\n- { id: other, when: 'category == \"c\"', owner: ops }\n- { id: b, when: 'category == \"b\"', owner: ops }\n- { id: x, when: 'category in [\"a\", \"b\"]', owner: infra }");

        result.Diagnostics.Where(d => d.Code == DiagnosticCodes.ShadowedRule).Should().ContainSingle()
            .Which.Message.Should().Be("rule 'x' can never decide anything: whenever it matches, the rules above it ('a', 'b') have already decided owner or ended the walk; move it above them or narrow them");
    }

    [Fact]
    public void A_final_rule_above_is_named_as_ending_the_walk()
    {
        var result = Load("- { id: stop, when: emergency, informed: [ops], final: true }\n- { id: x, when: 'emergency && category == \"a\"', owner: ops }");

        result.Diagnostics.Where(d => d.Code == DiagnosticCodes.ShadowedRule).Should().ContainSingle()
            .Which.Message.Should().Be("rule 'x' can never decide anything: rule 'stop' above it always matches first and is final (it ends the walk); move it above or narrow the rule above");
    }

    [Fact]
    public void A_final_rule_that_stops_the_walk_before_any_owner_leaves_its_value_unowned() =>
        Unowned("- { id: stop, when: 'category == \"c\"', informed: [ops], final: true }\n- { id: all, owner: ops }").Should().Equal("category 'c'");

    [Fact]
    public void A_value_owned_for_some_events_only_is_not_reported() =>
        Unowned("- { id: a, when: 'category == \"a\" && emergency', owner: ops }\n- { id: bc, when: 'category != \"a\"', owner: ops }").Should().BeEmpty();

    [Fact]
    public void A_value_whose_only_owning_rule_can_never_match_is_reported() =>
        Unowned("- { id: a, when: 'category == \"a\" && emergency && !emergency', owner: ops }\n- { id: bc, when: 'category != \"a\"', owner: ops }").Should().Equal("category 'a'");

    [Fact]
    public void Values_of_an_optional_enum_field_are_checked_but_absent_is_not_a_value() =>
        Unowned("- { id: a, when: 'sev == \"low\"', owner: ops }").Should().Equal("sev 'mid'", "sev 'high'");

    [Fact]
    public void A_value_owned_through_a_rule_that_does_not_test_the_field_is_not_reported() =>
        Unowned("- { id: a, when: 'category == \"a\"', owner: ops }\n- { id: e, when: emergency, owner: infra }").Should().BeEmpty();

    [Fact]
    public void A_final_rule_that_sets_the_owner_itself_owns_its_values() =>
        Unowned("- { id: a, when: 'category == \"a\"', owner: ops, final: true }\n- { id: bc, when: 'category != \"a\"', owner: ops }").Should().BeEmpty();

    [Fact]
    public void Orderings_and_several_enum_fields_are_enumerated() =>
        Unowned("- { id: a, when: 'priority <= \"P2\" && category != \"b\"', owner: ops }\n- { id: b, when: 'category == \"b\" && priority == \"P1\"', owner: ops }").Should().Equal("priority 'P3'");

    private const string Teams = """
        format: slaengine/v1
        policy: hunt
        calendars:
          biz: { zone: Europe/London, hours: { mon-fri: "09:00-17:00" }, holidays: [{ yearly: "12-25" }] }
          freeze-cal: { zone: Europe/London, hours: { mon-fri: "09:00-17:00" }, holidays: [{ yearly: "12-25" }] }
          pause-cal: { zone: Europe/London, hours: { mon-fri: "09:00-17:00" }, holidays: [{ yearly: "12-25" }] }
          spare: { zone: Europe/London, hours: { mon-fri: "09:00-17:00" }, holidays: [{ yearly: "12-25" }] }
        teams:
          ops: { calendar: biz }
          it: {}
          cc-ops: {}
          defaulted: {}
          listed: {}
        fields:
          priority: { type: enum, values: [P1, P2], default: P2 }
          requestedBy: { type: team, default: defaulted }
          summary: { type: string, required: false }
        clocks:
          resolve: { pauseWhen: 'open("pause-cal")' }
        rules:
          - id: r
            when: priority == "P1" && requestedBy == "cc-ops" && summary != 'open("spare")'
            owner: ops
          - id: s
            when: requestedBy in ["listed"]
            owner: ops
        freezes:
          - { id: f, zone: Europe/London, from: 2026-12-20T00:00, to: 2027-01-02T00:00, unless: 'open("freeze-cal")' }
        """;

    [Fact]
    public void Teams_and_calendars_are_used_only_by_what_the_conditions_really_name()
    {
        var result = PolicyLoader.Load(Teams, "hunt.yaml", At2026);

        result.Errors.Should().BeEmpty();
        result.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnusedTeam).Select(d => d.Message.Split('\'')[1]).Should().Equal("it");
        result.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnusedCalendar).Select(d => d.Message.Split('\'')[1]).Should().Equal("spare");
    }

    private static string[] NoHolidays(string holidays, string exceptions = "[]")
    {
        var yaml = $$"""
            format: slaengine/v1
            policy: hunt
            calendars:
              cal: { zone: Pacific/Auckland, hours: { mon-fri: "09:00-17:00" }, holidays: {{holidays}}, exceptions: {{exceptions}} }
            teams:
              ops: { calendar: cal }
            rules:
              - { id: r, owner: ops }
            """;
        var result = PolicyLoader.Load(yaml, "hunt.yaml", At2026);
        result.Errors.Should().BeEmpty();
        return [.. result.Diagnostics.Where(d => d.Code == DiagnosticCodes.NoUpcomingHolidays).Select(d => d.Message.Split('\'')[1])];
    }

    [Theory]
    // "Now" is 2026-11-24T12:00Z, which is 2026-11-25 in Auckland: the window is 2026-11-25 .. 2027-11-24.
    [InlineData("[2026-11-25]", "[]", false)]
    [InlineData("[2026-11-24]", "[]", true)]
    [InlineData("[2027-11-24]", "[]", false)]
    [InlineData("[2027-11-25]", "[]", true)]
    [InlineData("[{ yearly: \"03-01\" }]", "[]", false)]
    [InlineData("[{ yearly: \"11/thu#4\" }]", "[]", false)]
    [InlineData("[{ yearly: \"02-29\" }]", "[]", true)]
    [InlineData("[]", "[{ date: 2027-01-04, hours: closed }]", false)]
    [InlineData("[]", "[{ date: 2026-12-24, hours: \"09:00-12:00\" }]", true)]
    [InlineData("[]", "[{ date: 2025-12-24, hours: closed }]", true)]
    public void Holidays_count_in_the_next_twelve_months_of_the_calendar_zone(string holidays, string exceptions, bool warned) =>
        NoHolidays(holidays, exceptions).Should().HaveCount(warned ? 1 : 0);
}
