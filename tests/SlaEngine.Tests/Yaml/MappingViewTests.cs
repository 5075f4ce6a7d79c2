using FluentAssertions;
using SlaEngine.Diagnostics;
using Xunit;
using static SlaEngine.Tests.Loading.LoadResultAssertions;

namespace SlaEngine.Tests.Yaml;

public sealed class MappingViewTests
{
    [Fact]
    public void Unknown_top_level_key_is_reported_with_a_suggestion()
    {
        var result = Load("""
            format: slaengine/v1
            policy: p
            calendar: {}
            """);

        result.ShouldHaveOneError(DiagnosticCodes.UnknownKey, 3, 1).Message
            .Should().Contain("'calendar'").And.Contain("did you mean 'calendars'");
    }

    [Fact]
    public void Unknown_key_in_a_flow_mapping_is_reported_at_the_key()
    {
        var result = Load("""
            format: slaengine/v1
            policy: p
            teams:
              ops: { name: Ops, calender: c }
            """);

        result.ShouldHaveOneError(DiagnosticCodes.UnknownKey, 4, 21).Message.Should().Contain("did you mean 'calendar'");
    }

    [Fact]
    public void Unknown_key_with_nothing_close_lists_the_allowed_keys_without_a_suggestion()
    {
        var result = Load("""
            format: slaengine/v1
            policy: p
            zzzzzz: 1
            """);

        result.ShouldHaveOneError(DiagnosticCodes.UnknownKey, 3, 1).Message
            .Should().NotContain("did you mean").And.Contain("allowed keys: format, policy");
    }

    [Theory]
    [InlineData("calendars:\n  c: { zone: UTC, hours: { mon: \"08:00-12:00\" }, holiday: [] }\n", 4, 50, "holidays")]
    [InlineData("calendars:\n  c:\n    zone: UTC\n    hours: { mon: \"08:00-12:00\" }\n    holidays: [{ date: 2026-12-25, nam: X }]\n", 7, 36, "name")]
    [InlineData("calendars:\n  c:\n    zone: UTC\n    hours: { mon: \"08:00-12:00\" }\n    exceptions: [{ date: 2026-12-24, hour: closed }]\n", 7, 38, "hours")]
    [InlineData("fields:\n  f: { type: int, defualt: 1 }\n", 4, 19, "default")]
    [InlineData("clocks:\n  c: { stopwhen: x }\n", 4, 8, "stopWhen")]
    [InlineData("clocks:\n  c: {}\nrules:\n  - id: r\n    targets:\n      c: { within: 4h, calender: 24x7 }\n", 8, 24, "calendar")]
    [InlineData("teams:\n  t: {}\nclocks:\n  c: {}\nrules:\n  - id: r\n    escalations:\n      - { clock: c, at: breach, notfy: [t] }\n", 10, 33, "notify")]
    [InlineData("teams:\n  t: {}\nfields:\n  s: { type: instant }\nrules:\n  - id: r\n    notice: { to: [t], before: s, atleast: 3bd }\n", 9, 35, "atLeast")]
    [InlineData("freezes:\n  - { id: f, zone: UTC, from: 2026-01-01T00:00, to: 2026-01-02T00:00, unles: x }\n", 4, 71, "unless")]
    public void Unknown_key_at_any_level_is_reported_at_the_key_with_a_suggestion(string body, int line, int column, string suggestion)
    {
        var result = Load("format: slaengine/v1\npolicy: p\n" + body);

        result.ShouldHaveOneError(DiagnosticCodes.UnknownKey, line, column).Message.Should().Contain($"did you mean '{suggestion}'");
    }

    [Fact]
    public void Missing_format_is_reported_at_the_top_mapping()
    {
        var result = Load("""
            policy: p
            """);

        result.ShouldHaveOneError(DiagnosticCodes.MissingKey, 1, 1).Message.Should().Contain("'format'");
    }

    [Fact]
    public void Missing_policy_id_is_reported_at_the_top_mapping()
    {
        var result = Load("""
            # the reference format
            format: slaengine/v1
            """);

        result.ShouldHaveOneError(DiagnosticCodes.MissingKey, 2, 1).Message.Should().Contain("'policy'");
    }

    [Fact]
    public void A_rule_without_an_id_is_reported_at_the_rule()
    {
        var result = Load("""
            format: slaengine/v1
            policy: p
            rules:
              - description: no id
            """);

        result.ShouldHaveOneError(DiagnosticCodes.MissingKey, 4, 5).Message.Should().Contain("rule #1").And.Contain("'id'");
    }

    [Theory]
    [InlineData("teams: [ops]\n", 3, 8, "mapping")]
    [InlineData("rules: { id: r }\n", 3, 8, "list")]
    [InlineData("rules:\n  - just-text\n", 4, 5, "mapping")]
    [InlineData("format: [slaengine/v1]\n", 3, 9, "single value")]
    [InlineData("teams:\n  ops: [Ops]\n", 4, 8, "mapping")]
    [InlineData("teams:\n  t: {}\nrules:\n  - id: r\n    approvers: { t: yes }\n", 7, 16, "list of names")]
    [InlineData("teams:\n  t: {}\nrules:\n  - id: r\n    consulted: [[t]]\n", 7, 17, "single value")]
    [InlineData("rules:\n  - id: r\n    owner: [a, b]\n", 5, 12, "single value")]
    [InlineData("freezes: { id: f }\n", 3, 10, "list")]
    [InlineData("calendars:\n  c: { zone: UTC, hours: [\"08:00-12:00\"] }\n", 4, 26, "mapping")]
    public void A_node_of_the_wrong_shape_is_reported_where_it_starts(string body, int line, int column, string expected)
    {
        // The format key is given twice in one case; drop the default then.
        var head = body.StartsWith("format:", System.StringComparison.Ordinal) ? "policy: p\n\n" : "format: slaengine/v1\npolicy: p\n";
        var result = Load(head + body);

        result.ShouldHaveOneError(DiagnosticCodes.WrongNodeType, line, column).Message.Should().Contain(expected);
    }

    [Theory]
    [InlineData("teams:\n")]
    [InlineData("teams: ~\nrules: []\nfreezes:\n")]
    [InlineData("calendars: {}\nteams: {}\nfields: {}\nclocks: {}\nrules: []\nfreezes: []\n")]
    public void Empty_sections_are_allowed(string body)
    {
        Load("format: slaengine/v1\npolicy: p\n" + body).ShouldLoadCleanly();
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("\"true\"")]
    public void A_boolean_key_takes_only_plain_true_or_false(string value)
    {
        var result = Load("format: slaengine/v1\npolicy: p\nrules:\n  - id: r\n    final: " + value + "\n");

        result.ShouldHaveOneError(DiagnosticCodes.InvalidValue, 5, 12).Message.Should().Contain("true or false");
    }

    [Fact]
    public void A_single_name_counts_as_a_list_of_one()
    {
        var policy = Load("""
            format: slaengine/v1
            policy: p
            teams:
              ops: {}
            rules:
              - id: r
                consulted: ops
                informed: ops
                approvers: ops
            """).ShouldLoadCleanly();

        policy.Id.Should().Be("p");
    }
}
