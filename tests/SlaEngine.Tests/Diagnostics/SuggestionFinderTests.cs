using FluentAssertions;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.Diagnostics;

public sealed class SuggestionFinderTests
{
    [Theory]
    [InlineData("ownr", "owner")]
    [InlineData("categry", "category")]
    [InlineData("reslove", "resolve")]
    [InlineData("routng", "routing")]
    public void Closest_finds_a_near_miss(string input, string expected) =>
        SuggestionFinder.Closest(input, ["owner", "category", "resolve", "routing", "approvers"]).Should().Be(expected);

    [Fact]
    public void Closest_returns_null_when_nothing_is_close() =>
        SuggestionFinder.Closest("zzzzzz", ["owner", "category"]).Should().BeNull();

    [Fact]
    public void Diagnostic_formats_like_a_compiler()
    {
        var d = new Diagnostic("SLA1004", DiagnosticSeverity.Error, "unknown key", new SourceLocation("p.yaml", 3, 5));
        d.ToString().Should().Be("p.yaml:3:5: error SLA1004: unknown key");
    }
}
