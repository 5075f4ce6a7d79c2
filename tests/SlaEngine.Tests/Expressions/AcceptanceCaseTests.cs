using System;
using System.IO;
using System.Linq;
using FluentAssertions;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Expressions;
using SlaEngine.Yaml;
using Xunit;

namespace SlaEngine.Tests.Expressions;

/// <summary>
/// The five expression cases of <c>acceptance/bad-policies/cases.yaml</c> (copied verbatim into
/// <c>Expressions/Acceptance</c>): compile the first rule's <c>when</c>, mapped through <see cref="ScalarPositionMap"/>
/// of the actual file, and check line, column and message words.
/// </summary>
public sealed class AcceptanceCaseTests
{
    private static readonly EventSchema Schema = TestSchema.Build(
        ("category", FieldType.Enum, ["routing", "network-backbone"], true),
        ("priority", FieldType.Enum, ["P1", "P2", "P3", "P4"], true),
        ("emergency", FieldType.Bool, null, false));

    [Theory]
    [InlineData("unknown-enum-value.yaml", 19, 23, DiagnosticCodes.UnknownEnumValue, new[] { "routng", "routing" })]
    [InlineData("unknown-field.yaml", 19, 11, DiagnosticCodes.UnknownIdentifier, new[] { "categry", "category" })]
    [InlineData("type-mismatch.yaml", 19, 36, DiagnosticCodes.NotOrdered, new[] { "bool" })]
    [InlineData("syntax-error.yaml", 19, 36, DiagnosticCodes.UnclosedBracket, new[] { "(" })]
    [InlineData("not-boolean.yaml", 19, 11, DiagnosticCodes.ConditionNotBool, new[] { "bool" })]
    public void The_acceptance_case_is_reported_at_its_line_and_column(string file, int line, int column, string code, string[] words)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Expressions", "Acceptance", file);
        var yaml = File.ReadAllText(path);
        var scalar = YamlScalars.ValueOf(yaml, "when");
        var map = ScalarPositionMap.Create(yaml, (int)scalar.Start.Index, (int)scalar.Start.Line, (int)scalar.Start.Column, scalar.Style, file);
        var bag = new DiagnosticBag();

        var condition = ConditionCompiler.Compile(scalar.Value, map, TestSchema.Environment(Schema), bag);

        condition.Should().BeNull();
        var diagnostics = bag.ToImmutable();
        diagnostics.Should().ContainSingle();
        var d = diagnostics[0];
        d.Code.Should().Be(code);
        d.Location.Should().Be(new SourceLocation(file, line, column));
        foreach (var word in words)
        {
            d.Message.Should().ContainEquivalentOf(word);
        }

        d.ToString().Should().StartWith($"{file}:{line}:{column}: error {code}: ");
    }

    [Fact]
    public void The_other_rules_of_the_acceptance_files_compile()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Expressions", "Acceptance", "unknown-field.yaml");
        var yaml = File.ReadAllText(path);
        var second = YamlScalars.ValuesOf(yaml, "when").Last();
        var bag = new DiagnosticBag();
        ConditionCompiler.Compile(second.Value, YamlScalars.MapOf(yaml, second), TestSchema.Environment(Schema), bag).Should().NotBeNull();
        bag.Count.Should().Be(0);
    }
}
