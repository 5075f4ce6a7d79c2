using System.Linq;
using FluentAssertions;
using SlaEngine.Diagnostics;
using Xunit;
using static SlaEngine.Tests.Loading.LoadResultAssertions;

namespace SlaEngine.Tests.Loading;

/// <summary>
/// A condition written the same way in many rules is compiled once: each rule must still say where its own text is,
/// decide as if compiled alone, and a defect in the repeated text must be reported at every place it is written.
/// </summary>
public sealed class RepeatedConditionTests
{
    // Lines 1-8; the rules start on line 9. Columns count from 1, a quoted condition from the character after its quote.
    private const string Head = """
        format: slaengine/v1
        policy: p
        teams:
          ops: {}
          net: {}
        fields:
          category: { type: enum, values: [routing, queue], required: true }
        rules:

        """;

    [Fact]
    public void Rules_with_the_same_condition_keep_their_own_locations_and_decide_alike()
    {
        var policy = Load(Head + """
              - { id: a, when: 'category == "routing"', owner: ops }
              - id: b
                when: 'category == "routing"'
                owner: net
              - { id: c,   when: category == "queue", owner: net }
              - { id: d, when: category == "queue", owner: ops }

            """).ShouldLoadCleanly();

        policy.Rules.Select(r => (r.Id, r.When.Location.Line, r.When.Location.Column)).Should().Equal(
            ("a", 9, 21), ("b", 11, 12), ("c", 13, 22), ("d", 14, 20));
        policy.Rules[0].When.Text.Should().Be(policy.Rules[1].When.Text);

        var routing = policy.Evaluate(policy.ReadEvent("""{"submittedAt": "2026-01-05T10:00:00Z", "category": "routing"}""").Event!);
        routing.Owner.Should().Be("ops");
        routing.Trace.Matched.Should().Equal("a", "b");
        var queue = policy.Evaluate(policy.ReadEvent("""{"submittedAt": "2026-01-05T10:00:00Z", "category": "queue"}""").Event!);
        queue.Owner.Should().Be("net");
        queue.Trace.Matched.Should().Equal("c", "d");
    }

    [Fact]
    public void A_defect_in_a_repeated_condition_is_reported_where_each_copy_is_written()
    {
        var result = Load(Head + """
              - { id: a, when: categry == "routing", owner: ops }
              - { id: b, when: categry == "routing", owner: net }

            """);

        result.Policy.Should().BeNull();
        result.Errors.Select(e => (e.Code, e.Location.Line, e.Location.Column)).Should().Equal(
            (DiagnosticCodes.UnknownIdentifier, 9, 20), (DiagnosticCodes.UnknownIdentifier, 10, 20));
    }

    [Fact]
    public void The_same_text_as_a_rule_condition_and_as_a_clock_condition_is_checked_in_each_place()
    {
        // Clock conditions are compiled in their own environment: the copy there is compiled and located on its own.
        var policy = Load("""
            format: slaengine/v1
            policy: p
            teams:
              ops: {}
            fields:
              category: { type: enum, values: [routing, queue], required: true }
            clocks:
              resolve: { stopWhen: category == "queue" }
            rules:
              - { id: a, when: category == "queue", owner: ops, targets: { resolve: 4h } }

            """).ShouldLoadCleanly();

        policy.Rules[0].When.Location.Line.Should().Be(10);
        policy.Clocks[0].StopWhen!.Location.Line.Should().Be(8);
    }
}
