using System.Linq;
using FluentAssertions;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.Expressions;

/// <summary>
/// The table of the rules language: valid conditions with their value on two sample events (only required fields
/// set; every optional field set), and invalid ones with their diagnostic code and column.
/// </summary>
public sealed class ConditionCompilerTests
{
    [Theory]
    // literals and bool fields
    [InlineData("true", true, true)]
    [InlineData("false", false, false)]
    [InlineData("emergency", false, false)]
    [InlineData("!emergency", true, true)]
    [InlineData("not emergency", true, true)]
    [InlineData("!!emergency", false, false)]
    [InlineData("emergency == false", true, true)]
    // enum equality, both quotes, both orders
    [InlineData("category == \"routing\"", true, true)]
    [InlineData("category == 'routing'", true, true)]
    [InlineData("category != \"routing\"", false, false)]
    [InlineData("\"routing\" == category", true, true)]
    [InlineData("category == \"queue\"", false, false)]
    [InlineData("status != \"new\"", false, false)]
    [InlineData("status == \"waiting-on-requester\"", false, false)]
    [InlineData("category == category", true, true)]
    // enum ordering by declaration order
    [InlineData("priority <= \"P2\"", true, true)]
    [InlineData("priority < \"P2\"", false, false)]
    [InlineData("priority >= \"P2\"", true, true)]
    [InlineData("priority > \"P1\"", true, true)]
    [InlineData("priority > \"P2\"", false, false)]
    [InlineData("\"P3\" > priority", true, true)]
    [InlineData("priority >= priority", true, true)]
    [InlineData("(priority)  <= \"P3\"", true, true)]
    // in / not in
    [InlineData("category in [\"routing\", \"queue\"]", true, true)]
    [InlineData("category in [\"queue\"]", false, false)]
    [InlineData("category not in [\"queue\"]", true, true)]
    [InlineData("category not in [\"routing\"]", false, false)]
    [InlineData("category in [\"routing\",]", true, true)]
    [InlineData("category in [category]", true, true)]
    [InlineData("requestedBy in [approver]", false, false)]
    [InlineData("affectedAgents in []", false, false)]
    [InlineData("emergency in [true]", false, false)]
    [InlineData("emergency in [false, true]", true, true)]
    [InlineData("1 in [1, 2, 3]", true, true)]
    [InlineData("\"x\" in [\"x\"]", true, true)]
    [InlineData("category in [\"network-backbone\", \"agent-desktop\", \"queue\", \"routing\"]", true, true)]
    // logic and precedence, both spellings
    [InlineData("emergency && priority <= \"P2\"", false, false)]
    [InlineData("emergency || priority <= \"P2\"", true, true)]
    [InlineData("emergency and priority <= \"P2\"", false, false)]
    [InlineData("emergency or category == \"routing\"", true, true)]
    [InlineData("category in [\"routing\", \"queue\"] and not emergency", true, true)]
    [InlineData("(category == \"routing\" || category == \"queue\") && !emergency", true, true)]
    [InlineData("category == \"routing\" || category == \"queue\" && emergency", true, true)]
    [InlineData("(category == \"queue\" || category == \"routing\") && emergency", false, false)]
    [InlineData("!(priority > \"P2\")", true, true)]
    [InlineData("not category == \"queue\"", true, true)]
    [InlineData("true && false || true", true, true)]
    [InlineData("false || false || false || true", true, true)]
    [InlineData("true && true && true && false", false, false)]
    [InlineData("true and true and true and true and true", true, true)]
    [InlineData("emergency == (priority == \"P1\")", true, true)]
    // strings and their functions
    [InlineData("summary.contains(\"IVR\")", true, true)]
    [InlineData("summary.contains(\"ivr\")", false, false)]
    [InlineData("summary.lower().contains(\"ivr\")", true, true)]
    [InlineData("summary.upper() == \"UPDATE IVR PROMPT\"", true, true)]
    [InlineData("summary.startsWith(\"Update\")", true, true)]
    [InlineData("summary.endsWith(\"prompt\")", true, true)]
    [InlineData("summary.endsWith(\"Prompt\")", false, false)]
    [InlineData("summary.matches('IVR|queue')", true, true)]
    [InlineData("summary.matches(\"^ivr\")", false, false)]
    [InlineData("summary.matches(\"^Update\\\\s+IVR\")", true, true)]
    [InlineData("size(summary) == 17", true, true)]
    [InlineData("size(summary) > 100", false, false)]
    [InlineData("summary == id", false, false)]
    [InlineData("summary.contains(summary)", true, true)]
    [InlineData("1 == 1", true, true)]
    [InlineData("1 < 2", true, true)]
    [InlineData("\"a\" == \"a\"", true, true)]
    [InlineData("\"a\" != \"b\"", true, true)]
    [InlineData("'single' == \"single\"", true, true)]
    [InlineData("\"tab\\there\".contains(\"\\t\")", true, true)]
    [InlineData("\"say \\\"hi\\\"\".contains('\"')", true, true)]
    [InlineData("'it\\'s'.contains(\"'\")", true, true)]
    // Unicode inside strings; size counts UTF-16 code units
    [InlineData("size(\"héllo\") == 5", true, true)]
    [InlineData("summary.contains(\"é\")", false, false)]
    [InlineData("\"日本\".contains(\"本\")", true, true)]
    [InlineData("size(\"😀\") == 2", true, true)]
    [InlineData("\"\\u00e9\" == \"é\"", true, true)]
    // lists
    [InlineData("tags.contains(\"ivr\")", false, true)]
    [InlineData("\"ivr\" in tags", false, true)]
    [InlineData("\"zzz\" in tags", false, false)]
    [InlineData("\"zzz\" not in tags", false, true)]
    [InlineData("size(tags) == 2", false, true)]
    [InlineData("size(tags) >= 0", false, true)]
    [InlineData("size([1, 2, 3]) == 3", true, true)]
    [InlineData("[\"a\", \"b\"].contains(\"b\")", true, true)]
    [InlineData("[1, 2].contains(affectedAgents)", false, false)]
    [InlineData("tags.contains(notes)", false, false)]
    // ints, including the 64-bit range and negative literals
    [InlineData("affectedAgents > 100", false, true)]
    [InlineData("affectedAgents == 150", false, true)]
    [InlineData("affectedAgents != 150", true, false)]
    [InlineData("affectedAgents in [150, 200]", false, true)]
    [InlineData("affectedAgents not in [1, 2]", false, true)]
    [InlineData("affectedAgents in [1, 2, 3, 4, 5, 6, 7, 8, 9, 150]", false, true)]
    [InlineData("affectedAgents >= 150 && affectedAgents <= 150", false, true)]
    [InlineData("affectedAgents > -1", false, true)]
    [InlineData("affectedAgents < 9223372036854775807", false, true)]
    [InlineData("affectedAgents > -9223372036854775808", false, true)]
    // teams
    [InlineData("requestedBy == \"cc-ops\"", true, true)]
    [InlineData("requestedBy != \"it-infra\"", true, true)]
    [InlineData("requestedBy in [\"it-infra\", \"it-desktop\"]", false, false)]
    [InlineData("approver == \"it-liaison\"", false, true)]
    [InlineData("requestedBy == approver", false, false)]
    // calendars (it-hours: 08:00-18:00 UTC; submitted 14:00, scheduled 09:00)
    [InlineData("requestedBy == \"cc-ops\" && open(\"it-hours\")", true, true)]
    [InlineData("!open(\"it-hours\")", false, false)]
    [InlineData("open(\"24x7\")", true, true)]
    [InlineData("open(\"closed\")", false, false)]
    [InlineData("open(\"it-hours\", scheduledStart)", false, true)]
    [InlineData("open(\"it-hours\", submittedAt)", true, true)]
    // instants and built-ins
    [InlineData("scheduledStart > submittedAt", false, true)]
    [InlineData("scheduledStart < submittedAt", false, false)]
    [InlineData("submittedAt == submittedAt", true, true)]
    [InlineData("submittedAt <= scheduledStart", false, true)]
    [InlineData("has(submittedAt)", true, true)]
    [InlineData("has(id)", false, true)]
    [InlineData("id == \"CHG-42\"", false, true)]
    [InlineData("id.startsWith(\"CHG\")", false, true)]
    // null rules: == and != see absent as null; everything else on absent is false
    [InlineData("affectedAgents == null", true, false)]
    [InlineData("affectedAgents != null", false, true)]
    [InlineData("null == affectedAgents", true, false)]
    [InlineData("null == null", true, true)]
    [InlineData("approver == null", true, false)]
    [InlineData("scheduledStart == null", true, false)]
    [InlineData("id == null", true, false)]
    [InlineData("notes == null", true, false)]
    [InlineData("notes != \"x\"", true, true)]
    [InlineData("notes.contains(\"Ana\")", false, true)]
    [InlineData("!notes.contains(\"Ana\")", true, false)]
    [InlineData("notes.lower() == \"call ana\"", false, true)]
    [InlineData("notes.lower() != \"call ana\"", true, false)]
    [InlineData("size(notes) > 0", false, true)]
    [InlineData("notes.matches(\"A\")", false, true)]
    [InlineData("vip", false, true)]
    [InlineData("!vip", false, false)]
    [InlineData("vip == true", false, true)]
    [InlineData("vip == null", true, false)]
    [InlineData("vip != false", true, true)]
    [InlineData("vip || emergency", false, true)]
    [InlineData("severity == \"high\"", false, true)]
    [InlineData("severity >= \"low\"", false, true)]
    [InlineData("severity not in [\"low\"]", false, true)]
    [InlineData("severity == null", true, false)]
    // short-circuit: the guarded side is never an error
    [InlineData("has(scheduledStart) && affectedAgents > 100", false, true)]
    [InlineData("has(notes) && notes.startsWith(\"Call\")", false, true)]
    [InlineData("has(affectedAgents) || emergency", false, true)]
    [InlineData("!has(tags) || tags.contains(\"ivr\")", true, true)]
    public void A_valid_condition_has_its_value_on_the_sample_events(string text, bool onRequiredOnly, bool onFull)
    {
        var (condition, diagnostics) = TestSchema.Compile(text);

        diagnostics.Should().BeEmpty();
        condition.Should().NotBeNull();
        condition!.Evaluate(TestSchema.Sample0).Should().Be(onRequiredOnly, "on the event with only required fields");
        condition.Evaluate(TestSchema.Full).Should().Be(onFull, "on the event with every field");
        condition.Text.Should().Be(text);
    }

    [Theory]
    // names and functions
    [InlineData("categry == \"routing\"", DiagnosticCodes.UnknownIdentifier, 1)]
    [InlineData("has(nope)", DiagnosticCodes.UnknownIdentifier, 5)]
    [InlineData("unknown && other", DiagnosticCodes.UnknownIdentifier, 1)]
    [InlineData("unknown && other", DiagnosticCodes.UnknownIdentifier, 12)]
    [InlineData("size == 1", DiagnosticCodes.UnknownIdentifier, 1)]
    [InlineData("foo(1)", DiagnosticCodes.UnknownFunction, 1)]
    [InlineData("summary.foo()", DiagnosticCodes.UnknownFunction, 9)]
    [InlineData("summary.contans(\"x\")", DiagnosticCodes.UnknownFunction, 9)]
    [InlineData("contains(summary, \"x\")", DiagnosticCodes.UnknownFunction, 1)]
    [InlineData("summary.size()", DiagnosticCodes.UnknownFunction, 9)]
    [InlineData("size(summary, 1) > 0", DiagnosticCodes.WrongArity, 1)]
    [InlineData("summary.contains()", DiagnosticCodes.WrongArity, 9)]
    [InlineData("summary.lower(1) == \"a\"", DiagnosticCodes.WrongArity, 9)]
    [InlineData("has()", DiagnosticCodes.WrongArity, 1)]
    [InlineData("open()", DiagnosticCodes.WrongArity, 1)]
    [InlineData("open(\"24x7\", submittedAt, 1)", DiagnosticCodes.WrongArity, 1)]
    // arguments
    [InlineData("size(emergency) > 1", DiagnosticCodes.InvalidArgument, 6)]
    [InlineData("emergency.contains(\"x\")", DiagnosticCodes.InvalidArgument, 1)]
    [InlineData("affectedAgents.startsWith(\"1\")", DiagnosticCodes.InvalidArgument, 1)]
    [InlineData("submittedAt.contains(\"x\")", DiagnosticCodes.InvalidArgument, 1)]
    [InlineData("summary.startsWith(1)", DiagnosticCodes.InvalidArgument, 20)]
    [InlineData("tags.contains(1)", DiagnosticCodes.InvalidArgument, 15)]
    [InlineData("has(1)", DiagnosticCodes.InvalidArgument, 5)]
    [InlineData("open(summary)", DiagnosticCodes.InvalidArgument, 6)]
    [InlineData("open(\"24x7\", summary)", DiagnosticCodes.InvalidArgument, 14)]
    [InlineData("open(\"it-hourz\")", DiagnosticCodes.UnknownCalendarInExpression, 6)]
    [InlineData("summary.matches(\"(\")", DiagnosticCodes.InvalidRegex, 17)]
    [InlineData("summary.matches(notes)", DiagnosticCodes.InvalidRegex, 17)]
    [InlineData("summary.matches(\"(a)\\\\1\")", DiagnosticCodes.InvalidRegex, 17)]
    // types of comparisons
    [InlineData("emergency > 1", DiagnosticCodes.NotOrdered, 1)]
    [InlineData("category == \"routing\" && emergency > 1", DiagnosticCodes.NotOrdered, 26)]
    [InlineData("summary > \"a\"", DiagnosticCodes.NotOrdered, 1)]
    [InlineData("requestedBy < \"it-infra\"", DiagnosticCodes.NotOrdered, 1)]
    [InlineData("tags > 1", DiagnosticCodes.NotOrdered, 1)]
    [InlineData("null < 1", DiagnosticCodes.NotOrdered, 1)]
    [InlineData("\"a\" < \"b\"", DiagnosticCodes.NotOrdered, 1)]
    [InlineData("true > false", DiagnosticCodes.NotOrdered, 1)]
    [InlineData("1 < null", DiagnosticCodes.NotOrdered, 1)]
    [InlineData("1 < \"a\"", DiagnosticCodes.TypeMismatch, 1)]
    [InlineData("emergency == 1", DiagnosticCodes.TypeMismatch, 1)]
    [InlineData("category == priority", DiagnosticCodes.TypeMismatch, 1)]
    [InlineData("affectedAgents == \"x\"", DiagnosticCodes.TypeMismatch, 1)]
    [InlineData("summary == 1", DiagnosticCodes.TypeMismatch, 1)]
    [InlineData("tags == [\"a\"]", DiagnosticCodes.TypeMismatch, 1)]
    [InlineData("[1] == [1]", DiagnosticCodes.TypeMismatch, 1)]
    [InlineData("submittedAt > 1", DiagnosticCodes.TypeMismatch, 1)]
    [InlineData("scheduledStart > \"2026-01-01\"", DiagnosticCodes.TypeMismatch, 1)]
    [InlineData("category in [\"routing\", 1]", DiagnosticCodes.TypeMismatch, 25)]
    [InlineData("category in [\"routing\", null]", DiagnosticCodes.TypeMismatch, 25)]
    [InlineData("affectedAgents in [\"a\"]", DiagnosticCodes.TypeMismatch, 20)]
    [InlineData("\"x\" in summary", DiagnosticCodes.TypeMismatch, 8)]
    [InlineData("null in [1]", DiagnosticCodes.TypeMismatch, 1)]
    [InlineData("1 in tags", DiagnosticCodes.TypeMismatch, 1)]
    [InlineData("size([1, \"a\"]) > 0", DiagnosticCodes.TypeMismatch, 10)]
    // enum and team literals are checked against the declared values, at the literal
    [InlineData("category == \"routng\"", DiagnosticCodes.UnknownEnumValue, 13)]
    [InlineData("priority == \"P9\"", DiagnosticCodes.UnknownEnumValue, 13)]
    [InlineData("category in [\"routing\", \"nope\"]", DiagnosticCodes.UnknownEnumValue, 25)]
    [InlineData("severity == \"medium\"", DiagnosticCodes.UnknownEnumValue, 13)]
    [InlineData("category <= \"agent-desk\"", DiagnosticCodes.UnknownEnumValue, 13)]
    [InlineData("\"P0\" < priority", DiagnosticCodes.UnknownEnumValue, 1)]
    [InlineData("requestedBy == \"cc-opz\"", DiagnosticCodes.UnknownTeamValue, 16)]
    [InlineData("approver == \"nobody\"", DiagnosticCodes.UnknownTeamValue, 13)]
    [InlineData("requestedBy in [\"it-infr\"]", DiagnosticCodes.UnknownTeamValue, 17)]
    // bool operands and conditions
    [InlineData("!summary", DiagnosticCodes.NotBoolOperand, 2)]
    [InlineData("emergency && summary", DiagnosticCodes.NotBoolOperand, 14)]
    [InlineData("summary || emergency", DiagnosticCodes.NotBoolOperand, 1)]
    [InlineData("not affectedAgents", DiagnosticCodes.NotBoolOperand, 5)]
    [InlineData("category", DiagnosticCodes.ConditionNotBool, 1)]
    [InlineData("1", DiagnosticCodes.ConditionNotBool, 1)]
    [InlineData("\"text\"", DiagnosticCodes.ConditionNotBool, 1)]
    [InlineData("null", DiagnosticCodes.ConditionNotBool, 1)]
    [InlineData("size(tags)", DiagnosticCodes.ConditionNotBool, 1)]
    [InlineData("summary.lower()", DiagnosticCodes.ConditionNotBool, 1)]
    [InlineData("(affectedAgents)", DiagnosticCodes.ConditionNotBool, 1)]
    // syntax
    [InlineData("category == \"routing\" && (priority <= \"P2\"", DiagnosticCodes.UnclosedBracket, 26)]
    [InlineData("(emergency", DiagnosticCodes.UnclosedBracket, 1)]
    [InlineData("[1, 2", DiagnosticCodes.UnclosedBracket, 1)]
    [InlineData("size(summary", DiagnosticCodes.UnclosedBracket, 5)]
    [InlineData("emergency == true == false", DiagnosticCodes.ChainedComparison, 19)]
    [InlineData("priority < \"P2\" < \"P3\"", DiagnosticCodes.ChainedComparison, 17)]
    [InlineData("emergency == true in [true]", DiagnosticCodes.ChainedComparison, 19)]
    [InlineData("emergency &&", DiagnosticCodes.ExpressionSyntax, 13)]
    [InlineData("&& emergency", DiagnosticCodes.ExpressionSyntax, 1)]
    [InlineData("emergency)", DiagnosticCodes.ExpressionSyntax, 10)]
    [InlineData("", DiagnosticCodes.ExpressionSyntax, 1)]
    [InlineData("   ", DiagnosticCodes.ExpressionSyntax, 1)]
    [InlineData("emergency emergency", DiagnosticCodes.ExpressionSyntax, 11)]
    [InlineData("summary.", DiagnosticCodes.ExpressionSyntax, 9)]
    [InlineData("summary.length", DiagnosticCodes.ExpressionSyntax, 8)]
    [InlineData("category in", DiagnosticCodes.ExpressionSyntax, 12)]
    [InlineData("not", DiagnosticCodes.ExpressionSyntax, 4)]
    [InlineData("!", DiagnosticCodes.ExpressionSyntax, 2)]
    [InlineData("12abc == 1", DiagnosticCodes.ExpressionSyntax, 1)]
    [InlineData("(a, b)", DiagnosticCodes.ExpressionSyntax, 3)]
    [InlineData("category = \"routing\"", DiagnosticCodes.UnexpectedCharacter, 10)]
    [InlineData("emergency & true", DiagnosticCodes.UnexpectedCharacter, 11)]
    [InlineData("emergency | true", DiagnosticCodes.UnexpectedCharacter, 11)]
    [InlineData("affectedAgents + 1 > 2", DiagnosticCodes.UnexpectedCharacter, 16)]
    [InlineData("é == 1", DiagnosticCodes.UnexpectedCharacter, 1)]
    [InlineData("catégorie == 1", DiagnosticCodes.UnexpectedCharacter, 4)]
    [InlineData("\"unterminated", DiagnosticCodes.UnterminatedString, 1)]
    [InlineData("summary == 'abc", DiagnosticCodes.UnterminatedString, 12)]
    [InlineData("summary.contains(\"a\\qb\")", DiagnosticCodes.InvalidEscape, 20)]
    [InlineData("affectedAgents > 99999999999999999999", DiagnosticCodes.IntegerOutOfRange, 18)]
    [InlineData("affectedAgents > -9223372036854775809", DiagnosticCodes.IntegerOutOfRange, 18)]
    public void An_invalid_condition_is_reported_at_the_offending_token(string text, string code, int column)
    {
        var (condition, diagnostics) = TestSchema.Compile(text);

        condition.Should().BeNull();
        diagnostics.Should().Contain(d => d.Code == code && d.Location.Column == column && d.Location.Line == 1,
            $"expected {code} at column {column}, got: {string.Join(" | ", diagnostics)}");
        diagnostics.Should().OnlyContain(d => d.IsError);
    }

    [Fact]
    public void A_misspelt_field_suggests_the_declared_one()
    {
        var (_, diagnostics) = TestSchema.Compile("categry == \"routing\"");
        diagnostics.Should().ContainSingle().Which.Message.Should().Contain("categry").And.Contain("category");
    }

    [Fact]
    public void An_unquoted_enum_value_is_an_unknown_field_with_a_hint_to_quote_it()
    {
        var (_, diagnostics) = TestSchema.Compile("priority <= P2");

        var d = diagnostics.Should().ContainSingle(x => x.Code == DiagnosticCodes.UnknownIdentifier).Which;
        d.Message.Should().Be("unknown field 'P2' ('P2' is a value of enum field 'priority': quote it, \"P2\")");
        d.Location.Column.Should().Be(13);
    }

    [Fact]
    public void An_unknown_field_far_from_every_declared_one_lists_them()
    {
        var (_, diagnostics) = TestSchema.Compile("department == \"x\"");

        diagnostics.Should().ContainSingle().Which.Message.Should()
            .StartWith("unknown field 'department'; the declared fields are category, priority, emergency, summary, requestedBy, status, affectedAgents, scheduledStart, tags, notes, vip, severity, and 3 more");
    }

    [Fact]
    public void A_misspelt_enum_value_is_reported_at_the_literal_with_a_suggestion()
    {
        var (_, diagnostics) = TestSchema.Compile("category == \"routng\"");
        var d = diagnostics.Should().ContainSingle().Which;
        d.Message.Should().Contain("routng").And.Contain("routing");
        d.Location.Column.Should().Be(13);
    }

    [Fact]
    public void Ordering_a_bool_says_bool()
    {
        var (_, diagnostics) = TestSchema.Compile("emergency > 1");
        diagnostics.Should().ContainSingle().Which.Message.Should().Contain("bool");
    }

    [Fact]
    public void A_condition_that_is_not_bool_says_bool()
    {
        var (_, diagnostics) = TestSchema.Compile("category");
        diagnostics.Should().ContainSingle().Which.Message.Should().Contain("bool");
    }

    [Fact]
    public void An_unclosed_parenthesis_names_the_parenthesis()
    {
        var (_, diagnostics) = TestSchema.Compile("(emergency");
        diagnostics.Should().ContainSingle().Which.Message.Should().Contain("(");
    }

    [Fact]
    public void All_type_errors_of_one_condition_are_reported_together()
    {
        var (_, diagnostics) = TestSchema.Compile("categry == \"x\" && priority == \"P9\" && emergency > 1 && foo()");
        diagnostics.Select(d => d.Code).Should().BeEquivalentTo(
            [DiagnosticCodes.UnknownIdentifier, DiagnosticCodes.UnknownEnumValue, DiagnosticCodes.NotOrdered, DiagnosticCodes.UnknownFunction]);
    }

    [Fact]
    public void An_error_inside_a_sub_expression_is_not_reported_again_by_the_parent()
    {
        var (_, diagnostics) = TestSchema.Compile("!(nope > 1)");
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.UnknownIdentifier);
    }

    [Fact]
    public void Nesting_deeper_than_64_is_a_diagnostic_at_the_65th_level()
    {
        var text = new string('(', 65) + "emergency" + new string(')', 65);
        var (condition, diagnostics) = TestSchema.Compile(text);
        condition.Should().BeNull();
        diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == DiagnosticCodes.ExpressionTooDeep && d.Location.Column == 65);
    }

    [Fact]
    public void Nesting_of_64_is_accepted()
    {
        var text = new string('(', 64) + "emergency" + new string(')', 64);
        TestSchema.Compile(text).Condition.Should().NotBeNull();
    }

    [Fact]
    public void Deep_negation_is_limited_too()
    {
        var (condition, diagnostics) = TestSchema.Compile(new string('!', 4000) + "emergency");
        condition.Should().BeNull();
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.ExpressionTooDeep);
    }

    [Fact]
    public void Thousands_of_open_parentheses_do_not_overflow_the_stack()
    {
        var (condition, diagnostics) = TestSchema.Compile(new string('(', 4096));
        condition.Should().BeNull();
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.ExpressionTooDeep);
    }

    [Fact]
    public void An_expression_longer_than_4096_characters_is_a_diagnostic()
    {
        var text = string.Join(" || ", Enumerable.Repeat("emergency", 500));
        var (condition, diagnostics) = TestSchema.Compile(text);
        condition.Should().BeNull();
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.ExpressionTooLong);
    }

    [Fact]
    public void A_long_flat_chain_of_4096_characters_compiles_and_runs()
    {
        var text = string.Join("||", Enumerable.Repeat("emergency", 340)) + "||true";
        text.Length.Should().BeLessThanOrEqualTo(4096);
        var (condition, diagnostics) = TestSchema.Compile(text);
        diagnostics.Should().BeEmpty();
        condition!.Evaluate(TestSchema.Sample0).Should().BeTrue();
    }

    [Fact]
    public void A_list_of_more_than_1000_items_is_a_diagnostic_at_the_bracket()
    {
        var text = "affectedAgents in [" + string.Join(",", Enumerable.Range(0, 1001)) + "]";
        var (condition, diagnostics) = TestSchema.Compile(text);
        condition.Should().BeNull();
        diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == DiagnosticCodes.ListTooLong && d.Location.Column == 19);
    }

    [Fact]
    public void A_list_of_1000_items_is_accepted_and_uses_a_set()
    {
        var large = "affectedAgents in [" + string.Join(",", Enumerable.Range(4096, 500)) + "]";
        TestSchema.Compile(large).Condition!.Evaluate(TestSchema.Full).Should().BeFalse();
        var strings = "notes in [" + string.Join(",", Enumerable.Range(0, 500).Select(i => $"'n{i}'")) + ", 'Call Ana']";
        TestSchema.Compile(strings).Condition!.Evaluate(TestSchema.Full).Should().BeTrue();
        TestSchema.Compile("affectedAgents in [" + string.Join(",", Enumerable.Range(0, 1000)) + "]").Condition!
            .Evaluate(TestSchema.Full).Should().BeTrue();
    }

    [Fact]
    public void Diagnostics_of_other_parts_of_the_policy_do_not_make_a_valid_condition_fail()
    {
        var bag = new DiagnosticBag();
        bag.Error("SLA1004", new SourceLocation("p.yaml", 1, 1), "unrelated");
        var condition = SlaEngine.Expressions.ConditionCompiler.Compile(
            "emergency", SlaEngine.Diagnostics.LinearPositionMap.Standalone, TestSchema.Environment(), bag);
        condition.Should().NotBeNull();
        bag.Count.Should().Be(1);
    }

    [Fact]
    public void Always_holds_for_every_event()
    {
        SlaEngine.Expressions.Condition.Always.Evaluate(TestSchema.Sample0).Should().BeTrue();
        SlaEngine.Expressions.Condition.Always.Text.Should().Be("true");
    }

    [Fact]
    public void The_typed_tree_is_kept_beside_the_predicate()
    {
        var condition = TestSchema.Compile("priority <= \"P2\"").Condition!;
        var root = condition.Syntax.Should().BeOfType<SlaEngine.Expressions.BinaryExpr>().Subject;
        root.Type.Kind.Should().Be(SlaEngine.Expressions.TypeKind.Bool);
        root.Right.Should().BeOfType<SlaEngine.Expressions.LiteralExpr>().Which.Ordinal.Should().Be(1);
        (root.Start, root.Length).Should().Be((0, 16));
    }
}
