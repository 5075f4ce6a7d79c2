using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FluentAssertions;
using SlaEngine.Diagnostics;
using SlaEngine.Loading;
using SlaEngine.Yaml;
using Xunit;

namespace SlaEngine.Tests.Loading;

/// <summary>
/// The loader reads each rule as the YAML reader reaches it (so the tree never holds every rule): what it declares,
/// and every diagnostic in its order, must be what reading the whole tree first declares and reports.
/// </summary>
public sealed class EarlyRulesTests
{
    private static string BadPolicies => Path.Combine(AppContext.BaseDirectory, "Loading", "BadPolicies");

    private const string Head = "format: slaengine/v1\npolicy: p\nteams:\n  ops: {}\nfields:\n  category: { type: enum, values: [a, b] }\n";

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>
        {
            Head + "rules:\n  - { id: r1, when: category == \"a\", owner: ops }\n  - { id: r2, when: categry == \"b\", owner: opz }\n",
            Head + "rules:\n  - { id: r1, owner: ops }\nrules:\n  - { id: r2, owner: ops }\n",
            Head + "rules: none\nrules:\n  - { id: r2, owner: ops }\n",
            Head + "rules:\n  - just a scalar\n  - [a, list]\n  - { id: r1, owner: ops }\n  - { id: r1, owner: ops }\n",
            Head + "rules: !custom\n  - { id: r1, owner: ops }\n",
            Head + "rules:\n  - { id: r1, owner: ops }\n  - { id: r2, owner: *nothing }\n",
            Head + "rules:\n  - { id: r1, owner: ops }\n  - { id: r2, owner: ops\n",
            Head + "rules:\n  - id: r1\n    owner: ops\n    owner: ops\n    when: category == \"a\"\n",
            Head + "rules:\n  - &r { id: r1, owner: ops }\n",
            "rules:\n  - { id: r1, owner: ops }\n" + Head,
            "- { id: r1 }\n",
            Head + "rules: []\n",
            Head + "rules:\n",
        };
        foreach (var file in Directory.GetFiles(BadPolicies, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(File.ReadAllText(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Rules_read_as_they_are_reached_are_the_rules_read_from_the_whole_tree(string text)
    {
        var whole = new DiagnosticBag();
        var wholeRoot = YamlTreeReader.Read(text, "p.yaml", whole);
        var wholeDecl = wholeRoot is null ? null : PolicyReader.Read(wholeRoot, "p.yaml", text, whole);

        var streamed = new DiagnosticBag();
        var early = new PolicyReader.EarlyRules("p.yaml", text, null);
        var streamedRoot = YamlTreeReader.Read(text, "p.yaml", streamed, early.Observer);
        var streamedDecl = streamedRoot is null ? null : PolicyReader.Read(streamedRoot, "p.yaml", text, streamed, null, early);

        Lines(streamed).Should().Equal(Lines(whole));
        Rules(streamedDecl).Should().Equal(Rules(wholeDecl));
    }

    [Fact]
    public void The_rules_of_a_policy_are_not_kept_in_its_tree()
    {
        var text = Head + "rules:\n  - { id: r1, owner: ops }\n  - { id: r2, owner: ops }\n";
        var early = new PolicyReader.EarlyRules("p.yaml", text, null);

        var root = (YamlMapping)YamlTreeReader.Read(text, "p.yaml", new DiagnosticBag(), early.Observer)!;

        var rules = root.Entries.Single(e => e.Key.Value == "rules").Value;
        rules.Should().BeSameAs(early.Observer.Sequence);
        ((YamlSequence)rules).Items.Should().BeEmpty();
        early.TakeInto(new DiagnosticBag()).Select(r => r.Id.Value).Should().Equal("r1", "r2");
    }

    private static IEnumerable<string> Lines(DiagnosticBag bag) => bag.ToImmutable().Select(d => d.ToString());

    private static IEnumerable<string> Rules(Model.PolicyDecl? policy) =>
        policy?.Rules.Select(r => $"{r.Id.Value}@{r.Location} when={r.When?.Text}@{r.When?.Location} owner={r.Owner?.Value} final={r.Final}") ?? [];
}
