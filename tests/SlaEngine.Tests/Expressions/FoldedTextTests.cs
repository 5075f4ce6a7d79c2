using System;
using System.Linq;
using System.Text;
using CsCheck;
using FluentAssertions;
using SlaEngine.Expressions;
using Xunit;

namespace SlaEngine.Tests.Expressions;

/// <summary>
/// <c>lower()</c> and <c>upper()</c> compared without copying: every answer must equal the one the folded copy
/// (<see cref="string.ToLowerInvariant"/>, <see cref="string.ToUpperInvariant"/>) gives, including for the characters
/// that fold across scripts (the Kelvin sign to 'k', dotted and dotless I, long s) and surrogate pairs.
/// </summary>
public sealed class FoldedTextTests
{
    private static readonly string Tricky = "aAkK\u212AiI\u0130\u0131s\u017FS\u00DF\u1E9E\u03A3\u03C3\u03C2" + "\U00010400\U00010428" + "é\u00C9 -";

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Char[Tricky].Array[0, 12].Select(cs => new string(cs)),
        Gen.Int[0, Tricky.Length - 1].Array[0, 8].Select(ix => string.Concat(ix.Select(i => Tricky[i]))),
        Gen.String[Gen.Char.AlphaNumeric, 0, 10],
        Gen.Select(Gen.String[Gen.Char, 0, 6], Gen.Int[0, 3]).Select((s, k) => k == 0 ? s + "\uD801" : s));

    [Fact]
    public void Contains_starts_ends_and_equals_agree_with_the_folded_copy()
    {
        Gen.Select(Text, Text, Gen.Bool).Sample((s, needle, upper) =>
        {
            var folded = upper ? s.ToUpperInvariant() : s.ToLowerInvariant();
            FoldedText.Contains(s, upper, needle).Should().Be(folded.Contains(needle, StringComparison.Ordinal), "'{0}' contains '{1}'", s, needle);
            FoldedText.StartsWith(s, upper, needle).Should().Be(folded.StartsWith(needle, StringComparison.Ordinal));
            FoldedText.EndsWith(s, upper, needle).Should().Be(folded.EndsWith(needle, StringComparison.Ordinal));
            FoldedText.EqualsText(s, upper, needle).Should().Be(string.Equals(folded, needle, StringComparison.Ordinal));
            var needleFolded = upper ? needle.ToUpperInvariant() : needle.ToLowerInvariant();
            FoldedText.Contains(s, upper, needleFolded).Should().Be(folded.Contains(needleFolded, StringComparison.Ordinal), "'{0}' contains '{1}'", s, needleFolded);
        }, iter: 5000);
    }

    [Theory]
    [InlineData("TEMPERATURE 300\u212A", "300k")]
    [InlineData("\u0130STANBUL", "istanbul")]
    [InlineData("\U00010400", "\U00010428")]
    public void Characters_that_fold_across_scripts_are_folded_as_ToLowerInvariant_does(string s, string needle)
    {
        FoldedText.Contains(s, upper: false, needle).Should().Be(s.ToLowerInvariant().Contains(needle, StringComparison.Ordinal));
    }

    [Fact]
    public void Two_hundred_keyword_rules_on_a_one_mebibyte_summary_allocate_no_copy_of_it()
    {
        var rules = string.Concat(Enumerable.Range(0, 200).Select(i => $$"""
              - id: k{{i}}
                when: summary.lower().contains("<kw{{i}}>") || summary.upper().startsWith("X{{i}}") || summary.lower() == "k{{i}}" || size(summary.lower()) == {{i}}
                owner: a

            """));
        var policy = PolicyLoader.Load($$"""
            format: slaengine/v1
            policy: keywords
            teams:
              a: { name: A }
            fields:
              summary: { type: string }
            clocks:
              resolve: {}
            rules:
            {{rules}}
            """, "keywords.yaml", new PolicyLoadOptions { Lint = false }).Policy!;
        var summary = new StringBuilder(1 << 20).Append('x', (1 << 20) - 20).Append("<KW199> at the end").ToString();
        var e = policy.NewEvent(NodaTime.Instant.FromUtc(2026, 11, 24, 10, 0)).Set("summary", summary).Build();
        policy.Evaluate(e);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var decision = policy.Evaluate(e);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        decision.Trace.Matched.Should().Equal("k199");
        allocated.Should().BeLessThan(1 << 20, "no rule may copy the 2 MB summary (200 copies would be 400 MB)");
    }
}
