using System.Linq;
using FluentAssertions;
using NodaTime;
using NodaTime.Testing;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.Loading;

public sealed class PolicyLinterTests
{
    private static readonly PolicyLoadOptions At2026 = new() { Clock = new FakeClock(Instant.FromUtc(2026, 11, 24, 12, 0)) };

    private const string Calendars = """
        format: slaengine/v1
        policy: lint
        calendars:
          biz:
            zone: Europe/London
            hours: { mon-fri: "09:00-17:00" }
            holidays: [{ yearly: "12-25", name: Christmas }]
        """;

    private static PolicyLoadResult Load(string yaml) => PolicyLoader.Load(yaml, "lint.yaml", At2026);

    private static string[] Warnings(PolicyLoadResult result, string code) =>
        [.. result.Diagnostics.Where(d => d.Code == code).Select(d => d.ToString())];

    [Fact]
    public void A_rule_below_an_unconditional_rule_that_decides_the_same_facets_is_shadowed()
    {
        var result = Load(Calendars + """

            teams:
              ops: { calendar: biz }
              infra: { calendar: biz }
            fields:
              category: { type: enum, values: [a, b] }
            rules:
              - id: catch-all
                owner: ops
              - id: specific
                when: category == "a"
                owner: infra
            """);

        result.Success.Should().BeTrue();
        Warnings(result, DiagnosticCodes.ShadowedRule).Should().ContainSingle()
            .Which.Should().StartWith("lint.yaml:16:9: warning SLA3001: rule 'specific' can never decide anything: rule 'catch-all'");
    }

    [Fact]
    public void A_rule_that_sets_a_facet_the_rule_above_leaves_open_is_not_shadowed()
    {
        var result = Load(Calendars + """

            teams:
              ops: { calendar: biz }
              infra: { calendar: biz }
            fields:
              category: { type: enum, values: [a, b] }
            rules:
              - id: catch-all
                owner: ops
              - id: specific
                when: category == "a"
                owner: infra
                informed: [ops]
            """);

        Warnings(result, DiagnosticCodes.ShadowedRule).Should().BeEmpty();
    }

    [Theory]
    [InlineData("when: 'true'")]
    [InlineData("when: kind in [\"a\", \"b\"]")]
    [InlineData("when: kind == \"a\" || kind == \"b\"")]
    public void A_written_condition_that_always_holds_below_rules_covering_every_value_is_shadowed(string when)
    {
        var result = Load(Calendars + $$"""

            teams:
              ops: { calendar: biz }
              infra: { calendar: biz }
            fields:
              kind: { type: enum, values: [a, b] }
            rules:
              - id: for-a
                when: kind == "a"
                owner: ops
              - id: for-b
                when: kind == "b"
                owner: infra
              - id: always
                {{when}}
                owner: ops
            """);

        Warnings(result, DiagnosticCodes.ShadowedRule).Should().ContainSingle()
            .Which.Should().StartWith("lint.yaml:20:9: warning SLA3001: rule 'always' can never decide anything").And.Contain("'for-a'").And.Contain("'for-b'");
    }

    [Fact]
    public void A_rule_without_when_below_rules_covering_every_value_is_a_fallback_and_not_shadowed()
    {
        var result = Load(Calendars + """

            teams:
              ops: { calendar: biz }
              infra: { calendar: biz }
            fields:
              kind: { type: enum, values: [a, b] }
            rules:
              - id: for-a
                when: kind == "a"
                owner: ops
              - id: for-b
                when: kind == "b"
                owner: infra
              - id: fallback
                owner: ops
            """);

        result.Success.Should().BeTrue();
        Warnings(result, DiagnosticCodes.ShadowedRule).Should().BeEmpty();
    }

    [Fact]
    public void Everything_below_an_unconditional_final_rule_is_shadowed()
    {
        var result = Load(Calendars + """

            teams:
              ops: { calendar: biz }
            rules:
              - id: stop
                owner: ops
                final: true
              - id: later
                informed: [ops]
            """);

        Warnings(result, DiagnosticCodes.ShadowedRule).Should().ContainSingle().Which.Should().Contain("'later'").And.Contain("'stop'");
    }

    [Fact]
    public void A_team_and_a_calendar_nobody_uses_are_reported_where_declared()
    {
        var result = Load(Calendars + """

              spare:
                zone: Europe/London
                hours: { mon-fri: "09:00-17:00" }
                holidays: [{ yearly: "12-25" }]
            teams:
              ops: { calendar: biz }
              ghosts: { name: Nobody }
            rules:
              - id: all
                owner: ops
            """);

        Warnings(result, DiagnosticCodes.UnusedTeam).Should().ContainSingle().Which.Should().StartWith("lint.yaml:14:3: warning SLA3002: team 'ghosts'");
        Warnings(result, DiagnosticCodes.UnusedCalendar).Should().ContainSingle().Which.Should().StartWith("lint.yaml:8:3: warning SLA3003: calendar 'spare'");
    }

    [Fact]
    public void A_calendar_used_only_by_open_in_a_condition_counts_as_used()
    {
        var result = Load(Calendars + """

              nights:
                zone: Europe/London
                hours: { mon-sun: "20:00-06:00" }
                holidays: [{ yearly: "12-25" }]
            teams:
              ops: { calendar: biz }
            rules:
              - id: all
                when: open("nights")
                owner: ops
            """);

        Warnings(result, DiagnosticCodes.UnusedCalendar).Should().BeEmpty();
    }

    [Fact]
    public void An_enum_value_that_no_rule_gives_an_owner_is_reported_at_the_value()
    {
        var result = Load(Calendars + """

            teams:
              ops: { calendar: biz }
            fields:
              category: { type: enum, values: [routing, queue, backbone] }
            rules:
              - id: cc
                when: category in ["routing", "queue"]
                owner: ops
            """);

        Warnings(result, DiagnosticCodes.UnownedEnumValue).Should().ContainSingle()
            .Which.Should().StartWith("lint.yaml:11:52: warning SLA3004: no rule gives an owner to category 'backbone'");
    }

    [Fact]
    public void A_catch_all_owner_leaves_no_enum_value_unowned()
    {
        Warnings(PolicyLoader.LoadFile(TestFiles.ReferencePolicyPath, At2026), DiagnosticCodes.UnownedEnumValue).Should().BeEmpty();
    }

    [Fact]
    public void A_calendar_with_no_holiday_in_the_next_twelve_months_is_reported()
    {
        var result = Load("""
            format: slaengine/v1
            policy: lint
            calendars:
              past:
                zone: Europe/London
                hours: { mon-fri: "09:00-17:00" }
                holidays: [2025-12-25]
              yearly:
                zone: Europe/London
                hours: { mon-fri: "09:00-17:00" }
                holidays: [{ yearly: "12-25" }]
            teams:
              a: { calendar: past }
              b: { calendar: yearly }
            rules:
              - id: r
                owner: a
                informed: [b]
            """);

        Warnings(result, DiagnosticCodes.NoUpcomingHolidays).Should().ContainSingle().Which.Should().StartWith("lint.yaml:4:3: warning SLA3005: calendar 'past'");
    }

    [Fact]
    public void Rule_based_holidays_count_as_upcoming_holidays_and_a_set_ended_by_until_does_not()
    {
        // Now is 2026-11-24: the next twelve months run to 2027-11-23.
        var result = Load("""
            format: slaengine/v1
            policy: lint
            holidaySets:
              easter: [{ easter: -2, name: Good Friday }]
            calendars:
              by-set:
                zone: Europe/London
                hours: { mon-fri: "09:00-17:00" }
                holidays: [{ set: easter }]
              ended:
                zone: Europe/London
                hours: { mon-fri: "09:00-17:00" }
                holidays: [{ yearly: "12-31", until: 2025 }, { easter: 1, until: 2026 }]
              started:
                zone: Europe/London
                hours: { mon-fri: "09:00-17:00" }
                holidays: [{ yearly: "05/mon>=18", from: 2027 }]
            teams:
              a: { calendar: by-set }
              b: { calendar: ended }
              c: { calendar: started }
            rules:
              - id: r
                owner: a
                informed: [b, c]
            """);

        Warnings(result, DiagnosticCodes.NoUpcomingHolidays).Should().ContainSingle().Which.Should().Contain("calendar 'ended'");
    }

    [Fact]
    public void Lint_can_be_turned_off_and_warnings_never_stop_a_load()
    {
        var yaml = Calendars + "\nteams:\n  ghosts: {}\n";

        Load(yaml).Success.Should().BeTrue();
        Load(yaml).Diagnostics.Should().Contain(d => d.Severity == DiagnosticSeverity.Warning);
        PolicyLoader.Load(yaml, "lint.yaml", At2026 with { Lint = false }).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void The_reference_policy_lints_with_only_the_night_calendar_lacking_holidays()
    {
        var result = PolicyLoader.LoadFile(TestFiles.ReferencePolicyPath, At2026);

        result.Diagnostics.Select(d => d.Code).Should().Equal(DiagnosticCodes.NoUpcomingHolidays);
        result.Diagnostics[0].Message.Should().Contain("oncall-nights");
    }
}
