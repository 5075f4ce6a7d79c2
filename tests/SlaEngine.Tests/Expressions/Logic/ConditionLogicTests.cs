using System.Linq;
using FluentAssertions;
using SlaEngine.Events;
using SlaEngine.Expressions.Logic;
using Xunit;

namespace SlaEngine.Tests.Expressions.Logic;

/// <summary>
/// Conditions lowered to formulas name fields, enum values and teams by name, so that two versions of a schema
/// (a value inserted in the second shifts every later ordinal) give the same atoms for the same test.
/// </summary>
public sealed class ConditionLogicTests
{
    private static readonly EventSchema Inserted = TestSchema.Build(
        ("category", FieldType.Enum, ["telephony", "routing", "queue", "agent-desktop", "network-backbone"], true),
        ("priority", FieldType.Enum, ["P1", "P2", "P3", "P4"], true),
        ("emergency", FieldType.Bool, null, true),
        ("summary", FieldType.String, null, true),
        ("requestedBy", FieldType.Team, null, true),
        ("affectedAgents", FieldType.Int, null, false));

    [Theory]
    [InlineData("category == \"queue\"", "category Equal [queue]")]
    [InlineData("\"queue\" == category", "category Equal [queue]")]
    [InlineData("category in [\"routing\", \"network-backbone\"]", "category In [routing, network-backbone]")]
    [InlineData("category not in [\"routing\"]", "category NotIn [routing]")]
    [InlineData("requestedBy == \"it-desktop\"", "requestedBy Equal [it-desktop]")]
    [InlineData("emergency", "emergency Equal [1]")]
    [InlineData("affectedAgents > 10", "affectedAgents Greater [10]")]
    [InlineData("summary == \"outage\"", "summary Equal [outage]")]
    public void Equal_tests_give_the_same_atom_under_both_versions_of_the_schema(string condition, string atom)
    {
        Atom(condition, TestSchema.Sample).Should().Be(atom);
        Atom(condition, Inserted).Should().Be(atom);
    }

    [Fact]
    public void An_ordering_of_an_enum_field_is_the_set_of_value_names_it_admits_in_its_schema()
    {
        Atom("category <= \"queue\"", TestSchema.Sample).Should().Be("category In [routing, queue]");
        Atom("category <= \"queue\"", Inserted).Should().Be("category In [telephony, routing, queue]");
        Atom("\"queue\" < category", TestSchema.Sample).Should().Be("category In [agent-desktop, network-backbone]");
    }

    [Fact]
    public void The_solver_decides_over_value_names()
    {
        var solver = new ConditionSolver(Inserted, 1_000_000);
        var queueBelowRouting = Formula.And([Lower("category == \"queue\"", Inserted), Lower("category <= \"routing\"", Inserted)]);
        var queueOrTelephony = Formula.And([Lower("category in [\"queue\", \"telephony\"]", Inserted), Lower("category != \"queue\"", Inserted)]);

        solver.Solve(queueBelowRouting).Should().Be(Satisfiability.Unsatisfiable);
        solver.Solve(queueOrTelephony).Should().Be(Satisfiability.Satisfiable);
    }

    [Fact]
    public void The_same_unknown_in_two_conditions_is_one_unknown()
    {
        var first = (OpaqueFormula)Lower("summary.contains(\"IVR\")", TestSchema.Sample);
        var second = (OpaqueFormula)Lower("summary.contains(\"IVR\")", Inserted);

        first.Identity.Should().Be(second.Identity);
        first.Key.Should().Be("summary.contains(\"IVR\")");
    }

    private static Formula Lower(string condition, EventSchema schema)
    {
        var compiled = TestSchema.Compile(condition, schema);
        compiled.Diagnostics.Should().BeEmpty();
        return ConditionLogic.Lower(compiled.Condition!.Syntax);
    }

    private static string Atom(string condition, EventSchema schema)
    {
        var test = Lower(condition, schema) switch
        {
            TestFormula t => t,
            NotFormula { Operand: TestFormula t } => t,
            var other => throw new Xunit.Sdk.XunitException($"'{condition}' is not one test: {other.GetType().Name}"),
        };
        var values = test.Test.IsText ? test.Test.Texts.ToArray() : test.Test.Numbers.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return $"{test.Field} {test.Test.Kind} [{string.Join(", ", values)}]";
    }
}
