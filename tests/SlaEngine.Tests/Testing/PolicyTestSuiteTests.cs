using System.IO;
using System.Linq;
using FluentAssertions;
using SlaEngine.Diagnostics;
using SlaEngine.Testing;
using Xunit;

namespace SlaEngine.Tests.Testing;

public sealed class PolicyTestSuiteTests
{
    private const string Event = "    event: { submittedAt: \"2026-11-24T10:00:00-05:00\", category: routing }\n";

    private static PolicyTestSuiteLoadResult Parse(string yaml) => PolicyTestSuite.Parse(yaml, "t.tests.yaml", "/base");

    private static PolicyTestSuiteLoadResult ParseCases(string cases) => Parse("tests: t\npolicy: p.yaml\ncases:\n" + cases);

    [Fact]
    public void The_fixture_suite_loads_with_its_name_policy_and_cases()
    {
        var result = PolicyTestSuite.Load(Scratch.FixtureSuite);

        result.Diagnostics.Should().BeEmpty();
        result.Suite!.Name.Should().Be("runner-fixture");
        result.Suite.PolicyPath.Should().Be(Path.Combine(Scratch.Fixtures, "stub-friendly.yaml"));
        result.Suite.Cases.Select(c => c.Kind).Should().Equal(PolicyTestCaseKind.Event, PolicyTestCaseKind.Timeline, PolicyTestCaseKind.Event, PolicyTestCaseKind.Timeline, PolicyTestCaseKind.Event);
    }

    [Fact]
    public void Every_expect_key_is_read_in_the_order_written()
    {
        var suite = PolicyTestSuite.Load(Scratch.FixtureSuite).Suite!;

        suite.Cases[0].ExpectedKeys.Should().Equal(
            "owner", "approvers", "approval", "consulted", "informed",
            "deadlines.acknowledge", "deadlines.resolve", "deadlines.review", "escalations", "notice", "violations", "matched",
            "decidedBy.owner", "decidedBy.informed", "decidedBy.targets.resolve", "decidedBy.escalations.resolve", "decidedBy.approvers");
        suite.Cases[1].ExpectedKeys.Should().Equal(
            "owner",
            "clocks.acknowledge.state", "clocks.acknowledge.elapsed", "clocks.acknowledge.breached", "clocks.acknowledge.breachedAt",
            "clocks.resolve.state", "clocks.resolve.elapsed", "clocks.resolve.remaining", "clocks.resolve.due", "clocks.resolve.breached", "clocks.resolve.breachedAt",
            "clocks.review");
    }

    [Fact]
    public void A_timeline_case_keeps_its_instant_and_an_error_case_its_expected_text()
    {
        var suite = PolicyTestSuite.Load(Scratch.FixtureSuite).Suite!;

        suite.Cases[1].At.Should().Be(NodaTime.Instant.FromUtc(2026, 11, 24, 19, 30));
        suite.Cases[2].ExpectsError.Should().BeTrue();
        suite.Cases[2].ExpectedError.Should().Be("priority");
        suite.Cases[2].ExpectedKeys.Should().BeEmpty();
    }

    [Fact]
    public void Each_case_keeps_its_line_and_column()
    {
        var suite = PolicyTestSuite.Load(Scratch.FixtureSuite).Suite!;

        suite.Cases[0].Location.Line.Should().Be(4);
        suite.Cases[0].Location.Column.Should().Be(5);
        suite.Cases[1].Location.Line.Should().Be(29);
    }

    [Fact]
    public void The_policy_path_is_relative_to_the_test_file()
    {
        var suite = Parse("policy: ../policies/p.yaml\ncases: []\n").Suite!;

        suite.PolicyPath.Should().Be(Path.GetFullPath("/policies/p.yaml"));
    }

    [Fact]
    public void Without_a_tests_key_the_suite_is_named_after_the_file()
    {
        var suite = PolicyTestSuite.Parse("policy: p.yaml\ncases: []\n", "dir/contact-center.tests.yaml", "/base").Suite!;

        suite.Name.Should().Be("contact-center");
    }

    [SharedFact]
    public void The_acceptance_suite_parses_without_diagnostics()
    {
        var result = PolicyTestSuite.Load(Scratch.AcceptanceSuite);

        result.Diagnostics.Should().BeEmpty();
        result.Suite!.Cases.Should().HaveCount(17);
        result.Suite.Cases.Count(c => c.Kind == PolicyTestCaseKind.Timeline).Should().Be(2);
        result.Suite.Cases.Count(c => c.ExpectsError).Should().Be(3);
    }

    [Fact]
    public void An_unknown_top_level_key_is_reported_with_a_suggestion_and_position()
    {
        var result = Parse("tests: t\npolicy: p.yaml\ncasses: []\n");

        result.Success.Should().BeFalse();
        result.Diagnostics.Select(d => d.ToString()).Should().Contain(d => d.StartsWith("t.tests.yaml:3:1: error SLA1004: unknown key 'casses'") && d.Contains("did you mean 'cases'?"));
    }

    [Fact]
    public void An_unknown_case_key_is_reported_with_a_suggestion()
    {
        var result = ParseCases("  - name: a\n" + Event + "    expcet: { owner: cc-ops }\n");

        var diagnostic = result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.UnknownKey).Which;
        diagnostic.Message.Should().Contain("'expcet'").And.Contain("did you mean 'expect'?");
        diagnostic.Location.Line.Should().Be(6);
        diagnostic.Location.Column.Should().Be(5);
    }

    [Fact]
    public void An_unknown_expect_key_is_reported_with_a_suggestion()
    {
        var result = ParseCases("  - name: a\n" + Event + "    expect: { ownr: cc-ops }\n");

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("'ownr'").And.Contain("did you mean 'owner'?");
    }

    [Fact]
    public void An_unknown_key_inside_a_clock_expectation_is_reported()
    {
        var result = ParseCases("  - name: a\n    timeline: [{ at: \"2026-11-24T10:00:00Z\" }]\n    at: \"2026-11-24T11:00:00Z\"\n    expect: { clocks: { resolve: { elapsd: 1h } } }\n");

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("did you mean 'elapsed'?");
    }

    [Theory]
    [InlineData("deadlines: { resolve: \"2026-11-24T10:00:00\" }", "has no offset")]
    [InlineData("deadlines: { resolve: tomorrow }", "is not an ISO-8601 instant")]
    [InlineData("approval: some", "must be all or any")]
    [InlineData("decidedBy: { ownr: r }", "did you mean 'owner'?")]
    [InlineData("notice: { met: maybe }", "must be true or false")]
    public void A_malformed_expected_value_is_an_invalid_expectation_at_its_position(string expect, string message)
    {
        var result = ParseCases("  - name: a\n" + Event + "    expect: { " + expect + " }\n");

        var diagnostic = result.Diagnostics.Should().ContainSingle().Which;
        diagnostic.Code.Should().Be(DiagnosticCodes.InvalidExpectation);
        diagnostic.Message.Should().Contain(message);
        diagnostic.Location.Line.Should().Be(6);
        diagnostic.Location.Column.Should().BeGreaterThan(14);
    }

    [Theory]
    [InlineData("elapsed: soon", "is not an amount of time")]
    [InlineData("elapsed: 2bd", "is not an amount of time")]
    [InlineData("state: runing", "did you mean 'running'?")]
    [InlineData("breached: yes", "must be true or false")]
    public void A_malformed_clock_expectation_is_reported(string field, string message)
    {
        var result = ParseCases("  - name: a\n    timeline: [{ at: \"2026-11-24T10:00:00Z\" }]\n    at: \"2026-11-24T11:00:00Z\"\n    expect:\n      clocks:\n        resolve: { " + field + " }\n");

        var diagnostic = result.Diagnostics.Should().ContainSingle().Which;
        diagnostic.Code.Should().Be(DiagnosticCodes.InvalidExpectation);
        diagnostic.Message.Should().Contain(message);
        diagnostic.Location.Line.Should().Be(9);
    }

    [Fact]
    public void A_case_with_both_an_event_and_a_timeline_is_refused()
    {
        var result = ParseCases("  - name: a\n" + Event + "    timeline: []\n    expect: {}\n");

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.InvalidTestCase);
    }

    [Fact]
    public void A_case_with_neither_an_event_nor_a_timeline_is_refused()
    {
        var result = ParseCases("  - name: a\n    expect: {}\n");

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("needs an 'event' or a 'timeline'");
    }

    [Fact]
    public void A_timeline_without_at_is_refused()
    {
        var result = ParseCases("  - name: a\n    timeline: [{ at: \"2026-11-24T10:00:00Z\" }]\n    expect: {}\n");

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("no 'at'");
    }

    [Fact]
    public void Clocks_expected_of_an_event_case_are_refused()
    {
        var result = ParseCases("  - name: a\n" + Event + "    expect: { clocks: { resolve: { state: running } } }\n");

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("'clocks'").And.Contain("needs a 'timeline'");
    }

    [Fact]
    public void An_error_combined_with_other_expectations_is_refused()
    {
        var result = ParseCases("  - name: a\n" + Event + "    expect: { owner: cc-ops, error: priority }\n");

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.InvalidTestCase);
    }

    [Fact]
    public void A_timeline_entry_that_sets_submittedAt_is_refused()
    {
        var result = ParseCases("  - name: a\n    timeline: [{ at: \"2026-11-24T10:00:00Z\", set: { submittedAt: \"2026-11-24T09:00:00Z\" } }]\n    at: \"2026-11-24T11:00:00Z\"\n    expect: {}\n");

        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.InvalidTimelineEntry);
    }

    [Fact]
    public void Two_cases_with_one_name_are_refused()
    {
        var result = ParseCases("  - name: a\n" + Event + "    expect: {}\n  - name: a\n" + Event + "    expect: {}\n");

        var diagnostic = result.Diagnostics.Should().ContainSingle().Which;
        diagnostic.Code.Should().Be(DiagnosticCodes.DuplicateTestName);
        diagnostic.Location.Line.Should().Be(7);
    }

    [Fact]
    public void A_missing_policy_key_is_reported()
    {
        var result = Parse("tests: t\ncases: []\n");

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Contain("'policy'");
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_with_its_position()
    {
        var result = Parse("tests: t\npolicy: p.yaml\ncases:\n  - name: [unclosed\n");

        var diagnostic = result.Diagnostics.Should().ContainSingle().Which;
        diagnostic.Code.Should().Be(DiagnosticCodes.YamlSyntax);
        diagnostic.Location.Line.Should().BeGreaterThan(1);
    }

    [Fact]
    public void A_missing_test_file_is_a_diagnostic_not_an_exception()
    {
        var result = PolicyTestSuite.Load(Path.Combine(Path.GetTempPath(), "no-such-dir-4711", "x.tests.yaml"));

        result.Success.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.UnreadableFile);
    }

    [Fact]
    public void FindFiles_searches_directories_recursively_for_test_files_only()
    {
        using var scratch = new Scratch();
        var a = scratch.Write("b/a.tests.yaml", "x");
        var c = scratch.Write("c.tests.yaml", "x");
        scratch.Write("b/not-a-test.yaml", "x");

        PolicyTestSuite.FindFiles([scratch.Directory]).Should().BeEquivalentTo([a, c]);
    }
}
