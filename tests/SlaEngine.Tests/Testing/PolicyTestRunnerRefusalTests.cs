using System.IO;
using System.Linq;
using FluentAssertions;
using SlaEngine.Diagnostics;
using SlaEngine.Testing;
using Xunit;

namespace SlaEngine.Tests.Testing;

/// <summary>
/// What the runner does with inputs the acceptance suite does not exercise: misspelt clocks in expectations,
/// timeline instants that are not instants, a policy path that does not exist, and many malformed cases at once.
/// </summary>
public sealed class PolicyTestRunnerRefusalTests
{
    private const string Routing = "    event: { submittedAt: \"2026-11-24T10:00:00-05:00\", category: routing }\n";

    private static PolicyTestResult RunOne(Scratch scratch, string caseText)
    {
        var path = scratch.Suite(caseText);
        var report = new PolicyTestRunner().Run([path]);
        return report.Results.Should().ContainSingle().Which;
    }

    [Theory]
    [InlineData("      deadlines: { reslove: null }\n", "7:20", "deadlines.reslove")]
    [InlineData("      decidedBy: { targets.reslove: day-to-day }\n", "7:20", "decidedBy.targets.reslove")]
    [InlineData("      decidedBy: { escalations.reslove: null }\n", "7:20", "decidedBy.escalations.reslove")]
    [InlineData("      escalations: [{ clock: reslove, at: \"2026-11-24T14:00:00-05:00\", notify: [it-liaison] }]\n", "7:30", "escalations[0].clock")]
    public void A_misspelt_clock_fails_the_case_even_where_an_absent_value_would_pass(string expect, string lineColumn, string path)
    {
        using var scratch = new Scratch();

        var result = RunOne(scratch, "  - name: the case\n" + Routing + "    expect:\n" + expect);

        result.Passed.Should().BeFalse();
        result.Messages.Should().ContainSingle().Which.Should()
            .Contain($"scratch.tests.yaml:{lineColumn}: error {DiagnosticCodes.InvalidExpectation}: '{path}' names no clock")
            .And.Contain("(did you mean 'resolve'?)");
    }

    [Fact]
    public void A_misspelt_clock_given_as_null_in_clocks_fails_the_timeline_case()
    {
        using var scratch = new Scratch();
        const string Timeline =
            "    timeline:\n" +
            "      - { at: \"2026-11-24T10:00:00-05:00\", set: { category: routing } }\n" +
            "    at: \"2026-11-24T11:00:00-05:00\"\n";

        var result = RunOne(scratch, "  - name: the case\n" + Timeline + "    expect:\n      clocks: { reveiw: null }\n");

        result.Messages.Should().ContainSingle().Which.Should().Contain(":9:17: error SLA5002: 'clocks.reveiw' names no clock").And.Contain("did you mean 'review'?");
    }

    [Fact]
    public void A_known_clock_without_a_target_still_passes_as_null()
    {
        using var scratch = new Scratch();

        RunOne(scratch, "  - name: the case\n" + Routing + "    expect:\n      deadlines: { review: null }\n      decidedBy: { targets.review: null }\n")
            .Passed.Should().BeTrue();
    }

    [Fact]
    public void A_submission_instant_without_an_offset_in_a_timeline_is_a_refusal_an_error_case_expects()
    {
        using var scratch = new Scratch();
        const string Timeline =
            "    timeline:\n" +
            "      - { at: \"2026-11-24T10:00:00\", set: { category: routing } }\n" +
            "    at: \"2026-11-24T11:00:00-05:00\"\n";
        var path = scratch.Suite(
            "  - name: expects the refusal\n" + Timeline + "    expect: { error: submittedAt }\n" +
            "  - name: expects a decision\n" + Timeline + "    expect: { owner: cc-ops }\n");

        PolicyTestSuite.Load(path).Diagnostics.Should().BeEmpty();
        var report = new PolicyTestRunner().Run([path]);

        report.Results.Select(r => r.Passed).Should().Equal(true, false);
        report.Results[1].Messages.Should().ContainSingle().Which.Should().StartWith("the event was refused: timeline entry 0:").And.Contain("submittedAt");
    }

    [Fact]
    public void A_later_timeline_instant_that_is_not_an_instant_is_a_refusal_naming_the_entry_and_its_position()
    {
        using var scratch = new Scratch();
        const string Timeline =
            "    timeline:\n" +
            "      - { at: \"2026-11-24T10:00:00-05:00\", set: { category: routing } }\n" +
            "      - { at: \"yesterday\", set: { status: done } }\n" +
            "    at: \"2026-11-24T11:00:00-05:00\"\n";

        var refused = RunOne(scratch, "  - name: the case\n" + Timeline + "    expect: { owner: cc-ops }\n");
        var expected = RunOne(scratch, "  - name: the case\n" + Timeline + "    expect: { error: timeline entry 1 }\n");

        refused.Messages.Should().ContainSingle().Which.Should().Contain("timeline entry 1 (").And.Contain("scratch.tests.yaml:7:15): 'at':").And.Contain("'yesterday'");
        expected.Passed.Should().BeTrue();
    }

    [Fact]
    public void A_policy_path_that_does_not_exist_fails_each_case_at_the_policy_key_with_line_and_column()
    {
        using var scratch = new Scratch();
        var path = scratch.Write(
            "missing.tests.yaml",
            "tests: t\npolicy: no/such/policy.yaml\ncases:\n  - name: one\n" + Routing + "    expect: { owner: cc-ops }\n  - name: two\n" + Routing + "    expect: { owner: cc-ops }\n");

        var report = new PolicyTestRunner().Run([path]);

        report.FailedCount.Should().Be(2);
        report.Results.Should().AllSatisfy(r =>
        {
            r.Messages[0].Should().Be($"{path}:2:9: the policy {Path.Combine(scratch.Directory, "no", "such", "policy.yaml")} failed to load:");
            r.Messages[1].Should().Contain($"error {DiagnosticCodes.UnreadableFile}: the policy file does not exist");
        });
    }

    [Fact]
    public void Every_malformed_case_of_a_file_is_reported_together_with_its_line_and_column()
    {
        var text =
            "policy: p.yaml\ncases:\n" +
            "  - name: unknown case key\n" + Routing + "    expcet: { owner: cc-ops }\n    expect: {}\n" +
            "  - name: bad expected instant\n" + Routing + "    expect: { deadlines: { resolve: \"2026-11-24 18:00\" } }\n" +
            "  - name: unknown facet\n" + Routing + "    expect: { decidedBy: { target.resolve: day-to-day } }\n" +
            "  - name: both\n" + Routing + "    timeline: [{ at: \"2026-11-24T10:00:00-05:00\" }]\n    at: \"2026-11-24T10:00:00-05:00\"\n    expect: {}\n" +
            "  - name: bad duration\n    timeline: [{ at: \"2026-11-24T10:00:00-05:00\" }]\n    at: \"2026-11-24T10:00:00-05:00\"\n    expect: { clocks: { resolve: { elapsed: 2bd } } }\n";

        var result = PolicyTestSuite.Parse(text, "t.tests.yaml", "/base");

        result.Success.Should().BeFalse();
        result.Diagnostics.Select(d => $"{d.Location.Line}:{d.Location.Column} {d.Code}").Should().Equal(
            "5:5 SLA1004",
            "9:37 SLA5002",
            "12:28 SLA5002",
            "15:5 SLA5001",
            "21:45 SLA5002");
    }

    [Fact]
    public void The_sample_service_desk_suite_passes_case_by_case()
    {
        var report = new PolicyTestRunner().Run([Scratch.SampleSuite("service-desk")]);

        report.Results.Should().HaveCountGreaterThanOrEqualTo(30);
        report.Results.Should().AllSatisfy(r => r.Passed.Should().BeTrue($"{r.CaseName}: {r.FailureSummary}"));
    }

    [Fact]
    public void The_sample_contact_center_suite_passes_case_by_case()
    {
        var report = new PolicyTestRunner().Run([Scratch.SampleSuite("contact-center")]);

        report.Results.Should().HaveCountGreaterThanOrEqualTo(15);
        report.Results.Should().AllSatisfy(r => r.Passed.Should().BeTrue($"{r.CaseName}: {r.FailureSummary}"));
    }
}
