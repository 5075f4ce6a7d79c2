using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using FluentAssertions;
using NodaTime;
using NodaTime.Testing;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.Loading;

/// <summary>
/// Random small policies over finite fields (enums, bools, a team field; required, defaulted and optional), checked
/// against brute force: every event is decided, and a rule is reported shadowed exactly when no event lets it decide a
/// facet (or, for a final rule, end the walk), and an enum value unowned exactly when no event with it gets an owner.
/// </summary>
public sealed class LintBruteForcePropertyTests
{
    private const string Seed = "0000lintHunt";

    private static readonly PolicyLoadOptions At2026 = new() { Clock = new FakeClock(Instant.FromUtc(2026, 11, 24, 12, 0)) };

    private static readonly string[] Atoms =
    [
        "category == \"a\"", "category != \"b\"", "category in [\"a\", \"c\"]", "category not in [\"a\"]",
        "priority <= \"P2\"", "priority > \"P1\"", "priority == \"P3\"", "\"P2\" > priority",
        "emergency", "!emergency", "emergency == false",
        "flag", "!flag", "flag == true", "flag != false", "has(flag)",
        "sev == \"low\"", "sev != \"high\"", "sev in [\"low\"]", "sev not in [\"high\"]", "has(sev)", "sev == null",
        "by == \"ops\"", "by != \"infra\"", "by in [\"ops\", \"infra\"]",
    ];

    private static readonly Gen<string> GenAtom = Gen.Int[0, Atoms.Length - 1].Select(i => Atoms[i]);

    private static readonly Gen<string> GenWhen = Gen.Recursive<string>((depth, self) => depth >= 2
        ? GenAtom
        : Gen.Frequency(
            (3, GenAtom),
            (2, Gen.Select(self, self, (a, b) => $"({a} && {b})")),
            (2, Gen.Select(self, self, (a, b) => $"({a} || {b})")),
            (1, self.Select(a => $"!({a})"))));

    private sealed record RuleSpec(string Id, string? When, string? Owner, bool Informed, bool Target, bool Final)
    {
        public bool HasFacets => Owner is not null || Informed || Target;
    }

    private static readonly Gen<RuleSpec> GenRule =
        Gen.Select(GenWhen.Null(0.2), Gen.Int[0, 2], Gen.Bool, Gen.Bool, Gen.Int[0, 4], (when, owner, informed, target, final) =>
            new RuleSpec("", when, owner switch { 0 => null, 1 => "ops", _ => "infra" }, informed, target, final == 0));

    private static readonly Gen<RuleSpec[]> GenRules = GenRule.Array[1, 5]
        .Select(rules => rules.Select((r, i) => r with { Id = "r" + i }).ToArray());

    private static string Yaml(RuleSpec[] rules)
    {
        var sb = new StringBuilder("""
            format: slaengine/v1
            policy: brute
            teams:
              ops: {}
              infra: {}
            fields:
              category: { type: enum, values: [a, b, c] }
              priority: { type: enum, values: [P1, P2, P3], default: P3 }
              emergency: { type: bool, default: false }
              flag: { type: bool, required: false }
              sev: { type: enum, values: [low, high], required: false }
              by: { type: team, required: false }
            clocks:
              ack: {}
            rules:

            """);
        foreach (var r in rules)
        {
            sb.Append("  - id: ").Append(r.Id).Append('\n');
            if (r.When is { } when)
            {
                sb.Append("    when: '").Append(when).Append("'\n");
            }

            if (r.Owner is { } owner)
            {
                sb.Append("    owner: ").Append(owner).Append('\n');
            }

            if (r.Informed)
            {
                sb.Append("    informed: [ops]\n");
            }

            if (r.Target)
            {
                sb.Append("    targets: { ack: { within: 1h } }\n");
            }

            if (r.Final)
            {
                sb.Append("    final: true\n");
            }
        }

        return sb.ToString();
    }

    private static IEnumerable<Dictionary<string, object>> Events()
    {
        foreach (var category in new[] { "a", "b", "c" })
        foreach (var priority in new[] { "P1", "P2", "P3" })
        foreach (var emergency in new[] { false, true })
        foreach (var flag in new object?[] { null, false, true })
        foreach (var sev in new[] { null, "low", "high" })
        foreach (var by in new[] { null, "ops", "infra" })
        {
            var e = new Dictionary<string, object> { ["category"] = category, ["priority"] = priority, ["emergency"] = emergency };
            if (flag is not null)
            {
                e["flag"] = flag;
            }

            if (sev is not null)
            {
                e["sev"] = sev;
            }

            if (by is not null)
            {
                e["by"] = by;
            }

            yield return e;
        }
    }

    [Fact]
    public void Shadowed_rules_and_unowned_values_agree_with_deciding_every_event()
    {
        GenRules.Sample(
            rules =>
            {
                var result = PolicyLoader.Load(Yaml(rules), "brute.yaml", At2026);
                result.Errors.Should().BeEmpty();
                var policy = result.Policy!;

                var decides = new HashSet<string>();
                var matches = new HashSet<string>();
                var owned = new HashSet<string>();
                foreach (var values in Events())
                {
                    var builder = policy.NewEvent(Instant.FromUtc(2026, 11, 24, 12, 0));
                    foreach (var (k, v) in values)
                    {
                        builder.Set(k, v);
                    }

                    var e = builder.Build();
                    matches.UnionWith(policy.Rules.Where(r => r.When.Evaluate(e)).Select(r => r.Id));
                    var decision = policy.Evaluate(e);
                    decides.UnionWith(decision.Trace.DecidedBy.Select(f => f.RuleId));
                    if (decision.Trace.Matched.Length > 0 && policy.FindRule(decision.Trace.Matched[^1])!.Final)
                    {
                        decides.Add(decision.Trace.Matched[^1]);
                    }

                    if (decision.Owner is not null)
                    {
                        foreach (var field in new[] { "category", "priority", "sev" })
                        {
                            if (values.TryGetValue(field, out var v))
                            {
                                owned.Add($"{field} '{v}'");
                            }
                        }
                    }
                }

                var shadowed = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.ShadowedRule).Select(d => d.Message.Split('\'')[1]).ToHashSet();
                foreach (var r in rules)
                {
                    var never = !decides.Contains(r.Id);
                    if (shadowed.Contains(r.Id))
                    {
                        never.Should().BeTrue($"rule {r.Id} is reported shadowed but decides something for some event");
                        matches.Should().Contain(r.Id, "a rule whose own condition never holds is not shadowed by the rules above");
                    }
                    else if (never && (r.HasFacets || r.Final) && r.When is not null && matches.Contains(r.Id))
                    {
                        Assert.Fail($"rule {r.Id} never decides anything but is not reported shadowed");
                    }
                }

                var last = rules.Select((r, i) => (r, i)).LastOrDefault(x => x.r.Owner is not null, (null!, -1)).Item2;
                var ownershipText = string.Join(" ", rules.Take(last + 1).Where(r => r.Owner is not null || r.Final).Select(r => r.When ?? ""));
                var expected = new List<string>();
                if (last >= 0)
                {
                    foreach (var (field, vals) in new[] { ("category", new[] { "a", "b", "c" }), ("priority", new[] { "P1", "P2", "P3" }), ("sev", new[] { "low", "high" }) })
                    {
                        if (ownershipText.Contains(field, System.StringComparison.Ordinal))
                        {
                            expected.AddRange(vals.Select(v => $"{field} '{v}'").Where(v => !owned.Contains(v)));
                        }
                    }
                }

                result.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnownedEnumValue)
                    .Select(d => d.Message.Split("no rule gives an owner to ")[1].Split(':')[0])
                    .Should().BeEquivalentTo(expected);
            },
            seed: Seed,
            iter: 400,
            print: Yaml);
    }
}
