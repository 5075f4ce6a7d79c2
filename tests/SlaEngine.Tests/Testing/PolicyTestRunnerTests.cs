using System.IO;
using System.Linq;
using FluentAssertions;
using SlaEngine.Testing;
using Xunit;

namespace SlaEngine.Tests.Testing;

public sealed class PolicyTestRunnerTests
{
    private const string Routing = "    event: { submittedAt: \"2026-11-24T10:00:00-05:00\", category: routing }\n";

    private static PolicyTestResult RunOne(Scratch scratch, string expect, string input = Routing)
    {
        var path = scratch.Suite("  - name: the case\n" + input + "    expect:\n" + expect);
        var report = new PolicyTestRunner().Run([path]);
        return report.Results.Should().ContainSingle().Which;
    }

    [Fact]
    public void Every_case_of_the_fixture_suite_passes()
    {
        var report = new PolicyTestRunner().Run([Scratch.FixtureSuite]);

        report.Results.Should().AllSatisfy(r => r.Passed.Should().BeTrue(r.FailureSummary));
        report.PassedCount.Should().Be(5);
        report.FailedCount.Should().Be(0);
        report.AllPassed.Should().BeTrue();
    }

    [Fact]
    public void A_broken_expectation_in_a_copy_of_the_suite_fails_with_a_diff_naming_the_key()
    {
        using var scratch = new Scratch();
        var path = scratch.FixtureCopyWith("acknowledge: \"2026-11-24T11:00:00-05:00\"", "acknowledge: \"2026-11-24T12:00:00-05:00\"");

        var report = new PolicyTestRunner().Run([path]);

        report.FailedCount.Should().Be(1);
        var failure = report.Results.Single(r => !r.Passed);
        failure.CaseName.Should().Be("a routing change is the contact center's");
        failure.Mismatches.Should().ContainSingle().Which.Should().Be(new PolicyTestMismatch(
            "deadlines.acknowledge",
            "2026-11-24T12:00:00-05:00 (Tue 2026-11-24 12:00 EST on ny-hours)",
            "2026-11-24T11:00:00-05:00 (Tue 2026-11-24 11:00 EST on ny-hours)"));
    }

    [Fact]
    public void Team_lists_compare_as_sets()
    {
        using var scratch = new Scratch();

        RunOne(scratch, "      consulted: [it-infra, it-liaison, it-infra]\n").Passed.Should().BeTrue();
        var failed = RunOne(scratch, "      consulted: [it-infra, cio]\n");
        failed.Mismatches.Should().ContainSingle().Which.Should().Be(new PolicyTestMismatch("consulted", "[it-infra, cio]", "[it-liaison, it-infra] (missing cio; unexpected it-liaison)"));
    }

    [Fact]
    public void Notify_lists_inside_escalations_compare_as_sets_but_steps_are_ordered()
    {
        using var scratch = new Scratch();
        const string Swapped =
            "      escalations:\n" +
            "        - { clock: resolve, at: \"2026-11-24T18:00:00-05:00\", notify: [cio, it-infra] }\n" +
            "        - { clock: resolve, at: \"2026-11-24T14:00:00-05:00\", notify: [it-liaison] }\n";

        var result = RunOne(scratch, Swapped);

        result.Mismatches.Select(m => m.Path).Should().Equal("escalations[0].at", "escalations[0].notify", "escalations[1].at", "escalations[1].notify");
    }

    [Fact]
    public void A_different_number_of_escalation_steps_lists_both_ladders()
    {
        using var scratch = new Scratch();

        var result = RunOne(scratch, "      escalations:\n        - { clock: resolve, at: \"2026-11-24T14:00:00-05:00\", notify: [it-liaison] }\n");

        var mismatch = result.Mismatches.Should().ContainSingle().Which;
        mismatch.Path.Should().Be("escalations (expected 1 steps, got 2)");
        mismatch.Actual.Should().Be("resolve at 2026-11-24T14:00:00-05:00 (Tue 2026-11-24 14:00 EST on ny-hours) notify [it-liaison]\nresolve at 2026-11-24T18:00:00-05:00 (Tue 2026-11-24 18:00 EST on ny-hours) notify [cio, it-infra]");
    }

    [Fact]
    public void Matched_rules_compare_in_order()
    {
        using var scratch = new Scratch();

        var result = RunOne(scratch, "      matched: [late-informed, day-to-day]\n");

        result.Mismatches.Should().ContainSingle().Which.Should().Be(new PolicyTestMismatch("matched", "[late-informed, day-to-day]", "[day-to-day, late-informed]"));
    }

    [Fact]
    public void Violations_compare_as_a_set_of_codes()
    {
        using var scratch = new Scratch();

        var result = RunOne(scratch, "      violations: [freeze]\n");

        result.Mismatches.Should().ContainSingle().Which.Should().Be(new PolicyTestMismatch("violations", "[freeze]", "[] (missing freeze)"));
    }

    [Theory]
    [InlineData("2026-11-24T11:00:00-05:00")]
    [InlineData("2026-11-24T16:00:00Z")]
    [InlineData("2026-11-24T17:00:00+01:00")]
    [InlineData("2026-11-24T16:00:00.000+00:00")]
    public void Instants_compare_as_instants_whatever_their_offset(string acknowledge)
    {
        using var scratch = new Scratch();

        RunOne(scratch, $"      deadlines: {{ acknowledge: \"{acknowledge}\" }}\n").Passed.Should().BeTrue();
    }

    [Fact]
    public void The_actual_instant_is_shown_in_the_offset_the_expectation_was_written_in()
    {
        using var scratch = new Scratch();

        var result = RunOne(scratch, "      deadlines: { acknowledge: \"2026-11-24T17:30:00+01:00\" }\n");

        result.Mismatches.Should().ContainSingle().Which.Actual.Should().StartWith("2026-11-24T17:00:00+01:00 (Tue 2026-11-24 11:00 EST on ny-hours)");
    }

    [Fact]
    public void A_null_deadline_means_the_clock_must_have_none()
    {
        using var scratch = new Scratch();

        RunOne(scratch, "      deadlines: { review: null }\n").Passed.Should().BeTrue();
        var result = RunOne(scratch, "      deadlines: { resolve: null }\n");
        result.Mismatches.Should().ContainSingle().Which.Should().Be(new PolicyTestMismatch("deadlines.resolve", "no deadline", "2026-11-24T18:00:00-05:00 (Tue 2026-11-24 18:00 EST on ny-hours)"));
    }

    [Fact]
    public void A_deadline_of_an_unknown_clock_fails_at_the_clock_name_with_a_suggestion()
    {
        using var scratch = new Scratch();

        var result = RunOne(scratch, "      deadlines: { reslove: \"2026-11-24T18:00:00-05:00\" }\n");

        result.Passed.Should().BeFalse();
        result.Messages.Should().ContainSingle().Which.Should().EndWith(
            "scratch.tests.yaml:7:20: error SLA5002: 'deadlines.reslove' names no clock of policy 'runner-fixture' (did you mean 'resolve'?); its clocks are acknowledge, resolve, review");
    }

    [Fact]
    public void Only_the_keys_given_are_compared()
    {
        using var scratch = new Scratch();

        RunOne(scratch, "      owner: cc-ops\n").Passed.Should().BeTrue();
        RunOne(scratch, "      decidedBy: { owner: day-to-day }\n").Passed.Should().BeTrue();
        RunOne(scratch, "      {}\n").Passed.Should().BeTrue();
    }

    [Fact]
    public void An_expected_null_owner_fails_when_the_event_has_one()
    {
        using var scratch = new Scratch();

        RunOne(scratch, "      owner: null\n").Mismatches.Should().ContainSingle().Which.Should().Be(new PolicyTestMismatch("owner", "no owner", "cc-ops"));
    }

    [Fact]
    public void Expecting_a_notice_when_no_rule_requires_one_fails_with_an_explanation()
    {
        using var scratch = new Scratch();

        var mismatch = RunOne(scratch, "      notice: { met: true }\n").Mismatches.Should().ContainSingle().Which;
        mismatch.Path.Should().Be("notice");
        mismatch.Actual.Should().StartWith("no notice");
    }

    [Theory]
    [InlineData("elapsed: 4h30m")]
    [InlineData("elapsed: 270m")]
    [InlineData("elapsed: 4h29m60s")]
    [InlineData("remaining: 3h30m")]
    [InlineData("remaining: 210m")]
    public void Durations_compare_as_amounts(string field)
    {
        using var scratch = new Scratch();

        RunOne(scratch, $"      clocks: {{ resolve: {{ {field} }} }}\n", Timeline("2026-11-24T14:30:00-05:00")).Passed.Should().BeTrue();
    }

    [Fact]
    public void A_zero_duration_is_written_0h()
    {
        using var scratch = new Scratch();

        RunOne(scratch, "      clocks: { resolve: { remaining: 0h, breached: true } }\n", Timeline("2026-11-25T10:00:00-05:00")).Passed.Should().BeTrue();
    }

    [Fact]
    public void A_clock_field_that_differs_is_named_with_its_clock()
    {
        using var scratch = new Scratch();

        var result = RunOne(scratch, "      clocks: { resolve: { state: paused, elapsed: 4h, due: null } }\n", Timeline("2026-11-24T14:30:00-05:00"));

        result.Mismatches.Should().Equal(
            new PolicyTestMismatch("clocks.resolve.state", "paused", "running"),
            new PolicyTestMismatch("clocks.resolve.elapsed", "4h", "4h30m"),
            new PolicyTestMismatch("clocks.resolve.due", "null (paused or stopped)", "2026-11-24T18:00:00-05:00 (Tue 2026-11-24 18:00 EST on ny-hours)"));
    }

    [Fact]
    public void A_clock_without_a_target_has_no_status()
    {
        using var scratch = new Scratch();

        var result = RunOne(scratch, "      clocks: { review: { state: running } }\n", Timeline("2026-11-24T14:30:00-05:00"));

        result.Mismatches.Should().ContainSingle().Which.Actual.Should().Be("no status (the clock has no target for this ticket)");
    }

    [Fact]
    public void A_refused_event_passes_when_the_message_contains_the_expected_error()
    {
        using var scratch = new Scratch();

        RunOne(scratch, "      error: \"'P9' is not one of\"\n", "    event: { submittedAt: \"2026-11-24T10:00:00Z\", category: routing, priority: P9 }\n").Passed.Should().BeTrue();
    }

    [Fact]
    public void A_refused_event_fails_when_the_message_does_not_contain_the_expected_error()
    {
        using var scratch = new Scratch();

        var result = RunOne(scratch, "      error: category\n", "    event: { submittedAt: \"2026-11-24T10:00:00Z\", category: routing, priority: P9 }\n");

        var mismatch = result.Mismatches.Should().ContainSingle().Which;
        mismatch.Path.Should().Be("error");
        mismatch.Expected.Should().Be("a refusal naming 'category'");
        mismatch.Actual.Should().Contain("priority: 'P9' is not one of P1, P2, P3, P4");
    }

    [Fact]
    public void An_error_case_whose_event_is_accepted_fails()
    {
        using var scratch = new Scratch();

        var result = RunOne(scratch, "      error: priority\n");

        result.Passed.Should().BeFalse();
        result.Messages.Should().Equal("expected an error naming 'priority', but the event was accepted");
    }

    [Fact]
    public void A_refused_event_fails_a_case_that_expects_a_decision()
    {
        using var scratch = new Scratch();

        var result = RunOne(scratch, "      owner: cc-ops\n", "    event: { category: routing }\n");

        result.Messages.Should().ContainSingle().Which.Should().StartWith("the event was refused: submittedAt:");
    }

    [Fact]
    public void A_timeline_entry_before_the_submission_is_a_refusal_an_error_case_can_expect()
    {
        using var scratch = new Scratch();
        const string OutOfOrder =
            "    timeline:\n" +
            "      - { at: \"2026-11-24T10:00:00-05:00\", set: { category: routing } }\n" +
            "      - { at: \"2026-11-24T09:00:00-05:00\", set: { status: done } }\n" +
            "    at: \"2026-11-24T12:00:00-05:00\"\n";

        RunOne(scratch, "      error: before the submission\n", OutOfOrder).Passed.Should().BeTrue();
    }

    [Fact]
    public void A_policy_that_fails_to_load_fails_every_case_with_its_diagnostics()
    {
        using var scratch = new Scratch();
        scratch.Write("stub-friendly.yaml", "format: slaengine/v1\npolicy: broken\nteams: { a: {} }\nrules: [{ id: r, owner: nobody }]\n");
        var path = scratch.Suite("  - name: one\n" + Routing + "    expect: { owner: a }\n  - name: two\n" + Routing + "    expect: { owner: a }\n");

        var report = new PolicyTestRunner().Run([path]);

        report.FailedCount.Should().Be(2);
        report.Results.Should().AllSatisfy(r =>
        {
            r.Messages[0].Should().EndWith("scratch.tests.yaml:2:9: the policy " + Path.Combine(scratch.Directory, "stub-friendly.yaml") + " failed to load:");
            r.Messages.Skip(1).Should().Contain(m => m.Contains("stub-friendly.yaml:4:") && m.Contains("error SLA1103"));
        });
        report.Coverage.Should().BeEmpty();
    }

    [Fact]
    public void A_test_file_that_fails_to_load_is_one_failed_result_with_its_diagnostics()
    {
        using var scratch = new Scratch();
        var path = scratch.Suite("  - name: one\n    expect: {}\n", "bad.tests.yaml");

        var report = new PolicyTestRunner().Run([path]);

        var result = report.Results.Should().ContainSingle().Which;
        result.ToString().Should().Be("FAIL bad › the test file loads");
        result.Messages.Should().ContainSingle().Which.Should().Contain("bad.tests.yaml:4:5: error SLA5001");
    }

    [Fact]
    public void Each_policy_is_loaded_once_per_runner()
    {
        var runner = new PolicyTestRunner();

        runner.LoadPolicy(System.IO.Path.Combine(Scratch.Fixtures, "stub-friendly.yaml")).Policy
            .Should().BeSameAs(runner.LoadPolicy(System.IO.Path.Combine(Scratch.Fixtures, ".", "stub-friendly.yaml")).Policy);
    }

    [Fact]
    public void The_filter_runs_only_cases_whose_name_contains_the_text()
    {
        var report = new PolicyTestRunner().Run([Scratch.FixtureSuite], "REFUSED");

        report.Results.Select(r => r.CaseName).Should().Equal(
            "an unknown priority is refused with a message that names the field",
            "a timeline entry that sets an unknown status is refused");
    }

    [SharedFact]
    public void The_acceptance_suite_runs_and_its_error_cases_pass_under_the_contract_stubs()
    {
        var report = new PolicyTestRunner().Run([Scratch.AcceptanceSuite]);

        report.Results.Should().HaveCount(17);
        report.Results.Where(r => r.CaseName.Contains("refused")).Should().HaveCount(3).And.OnlyContain(r => r.Passed);
    }

    private static string Timeline(string at) =>
        "    timeline:\n" +
        "      - { at: \"2026-11-24T10:00:00-05:00\", set: { category: routing } }\n" +
        "      - { at: \"2026-11-24T11:00:00-05:00\", set: { status: in-progress } }\n" +
        $"    at: \"{at}\"\n";
}
