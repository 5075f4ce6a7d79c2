using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using FluentAssertions;
using SlaEngine.Diagnostics;
using Xunit;
using static SlaEngine.Tests.Loading.LoadResultAssertions;

namespace SlaEngine.Tests.Yaml;

public sealed class YamlTreeReaderTests
{
    [Fact]
    public void An_unclosed_flow_mapping_is_a_syntax_error()
    {
        var result = Load("""
            format: slaengine/v1
            policy: p
            teams:
              ops: { name: Ops
            """);

        result.ShouldHaveOneError(DiagnosticCodes.YamlSyntax, 5, 1);
    }

    [Fact]
    public void A_tab_used_for_indentation_is_a_syntax_error()
    {
        var result = Load("format: slaengine/v1\npolicy: p\nteams:\n\tops: { name: Ops }\n");

        result.ShouldHaveOneError(DiagnosticCodes.YamlSyntax, 4, 1);
    }

    [Fact]
    public void A_syntax_error_message_does_not_repeat_the_position()
    {
        var result = Load("format: slaengine/v1\npolicy: [p\n");

        result.Errors.Should().ContainSingle().Which.Message.Should().StartWith("YAML syntax error: ").And.NotContain("Line:");
    }

    [Fact]
    public void An_anchor_and_its_alias_are_each_reported()
    {
        var result = Load("""
            format: slaengine/v1
            policy: p
            teams:
              a: &t { name: A }
              b: *t
            """);

        result.Errors.Select(d => (d.Code, d.Location.Line, d.Location.Column)).Should().Equal(
            (DiagnosticCodes.AliasNotAllowed, 4, 6),
            (DiagnosticCodes.AliasNotAllowed, 5, 6));
        result.Errors[1].Message.Should().Contain("alias '*t'");
    }

    [Fact]
    public void An_anchor_on_a_scalar_is_reported_even_without_an_alias()
    {
        var result = Load("""
            format: slaengine/v1
            policy: &id p
            """);

        result.ShouldHaveOneError(DiagnosticCodes.AliasNotAllowed, 2, 9).Message.Should().Contain("anchor '&id'");
    }

    [Fact]
    public void An_alias_bomb_gives_diagnostics_quickly_without_expanding()
    {
        var yaml = new StringBuilder("format: slaengine/v1\npolicy: p\nteams:\n  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            var aliases = string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 9));
            yaml.Append(CultureInfo.InvariantCulture, $"  l{level}: &l{level} [{aliases}]\n");
        }

        var clock = Stopwatch.StartNew();
        var result = Load(yaml.ToString());
        clock.Stop();

        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        result.Errors.Where(d => d.Code == DiagnosticCodes.AliasNotAllowed).Should().HaveCount(10 + (9 * 9), "each anchor and each alias is reported once");
    }

    [Fact]
    public void A_duplicate_top_level_key_is_reported_at_the_second_key()
    {
        var result = Load("""
            format: slaengine/v1
            policy: p
            policy: q
            """);

        result.ShouldHaveOneError(DiagnosticCodes.DuplicateKey, 3, 1).Message.Should().Contain("'policy'");
    }

    [Fact]
    public void A_duplicate_team_id_is_reported_at_the_second_id()
    {
        var result = Load("""
            format: slaengine/v1
            policy: p
            teams:
              ops: { name: Ops }
              ops: { name: Ops again }
            """);

        result.ShouldHaveOneError(DiagnosticCodes.DuplicateKey, 5, 3);
    }

    [Fact]
    public void A_duplicate_key_inside_a_flow_mapping_is_reported_at_the_second_key()
    {
        var result = Load("""
            format: slaengine/v1
            policy: p
            teams:
              ops: { name: Ops, name: Ops again }
            """);

        result.ShouldHaveOneError(DiagnosticCodes.DuplicateKey, 4, 21);
    }

    [Fact]
    public void A_duplicate_day_key_in_hours_is_reported_at_the_second_key()
    {
        var result = Load("""
            format: slaengine/v1
            policy: p
            calendars:
              c:
                zone: UTC
                hours:
                  mon: "08:00-12:00"
                  mon: "13:00-17:00"
            """);

        result.ShouldHaveOneError(DiagnosticCodes.DuplicateKey, 8, 7);
    }

    [Fact]
    public void A_duplicate_key_in_a_rule_target_is_reported_at_the_second_key()
    {
        var result = Load("""
            format: slaengine/v1
            policy: p
            clocks:
              resolve: {}
            rules:
              - id: r
                targets:
                  resolve: { within: 4h, within: 8h }
            """);

        result.ShouldHaveOneError(DiagnosticCodes.DuplicateKey, 8, 30);
    }

    [Fact]
    public void Keys_that_differ_only_in_quoting_are_duplicates()
    {
        var result = Load("""
            format: slaengine/v1
            policy: p
            "policy": q
            """);

        result.ShouldHaveOneError(DiagnosticCodes.DuplicateKey, 3, 1);
    }

    [Fact]
    public void A_second_document_is_reported_where_it_starts()
    {
        var result = Load("""
            format: slaengine/v1
            policy: p
            ---
            format: slaengine/v1
            policy: q
            """);

        result.ShouldHaveOneError(DiagnosticCodes.YamlSyntax, 3, 1).Message.Should().Contain("one YAML document");
    }

    [Fact]
    public void An_explicit_document_start_alone_is_allowed()
    {
        Load("---\nformat: slaengine/v1\npolicy: p\n...\n").ShouldLoadCleanly();
    }

    [Fact]
    public void Ten_thousand_unclosed_brackets_give_a_diagnostic_not_a_stack_overflow()
    {
        var result = Load("format: slaengine/v1\npolicy: p\nteams: " + new string('[', 10_000) + "\n");

        result.Errors.Should().NotBeEmpty();
        result.Errors.Should().Contain(d => d.Code == DiagnosticCodes.WrongNodeType && d.Message.Contains("nesting", StringComparison.Ordinal));
        result.Policy.Should().BeNull();
    }

    [Fact]
    public void Ten_thousand_balanced_brackets_are_reported_once_as_too_deep()
    {
        var result = Load("format: slaengine/v1\npolicy: p\nteams: " + new string('[', 10_000) + new string(']', 10_000) + "\n");

        // The root mapping is level 1 and the first bracket (column 8) level 2, so level 65 is at column 8 + 63.
        result.Errors.Select(d => d.ToString()).Should().Equal(
            "p.yaml:3:8: error SLA1006: 'teams' must be a mapping of keys to values, not a list",
            "p.yaml:3:71: error SLA1006: YAML nesting deeper than 64 levels is not allowed");
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read_and_then_judged_by_shape()
    {
        var result = Load("format: slaengine/v1\npolicy: p\nversion: " + new string('[', 63) + new string(']', 63) + "\n");

        result.ShouldHaveOneError(DiagnosticCodes.WrongNodeType, 3, 10).Message.Should().Contain("single value");
    }

    [Fact]
    public void A_list_used_as_a_key_is_reported_at_the_key()
    {
        var result = Load("""
            format: slaengine/v1
            policy: p
            ? [a, b]
            : c
            """);

        result.ShouldHaveOneError(DiagnosticCodes.WrongNodeType, 3, 3).Message.Should().Contain("mapping key");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("~\n")]
    [InlineData("---\n...\n")]
    public void An_empty_document_is_reported_at_the_start(string yaml)
    {
        Load(yaml).ShouldHaveOneError(DiagnosticCodes.EmptyDocument, 1, 1);
    }

    [Theory]
    [InlineData("- format\n- policy\n", 1, 1)]
    [InlineData("# comment\njust text\n", 2, 1)]
    public void A_document_that_is_not_a_mapping_is_reported_at_its_root(string yaml, int line, int column)
    {
        Load(yaml).ShouldHaveOneError(DiagnosticCodes.EmptyDocument, line, column);
    }

    [Fact]
    public void A_fault_of_a_sequence_observer_leaves_the_reader_as_it_was_thrown_and_is_not_a_yaml_error()
    {
        // Were it caught with YamlDotNet's faults, a bug in the loader would be reported as a syntax error of the file.
        var observer = new SlaEngine.Yaml.SequenceObserver("rules", _ => throw new InvalidOperationException("a fault of the observer"));
        var diagnostics = new DiagnosticBag();

        var read = () => SlaEngine.Yaml.YamlTreeReader.Read("rules:\n  - { id: a }\n", "p.yaml", diagnostics, observer);

        read.Should().Throw<InvalidOperationException>().WithMessage("a fault of the observer");
        diagnostics.Count.Should().Be(0);
    }

    [Fact]
    public void An_observer_fault_of_a_type_the_reader_takes_from_YamlDotNet_is_not_taken_for_a_syntax_error()
    {
        // The reader turns YamlDotNet's FormatException into a syntax error; the observer's is the loader's fault, which
        // the loader's last guard reports as a fault in SlaEngine.
        var observer = new SlaEngine.Yaml.SequenceObserver("rules", _ => throw new FormatException("boom"));
        var diagnostics = new DiagnosticBag();

        var read = () => SlaEngine.Yaml.YamlTreeReader.Read("rules:\n  - { id: a }\n", "p.yaml", diagnostics, observer);

        read.Should().Throw<FormatException>();
        diagnostics.Count.Should().Be(0);
    }
}
