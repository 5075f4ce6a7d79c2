using FluentAssertions;
using SlaEngine.Diagnostics;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;
using SlaEngine.Tests.Evaluation;
using Xunit;
using static SlaEngine.Tests.Evaluation.TestPolicy;

namespace SlaEngine.Tests.Diagnostics;

/// <summary>
/// Messages and explanations quote user input; characters that print as nothing (or drive the terminal) are shown as
/// <c>\uXXXX</c>, so that "'routing' is not one of routing, …" can no longer happen.
/// </summary>
public sealed class VisibleTextTests
{
    [Theory]
    [InlineData("routing\u200B", "routing\\u200B")]
    [InlineData("a\u001B[31mred", "a\\u001B[31mred")]
    [InlineData("tab\there", "tab\\u0009here")]
    [InlineData("rtl\u202Eevil", "rtl\\u202Eevil")]
    [InlineData("bom\uFEFF", "bom\\uFEFF")]
    [InlineData("line\u2028sep", "line\\u2028sep")]
    public void Invisible_characters_are_written_as_escapes(string text, string shown)
    {
        VisibleText.Escape(text).Should().Be(shown);
    }

    [Fact]
    public void A_lone_surrogate_is_written_as_an_escape()
    {
        VisibleText.Escape("lone" + (char)0xD800 + "!").Should().Be("lone\\uD800!");
    }

    [Theory]
    [InlineData("Zürich – 東京 😀 ‘quoted’ …")]
    [InlineData("plain ascii")]
    public void Visible_text_is_kept_as_it_is(string text)
    {
        VisibleText.Escape(text).Should().BeSameAs(text);
    }

    [Fact]
    public void Newlines_are_kept_when_asked_for_multi_line_output()
    {
        VisibleText.Escape("one\r\ntwo\n\u0007", keepNewlines: true).Should().Be("one\r\ntwo\n\\u0007");
    }

    [Fact]
    public void A_zero_width_space_in_a_policy_enum_value_shows_in_the_diagnostic()
    {
        var result = PolicyLoader.Load(TestPolicy.Yaml.Replace("when: category == \"a\"", "when: category == \"a\u200B\"", System.StringComparison.Ordinal), "p.yaml");

        result.Errors.Should().Contain(d => d.Message.Contains("a\\u200B", System.StringComparison.Ordinal))
            .And.NotContain(d => d.Message.Contains('\u200B', System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_zero_width_space_in_an_event_value_shows_in_the_refusal()
    {
        var read = Subject.ReadEvent("""{ "submittedAt": "2026-11-24T10:00:00Z", "category": "a\u200B" }""");

        read.Success.Should().BeFalse();
        read.ErrorMessage.Should().Contain("a\\u200B").And.NotContain("\u200B");
    }

    [Fact]
    public void An_escape_sequence_in_an_event_id_never_reaches_the_terminal_through_explain()
    {
        var read = Subject.ReadEvent("""{ "submittedAt": "2026-11-24T10:00:00Z", "category": "a", "id": "INC-1\u001B[2J" }""");
        read.Success.Should().BeTrue(read.ErrorMessage);

        var text = DecisionExplainer.Explain(Subject, Subject.Evaluate(read.Event!));

        text.Should().Contain("INC-1\\u001B[2J").And.NotContain("\u001B");
    }
}
