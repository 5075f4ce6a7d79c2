using FluentAssertions;
using SlaEngine.Diagnostics;
using Xunit;
using static SlaEngine.Tests.Loading.LoadResultAssertions;

namespace SlaEngine.Tests.Loading;

public sealed class ReferenceCheckerTests
{
    // Lines 1-15; a rule's body starts on line 16.
    private const string Head = """
        format: slaengine/v1
        policy: p
        calendars:
          biz: { zone: UTC, hours: { mon-fri: "09:00-17:00" } }
        teams:
          ops: { calendar: biz }
          infra: {}
        fields:
          start: { type: instant }
          count: { type: int }
        clocks:
          resolve: {}
        rules:
          - id: r
            when: true

        """;

    [Fact]
    public void An_unknown_team_far_from_every_declared_one_lists_them()
    {
        Load(Head + "    owner: network-operations\n").ShouldHaveOneError(DiagnosticCodes.UnknownTeam, 16, 12)
            .Message.Should().EndWith("unknown team 'network-operations' as owner of rule 'r'; the declared teams are ops, infra");
    }

    [Fact]
    public void Unknown_calendars_and_clocks_far_from_every_declared_one_list_them()
    {
        Load(Head + "    owner: ops\n    targets:\n      resolve: { within: 4h, calendar: london-office }\n").ShouldHaveOneError(DiagnosticCodes.UnknownCalendar, 18, 40)
            .Message.Should().Contain("the declared calendars are biz, 24x7, owner");
        Load(Head + "    targets:\n      acknowledge: 4h\n").ShouldHaveOneError(DiagnosticCodes.UnknownClock, 17, 7)
            .Message.Should().Contain("the declared clocks are resolve");
    }

    [Fact]
    public void An_unquoted_team_id_in_a_condition_is_an_unknown_field_with_a_hint_to_quote_it()
    {
        var policy = "format: slaengine/v1\npolicy: p\nteams:\n  ops: {}\nfields:\n  by: { type: team }\nrules:\n  - id: r\n    when: by == ops\n    owner: ops\n";

        Load(policy).ShouldHaveOneError(DiagnosticCodes.UnknownIdentifier, 9, 17)
            .Message.Should().Be("unknown field 'ops' ('ops' is a team: quote it, \"ops\")");
    }

    [Theory]
    [InlineData("    owner: opps", 16, 12, "owner")]
    [InlineData("    approvers: [ops, infa]", 16, 22, "approver")]
    [InlineData("    consulted: [opx]", 16, 17, "consulted")]
    [InlineData("    informed: nobody", 16, 15, "informed")]
    [InlineData("    escalations:\n      - { clock: resolve, at: breach, notify: [ops, cio] }", 17, 53, "escalation")]
    [InlineData("    notice: { to: [opss], before: start, atLeast: 1bd }", 16, 20, "notice")]
    public void An_unknown_team_is_reported_where_it_is_named(string body, int line, int column, string role)
    {
        Load(Head + body + "\n").ShouldHaveOneError(DiagnosticCodes.UnknownTeam, line, column).Message.Should().Contain(role);
    }

    [Fact]
    public void An_unknown_team_gets_a_suggestion()
    {
        Load(Head + "    owner: opps\n").ShouldHaveOneError(DiagnosticCodes.UnknownTeam, 16, 12).Message.Should().Contain("did you mean 'ops'");
    }

    [Theory]
    [InlineData("    targets:\n      resolve: { within: 4h, calendar: bizz }", 17, 40)]
    [InlineData("    notice: { to: [ops], before: start, atLeast: 1bd, calendar: owner }", 16, 65)]
    [InlineData("    notice: { to: [ops], before: start, atLeast: 1bd, calendar: it }", 16, 65)]
    public void An_unknown_calendar_is_reported_where_it_is_named(string body, int line, int column)
    {
        Load(Head + body + "\n").ShouldHaveOneError(DiagnosticCodes.UnknownCalendar, line, column);
    }

    [Fact]
    public void A_team_calendar_must_be_declared()
    {
        Load("format: slaengine/v1\npolicy: p\nteams:\n  ops: { calendar: ops-hours }\n").ShouldHaveOneError(DiagnosticCodes.UnknownCalendar, 4, 20);
    }

    [Theory]
    [InlineData("24x7")]
    [InlineData("owner")]
    [InlineData("biz")]
    public void A_target_calendar_may_be_declared_built_in_or_the_owners(string calendar)
    {
        Load(Head + $"    owner: ops\n    targets:\n      resolve: {{ within: 4h, calendar: {calendar} }}\n").ShouldLoadCleanly();
    }

    [Fact]
    public void A_team_calendar_may_be_the_built_in_24x7()
    {
        Load("format: slaengine/v1\npolicy: p\nteams:\n  ops: { calendar: 24x7 }\n").ShouldLoadCleanly();
    }

    [Fact]
    public void An_unknown_clock_in_targets_is_reported_at_the_clock_with_a_suggestion()
    {
        Load(Head + "    targets:\n      reslove: 4h\n").ShouldHaveOneError(DiagnosticCodes.UnknownClock, 17, 7)
            .Message.Should().Contain("did you mean 'resolve'");
    }

    [Fact]
    public void An_unknown_clock_in_an_escalation_is_reported_at_the_clock()
    {
        Load(Head + "    escalations:\n      - { clock: respond, at: breach, notify: ops }\n").ShouldHaveOneError(DiagnosticCodes.UnknownClock, 17, 18);
    }

    [Fact]
    public void A_notice_before_an_undeclared_field_is_reported_at_the_field()
    {
        Load(Head + "    notice: { to: [ops], before: strat, atLeast: 1bd }\n").ShouldHaveOneError(DiagnosticCodes.UnknownField, 16, 34)
            .Message.Should().Contain("did you mean 'start'");
    }

    [Fact]
    public void A_notice_before_a_field_that_is_not_an_instant_is_reported_at_the_field()
    {
        Load(Head + "    notice: { to: [ops], before: count, atLeast: 1bd }\n").ShouldHaveOneError(DiagnosticCodes.UnknownField, 16, 34)
            .Message.Should().Contain("type int");
    }

    [Fact]
    public void A_team_field_default_must_name_a_declared_team()
    {
        Load("format: slaengine/v1\npolicy: p\nteams:\n  ops: {}\nfields:\n  by: { type: team, default: infra }\n")
            .ShouldHaveOneError(DiagnosticCodes.InvalidField, 6, 30);
    }

    [Fact]
    public void References_are_checked_after_every_section_is_read_so_order_does_not_matter()
    {
        Load("""
            format: slaengine/v1
            policy: p
            rules:
              - { id: r, owner: ops, targets: { resolve: { within: 1h, calendar: biz } } }
            clocks:
              resolve: {}
            teams:
              ops: { calendar: biz }
            calendars:
              biz: { zone: UTC, hours: { mon-fri: "09:00-17:00" } }
            """).ShouldLoadCleanly();
    }
}
