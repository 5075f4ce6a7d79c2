using FluentAssertions;
using SlaEngine.Expressions.Logic;
using SlaEngine.Expressions;
using Xunit;

namespace SlaEngine.Tests.Expressions.Logic;

public sealed class ConditionAnalysisTests
{
    // category: routing=0, queue=1, agent-desktop=2, network-backbone=3
    [Theory]
    [InlineData("category == \"routing\"", new[] { 0 })]
    [InlineData("\"queue\" == category", new[] { 1 })]
    [InlineData("category != \"routing\"", new[] { 1, 2, 3 })]
    [InlineData("category in [\"routing\", \"queue\"]", new[] { 0, 1 })]
    [InlineData("category not in [\"routing\", \"queue\"]", new[] { 2, 3 })]
    [InlineData("category <= \"queue\"", new[] { 0, 1 })]
    [InlineData("category > \"queue\"", new[] { 2, 3 })]
    [InlineData("\"queue\" > category", new[] { 0 })]
    [InlineData("category == \"routing\" && emergency", new[] { 0 })]
    [InlineData("emergency && category == \"routing\"", new[] { 0 })]
    [InlineData("category == \"routing\" || category == \"queue\"", new[] { 0, 1 })]
    [InlineData("category in [\"routing\", \"queue\"] && category != \"routing\"", new[] { 1 })]
    [InlineData("!(category == \"routing\")", new[] { 1, 2, 3 })]
    [InlineData("false", new int[0])]
    [InlineData("category == \"routing\" && category == \"queue\"", new int[0])]
    public void Constrained_conditions_give_the_possible_ordinals(string text, int[] expected)
    {
        var condition = TestSchema.Compile(text).Condition!;
        ConditionAnalysis.PossibleEnumOrdinals(condition, TestSchema.Sample.Find("category")!).Should().BeEquivalentTo(expected);
    }

    [Theory]
    [InlineData("emergency")]
    [InlineData("true")]
    [InlineData("category == \"routing\" || emergency")]
    [InlineData("!(category == \"routing\" && emergency)")]
    [InlineData("priority == \"P1\"")]
    [InlineData("category in [category]")]
    public void Unconstrained_conditions_give_null(string text)
    {
        var condition = TestSchema.Compile(text).Condition!;
        ConditionAnalysis.PossibleEnumOrdinals(condition, TestSchema.Sample.Find("category")!).Should().BeNull();
    }

    [Fact]
    public void An_optional_enum_is_never_indexed()
    {
        var condition = TestSchema.Compile("severity == \"high\"").Condition!;
        ConditionAnalysis.PossibleEnumOrdinals(condition, TestSchema.Sample.Find("severity")!).Should().BeNull();
    }

    [Fact]
    public void Always_is_unconstrained() =>
        ConditionAnalysis.PossibleEnumOrdinals(Condition.Always, TestSchema.Sample.Find("category")!).Should().BeNull();
}
