using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using FluentAssertions;
using NodaTime;
using SlaEngine.Analysis;
using Xunit;

namespace SlaEngine.Tests.Analysis;

/// <summary>
/// Random small policy pairs over small field domains (an enum whose values the new version may reorder or extend,
/// a defaulted enum, a bool, an optional int), checked against evaluating every event of the domain under both:
/// each event decided differently (deadlines included) is in a reported class, every reported difference has a
/// witness, and every witness really is decided differently. No false "equal", no false "different".
/// </summary>
public sealed class PolicyDiffPropertyTests
{
    private const string Seed = "0000diffProp";

    private static readonly Instant SubmittedAt = Instant.FromUtc(2026, 12, 2, 15, 0);

    private static readonly string[] Atoms =
    [
        "kind == \"a\"", "kind != \"b\"", "kind in [\"a\", \"c\"]", "kind <= \"b\"", "kind > \"a\"",
        "level <= \"L2\"", "level == \"L3\"", "urgent", "!urgent",
        "agents > 2", "agents <= 1", "agents == 3", "has(agents)", "agents == null",
    ];

    private static readonly Gen<string> GenAtom = Gen.Int[0, Atoms.Length - 1].Select(i => Atoms[i]);

    private static readonly Gen<string> GenWhen = Gen.Frequency(
        (3, GenAtom),
        (2, Gen.Select(GenAtom, GenAtom, (a, b) => $"({a} && {b})")),
        (1, Gen.Select(GenAtom, GenAtom, (a, b) => $"({a} || {b})")));

    private sealed record RuleSpec(string? When, int Owner, int Target, bool Final);

    private sealed record PolicySpec(RuleSpec[] Rules, string[] Kinds);

    private static readonly Gen<RuleSpec> GenRule = Gen.Select(GenWhen.Null(0.15), Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 5], (w, o, t, f) => new RuleSpec(w, o, t, f == 0));

    private static readonly Gen<RuleSpec[]> GenRules = GenRule.Array[1, 4];

    /// <summary>A mutation of the old policy: change one rule, swap two, drop one, add one, or change the schema's kind values.</summary>
    private static Gen<PolicySpec> GenPair(PolicySpec old) => Gen.Select(Gen.Int[0, 5], Gen.Int[0, 10], GenRule, (m, i, r) =>
    {
        var rules = old.Rules.ToList();
        var k = i % rules.Count;
        switch (m)
        {
            case 0:
                rules[k] = r;
                break;
            case 1:
                (rules[k], rules[^1]) = (rules[^1], rules[k]);
                break;
            case 2 when rules.Count > 1:
                rules.RemoveAt(k);
                break;
            case 3:
                rules.Insert(k, r);
                break;
            case 4:
                return old with { Kinds = ["z", "a", "b", "c"] };
            default:
                rules[k] = rules[k] with { Owner = (rules[k].Owner + 1) % 4 };
                break;
        }

        return old with { Rules = [.. rules] };
    });

    private static readonly string[] Owners = ["", "ops", "infra", "desk"];

    private static readonly string[] Targets = ["", "1h", "2h", "1bd"];

    private static string Yaml(PolicySpec spec)
    {
        var sb = new StringBuilder($$"""
            format: slaengine/v1
            policy: pair
            calendars:
              office: { zone: Europe/Paris, hours: { mon-fri: "09:00-17:00" } }
            teams:
              ops: { calendar: office }
              infra: {}
              desk: { calendar: office }
            fields:
              kind: { type: enum, values: [{{string.Join(", ", spec.Kinds)}}] }
              level: { type: enum, values: [L1, L2, L3], default: L2 }
              urgent: { type: bool, default: false }
              agents: { type: int, required: false }
            clocks:
              fix: {}
            rules:

            """);
        var n = 0;
        foreach (var r in spec.Rules)
        {
            sb.Append("  - id: r").Append(n++).Append('\n');
            if (r.When is { } when)
            {
                sb.Append("    when: '").Append(when).Append("'\n");
            }

            if (r.Owner > 0)
            {
                sb.Append("    owner: ").Append(Owners[r.Owner]).Append('\n');
            }

            if (r.Target > 0)
            {
                sb.Append("    targets: { fix: { within: ").Append(Targets[r.Target]).Append(" } }\n");
            }

            if (r.Final)
            {
                sb.Append("    final: true\n");
            }
        }

        return sb.ToString();
    }

    private static IEnumerable<Dictionary<string, object?>> Events()
    {
        foreach (var kind in new[] { "a", "b", "c", "z" })
        foreach (var level in new[] { null, "L1", "L2", "L3" })
        foreach (var urgent in new object?[] { null, false, true })
        foreach (var agents in new object?[] { null, -1L, 0L, 1L, 2L, 3L, 4L, 9L })
        {
            yield return new Dictionary<string, object?> { ["kind"] = kind, ["level"] = level, ["urgent"] = urgent, ["agents"] = agents };
        }
    }

    [Fact]
    public void Every_difference_between_random_policies_is_reported_and_every_witness_really_differs()
    {
        var gen = from rules in GenRules
                  let old = new PolicySpec(rules, ["a", "b", "c"])
                  from @new in GenPair(old)
                  select (old, @new);
        gen.Sample(
            pair =>
            {
                var old = PolicyDiffTests.Load(Yaml(pair.old), "old.yaml");
                var @new = PolicyDiffTests.Load(Yaml(pair.@new), "new.yaml");
                var result = PolicyDiff.Compare(old, @new, new PolicyDiffOptions { From = new LocalDate(2026, 12, 1), CalendarMonths = 0 });

                result.RuleDifferences.Where(d => !d.IsConfirmed).Should().BeEmpty("with field tests only, every class has a witness");
                foreach (var d in result.RuleDifferences)
                {
                    var a = old.Evaluate(old.ReadEvent(d.Witness!.EventJson).Event!);
                    var b = @new.Evaluate(@new.ReadEvent(d.Witness.EventJson).Event!);
                    DecisionFacets.Differences(a, b).Select(c => c.Facet).Should().Contain(d.Changes.Select(c => c.Facet));
                }

                foreach (var values in Events())
                {
                    var given = values.Where(kv => kv.Value is not null).Select(kv => new KeyValuePair<string, object?>(kv.Key, kv.Value))
                        .Append(new KeyValuePair<string, object?>("submittedAt", SubmittedAt)).ToList();
                    var oldRead = old.ReadEvent(given);
                    var newRead = @new.ReadEvent(given);
                    if (!oldRead.Success || !newRead.Success)
                    {
                        continue; // an event one version refuses is a field change, reported apart
                    }

                    var differs = DecisionFacets.Differences(old.Evaluate(oldRead.Event), @new.Evaluate(newRead.Event));
                    if (differs.IsEmpty)
                    {
                        continue;
                    }

                    if (result.AreEquivalent || !result.RuleDifferences.Any(d => d.Membership.Contains(values)))
                    {
                        Assert.Fail($"the event {string.Join(", ", given)} is decided differently ({string.Join("; ", differs)}) but no reported class holds it");
                    }
                }
            },
            iter: 200,
            seed: Seed,
            print: pair => Yaml(pair.old) + "\n---\n" + Yaml(pair.@new));
    }
}
