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
                            WalksExactly(policy, e, $"{category} {priority} {emergency} '{summary}' {at}");
                        }
                    }
                }
            }
        }
    }

    // Rules set different facets, so that which rule decides each one depends on the event: later matching rules
    // that set a facet already decided must be matched and change nothing.
    private const string SpreadYaml = """
        format: slaengine/v1
        policy: spread
        teams:
          ops: { name: Operations }
          net: { name: Network }
        fields:
          category: { type: enum, values: [a, b, c] }
          service: { type: enum, values: [s1, s2, s3], default: s1 }
          region: { type: enum, values: [eu, us], default: eu }
          priority: { type: enum, values: [P1, P2], default: P2 }
          change: { type: instant, required: false }
        clocks:
          respond: {}
          resolve: {}
        rules:
          - { id: r0, when: 'service == "s2"', owner: ops, informed: [net] }
          - { id: r1, when: 'category == "a"', approvers: [net], targets: { resolve: 4h } }
          - { id: r2, when: 'region == "us" && priority == "P1"', owner: net, consulted: [ops] }
          - { id: r3, when: 'service in ["s1", "s3"] && category != "b"', owner: ops, notice: { to: [ops], before: change, atLeast: 2d } }
          - { id: r4, when: 'priority == "P1" || region == "eu"', approvers: [ops], targets: { respond: 1h } }
          - { id: r5, when: 'category == "c" && service == "s3"', owner: net, escalations: [{ clock: resolve, at: breach, notify: [ops] }] }
          - { id: r6, consulted: [net] }
          - { id: r7, when: 'region == "eu"', informed: [ops], notice: none }
          - { id: r8, when: 'service == "s1"', owner: ops, final: true }
          - { id: r9, when: 'category == "b"', owner: net, targets: { resolve: 8h } }
          - { id: r10, when: 'region == "us"', owner: ops, approvers: [net] }
        """;

    [Fact]
    public void Rules_spread_over_three_fields_are_indexed_by_all_three()
    {
        var policy = PolicyLoader.Load(SpreadYaml, "spread.yaml", new PolicyLoadOptions { Lint = false }).Policy!;

        policy.Index.Fields.Select(f => f.Name).Should().BeEquivalentTo("category", "service", "region");
    }

    [Fact]
    public void Every_walk_matches_exactly_the_rules_whose_whole_condition_holds_in_policy_order()
    {
        var policy = PolicyLoader.Load(SpreadYaml, "spread.yaml", new PolicyLoadOptions { Lint = false }).Policy!;
        var at = Instant.FromUtc(2026, 11, 2, 10, 0);
        foreach (var category in new[] { "a", "b", "c" })
        {
            foreach (var service in new[] { "s1", "s2", "s3" })
            {
                foreach (var region in new[] { "eu", "us" })
                {
                    foreach (var priority in new[] { "P1", "P2" })
                    {
                        var e = policy.NewEvent(at).Set("category", category).Set("service", service).Set("region", region).Set("priority", priority).Build();
                        WalksExactly(policy, e, $"{category} {service} {region} {priority}");
                    }
                }
            }
        }
    }

    /// <summary>The walk matches exactly the rules whose whole condition holds, in policy order, up to the first final one.</summary>
    private static void WalksExactly(Policy policy, SlaEngine.Events.ChangeEvent e, string because)
    {
        var expected = policy.Rules.Where(r => r.When.Evaluate(e)).ToList();
        if (expected.FindIndex(r => r.Final) is var final and >= 0)
        {
            expected = expected.Take(final + 1).ToList();
        }

        var ids = expected.Select(r => r.Id).ToList();
        var walk = RuleWalk.Run(policy, e);
        walk.MatchedIds.Should().Equal(ids, because);
        // Each facet is decided by the first matching rule that sets it, however many matching rules follow.
        walk.OwnerRule.Should().Be(expected.FirstOrDefault(r => r.Owner is not null), because);
        walk.ApproversRule.Should().Be(expected.FirstOrDefault(r => r.Approvers is not null), because);
        walk.ConsultedRule.Should().Be(expected.FirstOrDefault(r => r.Consulted is not null), because);
        walk.InformedRule.Should().Be(expected.FirstOrDefault(r => r.Informed is not null), because);
        walk.NoticeRule.Should().Be(expected.FirstOrDefault(r => r.Notice is not null || r.WaivesNotice), because);
        foreach (var clock in policy.Clocks)
        {
            walk.TargetRules[clock.Index].Should().Be(expected.FirstOrDefault(r => r.Targets.Any(t => t.Clock == clock)), because);
            walk.LadderRules[clock.Index].Should().Be(expected.FirstOrDefault(r => r.Escalations.Any(s => s.Clock == clock)), because);
        }

        RuleWalk.CountMatches(policy, e).Should().Be(ids.Count, because);
        RuleWalk.FirstMatch(policy, e)?.Id.Should().Be(ids.FirstOrDefault(), because);
    }
}
