using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using FluentAssertions;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Expressions.Logic;
using SlaEngine.Expressions;
using Xunit;

namespace SlaEngine.Tests.Expressions;

/// <summary>Properties: whatever the text, compiling gives diagnostics or a predicate; predicates never throw.</summary>
public sealed class ConditionPropertyTests
{
    private static readonly string[] Tokens =
    [
        "category", "priority", "emergency", "summary", "requestedBy", "affectedAgents", "scheduledStart", "tags", "notes",
        "vip", "severity", "approver", "submittedAt", "id", "nope", "\"routing\"", "\"P2\"", "\"cc-ops\"", "'x'", "\"IVR\"",
        "\"unterminated", "1", "-5", "99999999999999999999", "true", "false", "null", "&&", "||", "and", "or", "not", "!",
        "==", "!=", "<", "<=", ">", ">=", "in", "(", ")", "[", "]", ",", ".", "contains", "startsWith", "matches",
        "lower()", "size", "has", "open", "\"it-hours\"", "=", "&", "é", "\\", "\"(\"", " ",
    ];

    private static readonly string[] ValidSeeds =
    [
        "category in [\"routing\", \"queue\"] && priority <= \"P2\" && !emergency && summary.contains(\"IVR\")",
        "has(scheduledStart) && affectedAgents > 100",
        "requestedBy == \"cc-ops\" && !open(\"it-hours\")",
        "notes.lower().matches(\"ana$\") || \"ivr\" in tags",
        "severity not in [\"low\"] and size(tags) >= 1 or vip",
        "open(\"it-hours\", scheduledStart) && approver != null",
    ];

    private static readonly Gen<string> TokenSoup =
        Gen.Int[0, Tokens.Length - 1].Array[0, 30].Select(ix => string.Join(" ", ix.Select(i => Tokens[i])));

    private static readonly Gen<string> Mutation =
        Gen.Select(Gen.Int[0, ValidSeeds.Length - 1], Gen.Int[0, 3], Gen.Int[0, 1000], Gen.Int[0, Tokens.Length - 1], Gen.Int[1, 5])
            .Select((seed, kind, at, token, count) =>
            {
                var text = ValidSeeds[seed];
                var pos = at % (text.Length + 1);
                return kind switch
                {
                    0 => text.Remove(pos, Math.Min(count, text.Length - pos)),
                    1 => text.Insert(pos, Tokens[token]),
                    2 => text[..pos],
                    _ => text.Remove(pos, Math.Min(count, text.Length - pos)).Insert(pos, Tokens[token]),
                };
            });

    private static void CompilesOrReports(string text)
    {
        var bag = new DiagnosticBag();
        var condition = ConditionCompiler.Compile(text, LinearPositionMap.Standalone, TestSchema.Environment(), bag);
        if (condition is null)
        {
            bag.HasErrors.Should().BeTrue($"no condition for '{text}' must come with an error");
            bag.ToImmutable().Should().OnlyContain(d => d.Location.Column >= 1 && d.Location.Column <= text.Length + 1);
        }
        else
        {
            bag.HasErrors.Should().BeFalse();
            condition.Evaluate(TestSchema.Sample0);
            condition.Evaluate(TestSchema.Full);
        }
    }

    [Fact]
    public void Random_token_soups_give_diagnostics_or_a_predicate() =>
        TokenSoup.Sample(CompilesOrReports, iter: 3000);

    [Fact]
    public void Random_mutations_of_valid_conditions_give_diagnostics_or_a_predicate() =>
        Mutation.Sample(CompilesOrReports, iter: 3000);

    private static readonly Gen<ChangeEvent> Events =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Bool, Gen.String[Gen.Char.AlphaNumeric, 0, 20], Gen.Int[0, 3],
                Gen.Long.Nullable(), Gen.Int[-100_000, 100_000].Nullable(), Gen.String[Gen.Char.AlphaNumeric, 0, 5].Array[0, 4].Null())
            .Select((category, priority, emergency, summary, team, agents, minutes, tags) =>
            {
                var schema = TestSchema.Sample;
                var values = new Dictionary<string, object?>
                {
                    ["category"] = schema.Find("category")!.EnumValues[category],
                    ["priority"] = schema.Find("priority")!.EnumValues[priority],
                    ["emergency"] = emergency,
                    ["summary"] = summary,
                    ["requestedBy"] = TestSchema.Teams[team],
                    ["status"] = "new",
                    ["affectedAgents"] = agents,
                    ["scheduledStart"] = minutes is { } m ? TestSchema.Submitted + Duration.FromMinutes(m) : null,
                    ["tags"] = tags,
                    ["notes"] = tags is null ? null : summary,
                    ["vip"] = agents is null ? null : emergency,
                    ["severity"] = agents is null ? null : "low",
                    ["approver"] = tags is null ? null : TestSchema.Teams[(team + 1) % 4],
                };
                return TestSchema.Event(values, id: summary.Length > 10 ? summary : null);
            });

    [Fact]
    public void Compiled_predicates_on_random_valid_events_never_throw_and_agree_with_their_negation()
    {
        var conditions = ValidSeeds.Concat(["affectedAgents != 3 || !(scheduledStart < submittedAt)", "size(summary) > 3 && summary.upper().startsWith(\"A\")"])
            .Select(text => TestSchema.Compile(text))
            .Select(r => r.Condition ?? throw new InvalidOperationException(string.Join(" | ", r.Diagnostics)))
            .ToArray();
        var negations = conditions.Select(c => TestSchema.Compile("!(" + c.Text + ")").Condition!).ToArray();
        Events.Sample(e =>
        {
            for (var i = 0; i < conditions.Length; i++)
            {
                (conditions[i].Evaluate(e) ^ negations[i].Evaluate(e)).Should().BeTrue(conditions[i].Text);
            }
        }, iter: 1000);
    }

    [Fact]
    public void Enum_ordinal_analysis_is_sound_on_random_events()
    {
        var field = TestSchema.Sample.Find("category")!;
        var texts = new[]
        {
            "category == \"routing\"", "category in [\"routing\", \"queue\"] && emergency", "category != \"queue\" || emergency",
            "!(category in [\"queue\"])", "category >= \"queue\" && priority <= \"P2\"", "emergency", "\"queue\" > category",
            "!(category == \"routing\" && emergency)", "category not in [\"routing\"] && !(emergency || category == \"queue\")",
        };
        var conditions = texts.Select(t => TestSchema.Compile(t).Condition!).ToArray();
        Events.Sample(e =>
        {
            foreach (var c in conditions)
            {
                var possible = ConditionAnalysis.PossibleEnumOrdinals(c, field);
                if (possible is not null && c.Evaluate(e))
                {
                    possible.Should().Contain((int)e[field.Slot].Number, c.Text);
                }
            }
        }, iter: 500);
    }
}
