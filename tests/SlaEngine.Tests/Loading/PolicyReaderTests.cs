using System.Linq;
using FluentAssertions;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using Xunit;
using static SlaEngine.Tests.Loading.LoadResultAssertions;

namespace SlaEngine.Tests.Loading;

public sealed class PolicyReaderTests
{
    private const string Head = "format: slaengine/v1\npolicy: p\n";

    [Fact]
    public void The_smallest_policy_is_a_format_and_an_id()
    {
        var policy = Load(Head).ShouldLoadCleanly();

        policy.Id.Should().Be("p");
        policy.Version.Should().BeNull();
        policy.SourceFile.Should().Be(File);
    }

    [Fact]
    public void Version_and_description_are_kept_as_text()
    {
        var policy = Load(Head + "version: \"2026.11\"\ndescription: Agreed.\n").ShouldLoadCleanly();

        policy.Version.Should().Be("2026.11");
        policy.Description.Should().Be("Agreed.");
    }

    [Theory]
    [InlineData("slaengine/v2")]
    [InlineData("\"slaengine/v1 \"")]
    [InlineData("SLAENGINE/V1")]
    public void Any_other_format_is_an_error_at_its_value(string format)
    {
        var result = Load($"format: {format}\npolicy: p\n");

        result.ShouldHaveOneError(DiagnosticCodes.UnsupportedFormat, 1, 9).Message.Should().Contain("slaengine/v1");
    }

    [Theory]
    [InlineData("Contact-Center")]
    [InlineData("cc_roe")]
    [InlineData("-cc")]
    [InlineData("\"\"")]
    public void A_policy_id_outside_the_id_pattern_is_reported_at_the_value(string id)
    {
        Load($"format: slaengine/v1\npolicy: {id}\n").ShouldHaveOneError(DiagnosticCodes.InvalidId, 2, 9);
    }

    [Theory]
    [InlineData("teams:\n  Ops: {}\n", 4, 3)]
    [InlineData("clocks:\n  Resolve: {}\n", 4, 3)]
    [InlineData("calendars:\n  it_hours: { zone: UTC, hours: { mon: \"08:00-12:00\" } }\n", 4, 3)]
    [InlineData("rules:\n  - id: Rule1\n", 4, 9)]
    [InlineData("freezes:\n  - { id: Peak, zone: UTC, from: 2026-01-01T00:00, to: 2026-01-02T00:00 }\n", 4, 11)]
    public void Every_kind_of_id_must_match_the_id_pattern(string body, int line, int column)
    {
        Load(Head + body).ShouldHaveOneError(DiagnosticCodes.InvalidId, line, column);
    }

    [Fact]
    public void A_team_without_a_name_is_named_by_its_id_and_needs_no_calendar()
    {
        Load(Head + "teams:\n  ops: {}\n  infra: ~\n").ShouldLoadCleanly();
    }

    [Theory]
    [InlineData("string", "\"\"", FieldType.String)]
    [InlineData("string", "hello", FieldType.String)]
    [InlineData("int", "0", FieldType.Int)]
    [InlineData("int", "-12", FieldType.Int)]
    [InlineData("bool", "false", FieldType.Bool)]
    [InlineData("bool", "true", FieldType.Bool)]
    [InlineData("enum", "P3", FieldType.Enum)]
    [InlineData("team", "ops", FieldType.Team)]
    [InlineData("instant", "2026-11-24T10:00:00-05:00", FieldType.Instant)]
    [InlineData("instant", "2026-11-24T15:00:00Z", FieldType.Instant)]
    [InlineData("\"list<string>\"", "[]", FieldType.StringList)]
    [InlineData("\"list<string>\"", "[a, \"b c\"]", FieldType.StringList)]
    public void Every_field_type_takes_a_default_of_its_type(string type, string defaultValue, FieldType expected)
    {
        var values = type == "enum" ? ", values: [P1, P2, P3]" : string.Empty;
        var policy = Load(Head + $"teams:\n  ops: {{}}\nfields:\n  f: {{ type: {type}{values}, default: {defaultValue} }}\n").ShouldLoadCleanly();

        var field = policy.Schema.Find("f")!;
        field.Type.Should().Be(expected);
        field.HasDefault.Should().BeTrue();
        field.IsRequired.Should().BeFalse();
    }

    [Theory]
    [InlineData("string")]
    [InlineData("int")]
    [InlineData("bool")]
    [InlineData("team")]
    [InlineData("instant")]
    [InlineData("\"list<string>\"")]
    public void A_field_without_a_default_is_required_unless_it_says_otherwise(string type)
    {
        var policy = Load(Head + $"fields:\n  a: {{ type: {type} }}\n  b: {{ type: {type}, required: false }}\n  c: {{ type: {type}, required: true }}\n").ShouldLoadCleanly();

        policy.Schema.Find("a")!.IsRequired.Should().BeTrue();
        policy.Schema.Find("b")!.IsRequired.Should().BeFalse();
        policy.Schema.Find("c")!.IsRequired.Should().BeTrue();
    }

    [Theory]
    [InlineData("int", "abc", "whole number")]
    [InlineData("int", "1.5", "whole number")]
    [InlineData("bool", "yes", "true or false")]
    [InlineData("enum", "P9", "not one of")]
    [InlineData("team", "opz", "did you mean 'ops'")]
    [InlineData("instant", "2026-11-24T10:00:00", "no offset")]
    [InlineData("instant", "tomorrow", "ISO-8601")]
    [InlineData("\"list<string>\"", "a", "must be a list")]
    [InlineData("\"list<string>\"", "[[a]]", "only strings")]
    [InlineData("string", "{ a: b }", "single string value")]
    [InlineData("int", "[1]", "single int value")]
    public void A_default_of_the_wrong_type_is_reported_at_the_default(string type, string defaultValue, string expected)
    {
        var values = type == "enum" ? ", values: [P1, P2, P3]" : string.Empty;
        var line = $"  f: {{ type: {type}{values}, default: {defaultValue} }}";
        var result = Load(Head + "teams:\n  ops: {}\nfields:\n" + line + "\n");

        result.ShouldHaveOneError(DiagnosticCodes.InvalidField, 6, line.IndexOf("default: ", System.StringComparison.Ordinal) + 10)
            .Message.Should().Contain("default of field 'f'").And.Contain(expected);
    }

    [Fact]
    public void An_enum_default_suggests_the_closest_value()
    {
        var result = Load(Head + "fields:\n  priority: { type: enum, values: [P1, P2], default: p2 }\n");

        result.ShouldHaveOneError(DiagnosticCodes.InvalidField, 4, 54).Message.Should().Contain("did you mean 'P2'");
    }

    [Fact]
    public void An_unknown_field_type_is_reported_at_the_type_with_a_suggestion()
    {
        var result = Load(Head + "fields:\n  f: { type: strng }\n");

        result.ShouldHaveOneError(DiagnosticCodes.InvalidField, 4, 14).Message.Should().Contain("did you mean 'string'");
    }

    [Theory]
    [InlineData("integer", "int")]
    [InlineData("boolean", "bool")]
    [InlineData("datetime", "instant")]
    [InlineData("array", "list<string>")]
    public void A_type_name_from_another_schema_language_suggests_the_policy_type(string written, string meant)
    {
        var result = Load(Head + $"fields:\n  f: {{ type: {written} }}\n");

        result.ShouldHaveOneError(DiagnosticCodes.InvalidField, 4, 14).Message.Should().Contain($"did you mean '{meant}'");
    }

    [Fact]
    public void A_field_without_a_type_is_reported_at_the_field()
    {
        Load(Head + "fields:\n  f: { default: 1 }\n").ShouldHaveOneError(DiagnosticCodes.MissingKey, 4, 6);
    }

    [Fact]
    public void An_enum_without_values_is_reported_at_the_field()
    {
        Load(Head + "fields:\n  f: { type: enum }\n").ShouldHaveOneError(DiagnosticCodes.MissingKey, 4, 6);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("~")]
    [InlineData("")]
    public void An_enum_with_an_empty_list_of_values_is_reported_at_the_values_key(string values)
    {
        Load(Head + $"fields:\n  f:\n    type: enum\n    values: {values}\n").ShouldHaveOneError(DiagnosticCodes.InvalidField, 6, 5)
            .Message.Should().Contain("at least one value");
    }

    [Fact]
    public void An_enum_value_listed_twice_is_reported_at_the_second()
    {
        Load(Head + "fields:\n  f: { type: enum, values: [a, b, a] }\n").ShouldHaveOneError(DiagnosticCodes.InvalidField, 4, 35);
    }

    [Fact]
    public void Enum_values_in_a_mapping_are_one_shape_error()
    {
        Load(Head + "fields:\n  f: { type: enum, values: { a: 1 } }\n").ShouldHaveOneError(DiagnosticCodes.WrongNodeType, 4, 28);
    }

    [Fact]
    public void Values_on_a_field_that_is_not_an_enum_are_reported_at_the_key()
    {
        Load(Head + "fields:\n  f: { type: string, values: [a] }\n").ShouldHaveOneError(DiagnosticCodes.InvalidField, 4, 22);
    }

    [Fact]
    public void A_field_with_a_default_cannot_also_be_required()
    {
        Load(Head + "fields:\n  f: { type: int, default: 1, required: true }\n").ShouldHaveOneError(DiagnosticCodes.InvalidField, 4, 31);
    }

    [Fact]
    public void A_default_with_required_false_is_allowed()
    {
        Load(Head + "fields:\n  f: { type: int, default: 1, required: false }\n").ShouldLoadCleanly();
    }

    [Theory]
    [InlineData("submittedAt")]
    [InlineData("id")]
    [InlineData("and")]
    [InlineData("or")]
    [InlineData("not")]
    [InlineData("in")]
    [InlineData("true")]
    [InlineData("false")]
    [InlineData("null")]
    [InlineData("has")]
    [InlineData("size")]
    [InlineData("open")]
    public void A_reserved_name_cannot_be_a_field(string name)
    {
        Load(Head + $"fields:\n  {name}: {{ type: string }}\n").ShouldHaveOneError(DiagnosticCodes.InvalidField, 4, 3)
            .Message.Should().Contain("reserved");
    }

    [Theory]
    [InlineData("my-field")]
    [InlineData("1st")]
    [InlineData("\"with space\"")]
    public void A_field_name_must_be_an_identifier(string name)
    {
        Load(Head + $"fields:\n  {name}: {{ type: string }}\n").ShouldHaveOneError(DiagnosticCodes.InvalidField, 4, 3);
    }

    [Fact]
    public void A_clock_may_declare_pause_and_stop_conditions_on_declared_fields()
    {
        var fields = "fields:\n  status: { type: enum, values: [new, waiting, done], default: new }\n";
        var policy = Load(Head + fields + "clocks:\n  resolve:\n    pauseWhen: status == \"waiting\"\n    stopWhen: status == \"done\"\n    description: Time to fix.\n  acknowledge: ~\n").ShouldLoadCleanly();

        policy.FindClock("resolve")!.PauseWhen!.Text.Should().Be("status == \"waiting\"");
        policy.FindClock("acknowledge")!.StopWhen.Should().BeNull();
    }

    [Fact]
    public void A_clock_condition_on_an_undeclared_field_is_an_error_at_the_field()
    {
        Load(Head + "clocks:\n  resolve:\n    stopWhen: status == \"done\"\n").ShouldHaveError("SLA2011", 5, 15);
    }

    [Fact]
    public void A_rule_may_set_every_key()
    {
        Load("""
            format: slaengine/v1
            policy: p
            calendars:
              biz: { zone: Europe/Paris, hours: { mon-fri: "09:00-17:00" } }
            teams:
              ops: { name: Ops, calendar: biz }
              infra: { name: Infra }
              boss: {}
            fields:
              scheduledStart: { type: instant, required: false }
            clocks:
              acknowledge: {}
              resolve: {}
              respond: {}
            rules:
              - id: everything
                description: Sets every facet.
                when: true
                owner: ops
                approvers: [boss, infra]
                approval: any
                consulted: [infra]
                informed: [boss]
                targets:
                  acknowledge: { within: 15m, calendar: 24x7 }
                  resolve: { within: 1h30m, calendar: biz }
                  respond: { within: 2bd, calendar: owner }
                escalations:
                  - { clock: resolve, at: "50%", notify: [boss] }
                  - { clock: resolve, at: 87.5%, notify: boss }
                  - { clock: resolve, at: breach, notify: [boss, infra] }
                  - { clock: resolve, at: "breach+4h", notify: [boss] }
                notice: { to: [ops], before: scheduledStart, atLeast: 3bd, calendar: biz }
                final: true
              - id: shorthand
                approvers: [boss]
                approval: all
                targets:
                  acknowledge: 4h
                  resolve: { within: 2d }
                  respond: 1w
                notice: { to: ops, before: scheduledStart, atLeast: 4h }
                final: false
            """).ShouldLoadCleanly();
    }

    [Fact]
    public void A_duplicate_rule_id_is_reported_at_the_second_id()
    {
        Load(Head + "rules:\n  - id: r\n  - id: s\n  - id: r\n").ShouldHaveOneError(DiagnosticCodes.DuplicateId, 6, 9)
            .Message.Should().Contain("'r'");
    }

    [Fact]
    public void Approval_other_than_all_or_any_is_reported_at_the_value()
    {
        Load(Head + "teams:\n  t: {}\nrules:\n  - { id: r, approvers: [t], approval: most }\n").ShouldHaveOneError(DiagnosticCodes.InvalidValue, 6, 40);
    }

    [Fact]
    public void Approval_without_approvers_is_reported_at_the_approval()
    {
        Load(Head + "rules:\n  - { id: r, approval: any }\n").ShouldHaveOneError(DiagnosticCodes.MissingKey, 4, 24);
    }

    [Theory]
    [InlineData("\"0m\"", "zero")]
    [InlineData("0bd", "zero")]
    [InlineData("-4h", "not a duration")]
    [InlineData("\"8 hours\"", "8 hours")]
    [InlineData("30", "not a duration")]
    [InlineData("4H", "not a duration")]
    [InlineData("30m4h", "not a duration")]
    [InlineData("1.5h", "not a duration")]
    [InlineData("99999999w", "100 years")]
    [InlineData("100001bd", "out of range")]
    [InlineData("~", "not a duration")]
    public void A_malformed_zero_or_negative_target_is_reported_at_the_duration(string within, string expected)
    {
        var result = Load(Head + "clocks:\n  c: {}\nrules:\n  - id: r\n    targets:\n      c: { within: " + within + " }\n");

        result.ShouldHaveOneError(DiagnosticCodes.InvalidDuration, 8, 20).Message.Should().Contain(expected);
    }

    [Fact]
    public void A_malformed_scalar_shorthand_target_is_reported_at_the_scalar()
    {
        Load(Head + "clocks:\n  c: {}\nrules:\n  - id: r\n    targets:\n      c: soon\n").ShouldHaveOneError(DiagnosticCodes.InvalidDuration, 8, 10);
    }

    [Fact]
    public void A_target_without_within_is_reported_at_the_target()
    {
        Load(Head + "clocks:\n  c: {}\nrules:\n  - id: r\n    targets:\n      c: { calendar: 24x7 }\n").ShouldHaveOneError(DiagnosticCodes.MissingKey, 8, 10);
    }

    [Theory]
    [InlineData("\"0%\"")]
    [InlineData("\"1001%\"")]
    [InlineData("soon")]
    [InlineData("\"breach+3bd\"")]
    [InlineData("\"breach-4h\"")]
    [InlineData("\"breach+0m\"")]
    [InlineData("\"75 %\"")]
    [InlineData("75")]
    public void A_malformed_escalation_point_is_reported_at_the_value(string at)
    {
        var result = Load(Head + "teams:\n  t: {}\nclocks:\n  c: {}\nrules:\n  - id: r\n    escalations:\n      - { clock: c, at: " + at + ", notify: [t] }\n");

        result.ShouldHaveOneError(DiagnosticCodes.InvalidEscalation, 10, 25);
    }

    [Fact]
    public void An_escalation_that_notifies_nobody_is_reported_at_notify()
    {
        Load(Head + "clocks:\n  c: {}\nrules:\n  - id: r\n    escalations:\n      - { clock: c, at: breach, notify: [] }\n")
            .ShouldHaveOneError(DiagnosticCodes.MissingKey, 8, 33).Message.Should().Contain("nobody");
    }

    [Fact]
    public void An_escalation_missing_its_keys_is_reported_once_per_key_at_the_escalation()
    {
        var result = Load(Head + "rules:\n  - id: r\n    escalations:\n      - {}\n");

        result.Errors.Should().HaveCount(3).And.OnlyContain(d => d.Code == DiagnosticCodes.MissingKey && d.Location.Line == 6 && d.Location.Column == 9);
    }

    [Fact]
    public void A_notice_to_nobody_is_reported_at_to()
    {
        Load(Head + "fields:\n  s: { type: instant }\nrules:\n  - id: r\n    notice: { to: [], before: s, atLeast: 3bd }\n")
            .ShouldHaveOneError(DiagnosticCodes.MissingKey, 7, 15);
    }

    [Fact]
    public void A_notice_with_a_malformed_period_is_reported_at_atLeast()
    {
        Load(Head + "teams:\n  t: {}\nfields:\n  s: { type: instant }\nrules:\n  - id: r\n    notice: { to: [t], before: s, atLeast: three days }\n")
            .ShouldHaveOneError(DiagnosticCodes.InvalidDuration, 9, 44);
    }

    [Fact]
    public void A_notice_missing_before_is_reported_at_the_notice()
    {
        Load(Head + "teams:\n  t: {}\nrules:\n  - id: r\n    notice: { to: [t], atLeast: 3bd }\n")
            .ShouldHaveOneError(DiagnosticCodes.MissingKey, 7, 13);
    }

    [Fact]
    public void A_freeze_with_every_key_loads()
    {
        Load(Head + "fields:\n  emergency: { type: bool, default: false }\nfreezes:\n  - id: peak\n    description: Peak season.\n    zone: America/New_York\n    from: 2026-11-23T00:00\n    to: 2027-01-04T00:00\n    unless: emergency\n  - { id: audit, zone: UTC, from: \"2026-03-01 08:00\", to: 2026-03-01T17:30:00 }\n")
            .ShouldLoadCleanly();
    }

    [Fact]
    public void A_freeze_that_ends_before_it_starts_is_reported_at_to()
    {
        Load(Head + "freezes:\n  - { id: f, zone: UTC, from: 2026-02-01T00:00, to: 2026-01-31T23:59 }\n").ShouldHaveOneError(DiagnosticCodes.InvalidFreeze, 4, 53);
    }

    [Fact]
    public void A_freeze_that_ends_when_it_starts_is_reported_at_to()
    {
        Load(Head + "freezes:\n  - { id: f, zone: UTC, from: 2026-02-01T00:00, to: 2026-02-01T00:00 }\n").ShouldHaveOneError(DiagnosticCodes.InvalidFreeze, 4, 53);
    }

    [Theory]
    [InlineData("2026-02-30", 31)]
    [InlineData("2026-11-23T25:00", 31)]
    [InlineData("\"2026-11-23T10:00-05:00\"", 31)]
    [InlineData("tomorrow", 31)]
    [InlineData("2026-12-14", 31)]
    public void A_freeze_with_a_malformed_date_time_is_reported_at_it(string from, int column)
    {
        Load(Head + $"freezes:\n  - {{ id: f, zone: UTC, from: {from}, to: 2027-01-01T00:00 }}\n").ShouldHaveOneError(DiagnosticCodes.InvalidDate, 4, column);
    }

    [Fact]
    public void A_freeze_bound_without_a_time_of_day_is_an_error_that_shows_the_time_to_write()
    {
        Load(Head + "freezes:\n  - { id: f, zone: UTC, from: 2026-12-14T00:00, to: 2026-12-24 }\n")
            .ShouldHaveOneError(DiagnosticCodes.InvalidDate, 4, 53).Message.Should().Contain("without a time of day").And.Contain("2026-12-24T00:00");
    }

    [Fact]
    public void A_freeze_with_an_unknown_zone_is_reported_at_the_zone_with_a_suggestion()
    {
        Load(Head + "freezes:\n  - { id: f, zone: Europe/Pariss, from: 2026-01-01T00:00, to: 2026-01-02T00:00 }\n")
            .ShouldHaveOneError(DiagnosticCodes.UnknownZone, 4, 20).Message.Should().Contain("did you mean 'Europe/Paris'");
    }

    [Fact]
    public void A_freeze_missing_its_window_is_reported_at_the_freeze()
    {
        var result = Load(Head + "freezes:\n  - { id: f, zone: UTC }\n");

        result.Errors.Select(d => (d.Code, d.Location.Line, d.Location.Column)).Should().Equal(
            (DiagnosticCodes.MissingKey, 4, 5),
            (DiagnosticCodes.MissingKey, 4, 5));
    }

    [Fact]
    public void A_duplicate_freeze_id_is_reported_at_the_second_id()
    {
        Load(Head + "freezes:\n  - { id: f, zone: UTC, from: 2026-01-01T00:00, to: 2026-01-02T00:00 }\n  - { id: f, zone: UTC, from: 2026-02-01T00:00, to: 2026-02-02T00:00 }\n")
            .ShouldHaveOneError(DiagnosticCodes.DuplicateId, 5, 11);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var result = Load("""
            format: slaengine/v2
            policy: P
            teams:
              ops: { nam: Ops }
            rules:
              - id: r
                owner: opz
            """);

        result.Errors.Select(d => d.Code).Should().Equal(
            DiagnosticCodes.UnsupportedFormat, DiagnosticCodes.InvalidId, DiagnosticCodes.UnknownKey, DiagnosticCodes.UnknownTeam);
    }
}
