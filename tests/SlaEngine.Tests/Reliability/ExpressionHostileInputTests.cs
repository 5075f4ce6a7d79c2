using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Reporting;
using Xunit;

namespace SlaEngine.Tests.Reliability;

/// <summary>
/// Hostile conditions and values through whole policies: regexes that backtrack catastrophically elsewhere, nesting
/// and list limits reported at the file's line and column, and Unicode as <c>docs/rules-language.md</c> documents it.
/// </summary>
public sealed class ExpressionHostileInputTests
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 11, 23, 15, 0);

    private static string PolicyWith(string when) => $$"""
        format: slaengine/v1
        policy: expressions
        teams:
          ops: { name: Ops }
        fields:
          summary: { type: string, default: "" }
          tags: { type: "list<string>", default: [] }
          count: { type: int, default: 0 }
        clocks:
          resolve: {}
        rules:
          - id: probe
            when: '{{when.Replace("'", "''", StringComparison.Ordinal)}}'
            owner: ops
        """;

    private const int WhenLine = 13;
    private const int WhenColumn = 12; // the first character inside the quotes

    private static Policy Load(string when)
    {
        var result = PolicyLoader.Load(PolicyWith(when), "expr.yaml");
        result.Errors.Should().BeEmpty(when);
        return result.Policy!;
    }

    private static bool Matches(Policy policy, string summary) =>
        policy.Evaluate(policy.NewEvent(Monday).Set("summary", summary).Build()).Owner == "ops";

    [Theory]
    [InlineData("(a+)+$")]
    [InlineData("(a|aa)+$")]
    [InlineData("(a*)*b")]
    [InlineData("^(\\\\w+\\\\s?)*$")]
    [InlineData("(.*a){20}")]
    public void Catastrophic_backtracking_patterns_run_in_linear_time_on_long_input(string pattern)
    {
        var policy = Load($"summary.matches(\"{pattern}\")");
        var input = new string('a', 100_000) + "!";

        var watch = Stopwatch.StartNew();
        var outcome = Hostile.WithinTime(TimeSpan.FromSeconds(20), () => Matches(policy, input), () => pattern);
        var first = watch.Elapsed;

        // Linear: ten times the input costs about ten times as much, never the exponential blow-up of a backtracker.
        var longer = new string('a', 1_000_000) + "!";
        watch.Restart();
        Hostile.WithinTime(TimeSpan.FromSeconds(60), () => Matches(policy, longer), () => pattern + " on 1,000,000 characters");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "1,000,000 characters took {0} after {1} for 100,000", watch.Elapsed, first);
        outcome.Should().Be(System.Text.RegularExpressions.Regex.IsMatch(input, pattern.Replace("\\\\", "\\", StringComparison.Ordinal), System.Text.RegularExpressions.RegexOptions.NonBacktracking));
    }

    [Theory]
    [InlineData("(a)\\\\1", "backreference")]
    [InlineData("(?=a)b", "look-around")]
    [InlineData("(?<=a)b", "look-around")]
    [InlineData("(a", "unclosed group")]
    [InlineData("a{99999999999}", "huge repetition")]
    public void A_pattern_the_non_backtracking_engine_refuses_is_reported_at_the_pattern_in_the_file(string pattern, string why)
    {
        var result = PolicyLoader.Load(PolicyWith($"summary.matches(\"{pattern}\")"), "expr.yaml");

        Hostile.ShouldBeWellFormed(result, why);
        var error = result.Errors.Should().ContainSingle(why).Which;
        error.Code.Should().Be(DiagnosticCodes.InvalidRegex);
        error.Location.Line.Should().Be(WhenLine);
        error.Location.Column.Should().Be(WhenColumn + "summary.matches(".Length, "the pattern literal starts there");
    }

    [Theory]
    [InlineData(65)]
    [InlineData(1_000)]
    [InlineData(2_000)]
    public void Deeply_nested_parentheses_in_a_policy_give_a_diagnostic_in_the_file(int depth)
    {
        var when = new string('(', depth) + "count > 1" + new string(')', depth);

        var result = Hostile.WithinTime(TimeSpan.FromSeconds(10), () => PolicyLoader.Load(PolicyWith(when), "expr.yaml"), () => $"{depth} parentheses");

        Hostile.ShouldBeWellFormed(result);
        var error = result.Errors.Should().ContainSingle().Which;
        error.Code.Should().Be(DiagnosticCodes.ExpressionTooDeep);
        error.Location.Line.Should().Be(WhenLine);
        error.Location.Column.Should().Be(WhenColumn + 64, "the 65th parenthesis is the first too deep");
    }

    [Fact]
    public void Ten_thousand_parentheses_are_too_long_before_they_are_too_deep()
    {
        var when = new string('(', 10_000) + "true" + new string(')', 10_000);

        var result = Hostile.WithinTime(TimeSpan.FromSeconds(10), () => PolicyLoader.Load(PolicyWith(when), "expr.yaml"), () => "10,000 parentheses");

        Hostile.ShouldBeWellFormed(result);
        result.Errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.ExpressionTooLong);
    }

    [Fact]
    public void A_list_of_1001_items_in_a_policy_is_reported_at_its_bracket_and_1000_is_accepted()
    {
        var tooMany = "count in [" + string.Join(",", Enumerable.Range(0, 1001)) + "]";
        var result = PolicyLoader.Load(PolicyWith(tooMany), "expr.yaml");

        Hostile.ShouldBeWellFormed(result);
        var error = result.Errors.Should().ContainSingle().Which;
        error.Code.Should().Be(DiagnosticCodes.ListTooLong);
        error.Location.Should().Be(new SourceLocation("expr.yaml", WhenLine, WhenColumn + "count in ".Length));

        var policy = Load("count in [" + string.Join(",", Enumerable.Range(0, 1000)) + "]");
        policy.Evaluate(policy.NewEvent(Monday).Set("count", 999).Build()).Owner.Should().Be("ops");
        policy.Evaluate(policy.NewEvent(Monday).Set("count", 1000).Build()).Owner.Should().BeNull();
    }

    [Theory]
    [InlineData("catégorie == \"x\"", 4)] // an accented identifier
    [InlineData("summary == \"x\" && résumé", 20)]
    [InlineData("Σ == 1", 1)]
    [InlineData("summary\u00A0== \"x\"", 8)] // a no-break space is not white space in the language
    public void A_non_ascii_character_outside_quotes_is_an_unexpected_character_at_its_column(string when, int column)
    {
        var result = PolicyLoader.Load(PolicyWith(when), "expr.yaml");

        Hostile.ShouldBeWellFormed(result);
        result.Errors.Should().Contain(d => d.Code == DiagnosticCodes.UnexpectedCharacter && d.Location.Line == WhenLine && d.Location.Column == WhenColumn + column - 1);
    }

    [Theory]
    [InlineData("summary == \"café\"", "café", true)]
    [InlineData("summary == \"caf\\u00e9\"", "café", true)]
    [InlineData("summary == \"café\"", "cafe\u0301", false)] // ordinal: no Unicode normalization
    [InlineData("summary.contains(\"日本\")", "東京と日本", true)]
    [InlineData("size(summary) == 2", "😀", true)] // UTF-16 code units
    [InlineData("summary.lower() == \"straße\"", "STRAßE", true)]
    [InlineData("summary.upper() == \"I\"", "i", true)] // invariant culture, also under tr-TR
    [InlineData("summary.lower() == \"i\"", "I", true)] // never tr-TR's dotless ı
    [InlineData("summary.matches(\"^\\\\p{L}+$\")", "Ωμέγα", true)]
    [InlineData("tags.contains(\"über\")", "", false)]
    public void Unicode_strings_compare_ordinally_and_case_with_the_invariant_culture(string when, string summary, bool expected)
    {
        var policy = Load(when);
        var previous = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "tr-TR", "de-DE", "en-US", string.Empty })
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
                Matches(policy, summary).Should().Be(expected, "under culture '{0}'", culture);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void The_dotted_capital_i_lowers_as_the_invariant_culture_does_whatever_the_current_culture()
    {
        // ICU and invariant-globalization builds of .NET differ on U+0130; the language promises the invariant culture.
        var policy = Load($"summary.lower() == \"{"İ".ToLowerInvariant()}\"");
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
            Matches(policy, "İ").Should().BeTrue();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Strings_with_nul_and_lone_surrogates_in_events_never_throw()
    {
        var policy = Load("summary.contains(\"a\") || summary.matches(\"^(a+)+$\") || summary.lower() == \"x\" || size(summary) > 3");
        foreach (var s in new[] { "\0", "a\0b", "\uD800", "\uDC00a", new string('\uD83D', 5000), "\uFFFF", string.Empty })
        {
            var read = policy.NewEvent(Monday).Set("summary", s).TryBuild();
            if (read.Success)
            {
                policy.Evaluate(read.Event!).ToJson().Should().NotBeNullOrEmpty();
            }
            else
            {
                read.Errors.Should().NotBeEmpty().And.OnlyContain(e => e.Message.Contains("summary"));
            }
        }
    }
}
