using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Evaluation;
using Xunit;

namespace SlaEngine.Tests.Evaluation;

public sealed class RuleIndexTests
{
    private const string Yaml = """
        format: slaengine/v1
        policy: index
        calendars:
          biz:
            zone: Etc/UTC
            hours:
              mon-fri: "09:00-17:00"
        teams:
          ops: { name: Operations, calendar: biz }
        fields:
          category: { type: enum, values: [a, b, c, d] }
          priority: { type: enum, values: [P1, P2, P3, P4], default: P3 }
          emergency: { type: bool, default: false }
          summary: { type: string, default: "" }
        rules:
          - { id: r0, when: 'category == "a" && !open("biz")', owner: ops }
          - { id: r1, when: 'category in ["a", "b"] && priority <= "P2"', owner: ops }
          - { id: r2, when: '"b" == category && summary.contains("IVR") && emergency', owner: ops }
          - { id: r3, when: 'category != "c"', owner: ops }
          - { id: r4, when: 'category == "a" || emergency', owner: ops }
          - { id: r5, when: 'category == "d" && category == "d"', owner: ops }
          - { id: r6, when: 'priority == "P1" && category == "c"', owner: ops }
          - { id: r7, owner: ops }
          - { id: r8, when: 'category == "b" && (priority == "P4" || summary.contains("x"))', owner: ops }
        """;

    [Fact]
    public void Indexed_and_specialized_walks_match_exactly_the_rules_whose_whole_condition_holds()
    {
        var policy = PolicyLoader.Load(Yaml, "index.yaml", new PolicyLoadOptions { Lint = false }).Policy!;
        policy.Index.Field!.Name.Should().Be("category");
        var instants = new[] { Instant.FromUtc(2026, 11, 2, 10, 0), Instant.FromUtc(2026, 11, 2, 20, 0) };
        foreach (var category in new[] { "a", "b", "c", "d" })
        {
            foreach (var priority in new[] { "P1", "P2", "P3", "P4" })
            {
                foreach (var emergency in new[] { false, true })
                {
                    foreach (var summary in new[] { "", "IVR x" })
                    {
                        foreach (var at in instants)
                        {
                            var e = policy.NewEvent(at).Set("category", category).Set("priority", priority)
                                .Set("emergency", emergency).Set("summary", summary).Build();
                            var expected = policy.Rules.Where(r => r.When.Evaluate(e)).Select(r => r.Id).ToList();
                            RuleWalk.Run(policy, e).Matched.Select(r => r.Id).Should().Equal(expected, $"{category} {priority} {emergency} '{summary}' {at}");
                            RuleWalk.CountMatches(policy, e).Should().Be(expected.Count);
                            RuleWalk.FirstMatch(policy, e)?.Id.Should().Be(expected.FirstOrDefault());
                        }
                    }
                }
            }
        }
    }
}
