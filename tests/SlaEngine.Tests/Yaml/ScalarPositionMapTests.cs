using FluentAssertions;
using SlaEngine.Expressions;
using SlaEngine.Tests.Expressions;
using SlaEngine.Yaml;
using Xunit;
using YamlDotNet.Core;

namespace SlaEngine.Tests.Yaml;

public sealed class ScalarPositionMapTests
{
    /// <summary>Checks that the map rebuilds YamlDotNet's value and that <paramref name="token"/> maps to (line, column).</summary>
    private static void AssertToken(string yaml, string token, int line, int column, ScalarStyle style)
    {
        var scalar = YamlScalars.ValueOf(yaml, "when");
        scalar.Style.Should().Be(style);
        var map = YamlScalars.MapOf(yaml, scalar);
        map.Value.Should().Be(scalar.Value, "the map must fold the scalar exactly as YamlDotNet does");
        var offset = scalar.Value.IndexOf(token, System.StringComparison.Ordinal);
        offset.Should().BeGreaterThanOrEqualTo(0);
        var location = map.Map(offset);
        (location.Line, location.Column).Should().Be((line, column));
        location.File.Should().Be("test.yaml");
    }

    [Fact]
    public void Plain_scalar_maps_columns_on_its_line() =>
        AssertToken("rules:\n  - id: a\n    when: category == \"routng\"\n", "\"routng\"", 3, 23, ScalarStyle.Plain);

    [Fact]
    public void Plain_scalar_with_crlf_line_breaks() =>
        AssertToken("rules:\r\n  - id: a\r\n    when: category == \"routng\"\r\n", "\"routng\"", 3, 23, ScalarStyle.Plain);

    [Fact]
    public void Plain_scalar_after_a_byte_order_mark() =>
        AssertToken("\uFEFFrules:\n  - id: a\n    when: category == \"routng\"\n", "\"routng\"", 3, 23, ScalarStyle.Plain);

    [Fact]
    public void Multi_line_plain_scalar_folds_into_spaces() =>
        AssertToken("when: category == \"routing\"\n  && emergency\n  && priority <= \"P2\"\nowner: x\n", "priority", 3, 6, ScalarStyle.Plain);

    [Fact]
    public void Multi_line_plain_scalar_with_an_empty_line_and_crlf() =>
        AssertToken("when: a ==\r\n   b\r\n\r\n   && cc\r\nowner: x\r\n", "cc", 4, 7, ScalarStyle.Plain);

    [Fact]
    public void Plain_scalar_in_a_flow_mapping() =>
        AssertToken("rule: { when: emergency > 1 }\n", "emergency", 1, 15, ScalarStyle.Plain);

    [Fact]
    public void Single_quoted_scalar_skips_the_quote() =>
        AssertToken("when: 'status != \"new\"'\n", "\"new\"", 1, 18, ScalarStyle.SingleQuoted);

    [Fact]
    public void Single_quoted_scalar_with_doubled_quotes() =>
        AssertToken("when: 'summary == ''it''''s'' && emergency'\n", "emergency", 1, 34, ScalarStyle.SingleQuoted);

    [Fact]
    public void Multi_line_single_quoted_scalar() =>
        AssertToken("when: 'category == \"routing\"\n    && emergency'\n", "emergency", 2, 8, ScalarStyle.SingleQuoted);

    [Fact]
    public void Double_quoted_scalar_with_escapes() =>
        AssertToken("when: \"summary == \\\"a\\x41\\u00e9\\\\\\\" && emergency > 1\"\n", "emergency", 1, 40, ScalarStyle.DoubleQuoted);

    [Fact]
    public void Double_quoted_scalar_with_a_32_bit_escape() =>
        AssertToken("when: \"summary == '\\U0001F600' && emergency\"\n", "emergency", 1, 35, ScalarStyle.DoubleQuoted);

    [Fact]
    public void Multi_line_double_quoted_scalar_with_an_escaped_line_break() =>
        AssertToken("when: \"category == \\\n  \\\"routing\\\" && emergency\"\n", "emergency", 2, 18, ScalarStyle.DoubleQuoted);

    [Fact]
    public void Multi_line_double_quoted_scalar_folds() =>
        AssertToken("when: \"category == 'routing'\n\n   && emergency\"\n", "emergency", 3, 7, ScalarStyle.DoubleQuoted);

    [Fact]
    public void Literal_block_scalar() =>
        AssertToken("rule:\n  when: |\n    category == \"routing\"\n    && emergency > 1\n  owner: x\n", "emergency", 4, 8, ScalarStyle.Literal);

    [Fact]
    public void Literal_block_scalar_with_crlf_and_strip_chomping() =>
        AssertToken("rule:\r\n  when: |-\r\n    category == \"routing\"\r\n\r\n    && emergency > 1\r\n  owner: x\r\n", "emergency", 5, 8, ScalarStyle.Literal);

    [Fact]
    public void Literal_block_scalar_with_keep_chomping_and_an_indentation_indicator() =>
        AssertToken("rule:\n  when: |2+\n     category == \"routing\"\n    && emergency\n\n  owner: x\n", "emergency", 4, 8, ScalarStyle.Literal);

    [Fact]
    public void Folded_block_scalar() =>
        AssertToken("rule:\n  when: >\n    category == \"routing\"\n    && emergency > 1\n  owner: x\n", "emergency", 4, 8, ScalarStyle.Folded);

    [Fact]
    public void Folded_block_scalar_with_more_indented_and_empty_lines() =>
        AssertToken("rule:\n  when: >\n    a ==\n\n      b\n    && emergency\n", "emergency", 6, 8, ScalarStyle.Folded);

    [Fact]
    public void An_offset_past_the_end_maps_just_past_the_last_character()
    {
        const string yaml = "when: 'abc'\n";
        var scalar = YamlScalars.ValueOf(yaml, "when");
        var map = YamlScalars.MapOf(yaml, scalar);
        map.Map(3).Column.Should().Be(11);
        map.Map(1000).Column.Should().Be(11);
        map.Map(-5).Column.Should().Be(8);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("when: 'abc", 6)]
    [InlineData("when: \"a\\x4", 6)]
    [InlineData("when: \"a\\u12G4\"", 6)]
    [InlineData("x", 1000)]
    [InlineData("x", -3)]
    public void It_never_throws_on_unexpected_input(string text, int index)
    {
        foreach (var style in new[] { ScalarStyle.Plain, ScalarStyle.SingleQuoted, ScalarStyle.DoubleQuoted, ScalarStyle.Literal, ScalarStyle.Folded, ScalarStyle.Any })
        {
            var map = ScalarPositionMap.Create(text, index, 1, 7, style);
            var act = () => map.Map(3);
            act.Should().NotThrow();
            map.Map(0).Line.Should().BeGreaterThan(0);
        }
    }
}
