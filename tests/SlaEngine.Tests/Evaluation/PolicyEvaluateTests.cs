using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Events;
using SlaEngine.Policies;
using SlaEngine.Reporting;
using Xunit;
using static SlaEngine.Tests.Evaluation.TestPolicy;

namespace SlaEngine.Tests.Evaluation;

public sealed class PolicyEvaluateTests
{
    private static Decision Decide(Instant at, params (string Field, object? Value)[] values) => Subject.Evaluate(Event(at, values));

    [Fact]
    public void The_first_matching_rule_that_sets_a_facet_decides_it()
    {
        var d = Decide(Utc(11, 24, 10), ("category", "a"));

        d.Owner.Should().Be("ops");
        d.ConsultedTeams.Select(t => t.Id).Should().Equal("liaison");
        d.ApproverTeams.Select(t => t.Id).Should().Equal("liaison");
        d.Approval.Should().Be(ApprovalMode.All);
        d.InformedTeams.Should().BeEmpty();
        d.Trace.Matched.Should().Equal("rule-a", "catch-all");
        d.Trace.RuleFor("owner").Should().Be("rule-a");
        d.Trace.RuleFor("approvers").Should().Be("catch-all");
        d.Trace.RuleFor("targets.ack").Should().Be("rule-a");
        d.Trace.RuleFor("informed").Should().BeNull();
        d.Violations.Should().BeEmpty();
    }

    [Fact]
    public void Deadlines_count_open_time_on_the_owners_calendar()
    {
        var d = Decide(Utc(11, 24, 10), ("category", "a"));

        d.DeadlineFor("ack")!.Due.Should().Be(Utc(11, 24, 11));
        d.DeadlineFor("ack")!.CalendarId.Should().Be("biz");
        d.DeadlineFor("fix")!.Due.Should().Be(Utc(11, 25, 10), "7h on Tuesday, 1h on Wednesday");
        d.DeadlineFor("fix")!.TargetOpenTime.Should().Be(Duration.FromHours(8));
        d.DeadlineFor("fix")!.DecidedBy.Should().Be("rule-a");
    }

    [Fact]
    public void Escalations_fall_at_percentages_the_breach_and_after_it_sorted_by_instant()
    {
        var d = Decide(Utc(11, 24, 10), ("category", "a"));

        d.Escalations.Select(e => (e.Clock, e.At, e.Point, string.Join(",", e.Notify))).Should().Equal(
            ("fix", Utc(11, 24, 14), "50%", "liaison"),
            ("fix", Utc(11, 25, 10), "breach", "boss"),
            ("fix", Utc(11, 25, 12), "breach+2h", "boss,liaison"));
    }

    [Fact]
    public void An_overlay_sets_only_what_it_changes_and_ownership_falls_through()
    {
        var d = Decide(Utc(11, 24, 10), ("category", "a"), ("emergency", true));

        d.Owner.Should().Be("ops");
        d.ApproverTeams.Select(t => t.Id).Should().Equal("boss");
        d.Approval.Should().Be(ApprovalMode.Any);
        d.DeadlineFor("fix")!.Due.Should().Be(Utc(11, 24, 14), "4h on 24x7");
        d.DeadlineFor("fix")!.CalendarId.Should().Be("24x7");
        d.DeadlineFor("ack")!.Due.Should().Be(Utc(11, 24, 11), "the overlay sets no ack target");
        d.Escalations.Select(e => e.At).Should().Equal(Utc(11, 24, 12), Utc(11, 24, 14), Utc(11, 24, 16));
        d.Trace.RuleFor("targets.fix").Should().Be("overlay");
        d.Trace.RuleFor("escalations.fix").Should().Be("rule-a");
        d.Trace.Matched.Should().Equal("overlay", "rule-a", "catch-all");
    }

    [Fact]
    public void A_final_rule_ends_the_walk()
    {
        var d = Decide(Utc(11, 27, 16), ("category", "b"));

        d.Trace.Matched.Should().Equal("rule-b");
        d.ApproverTeams.Should().BeEmpty("catch-all is below a final rule");
        d.InformedTeams.Select(t => t.Id).Should().Equal("ops");
    }

    [Fact]
    public void A_target_on_the_owner_calendar_follows_the_owner_and_business_days_end_at_closing()
    {
        var d = Decide(Utc(11, 27, 16), ("category", "b"));

        d.DeadlineFor("ack")!.Due.Should().Be(Utc(11, 27, 22), "infra's night shift opens at 20:00");
        d.DeadlineFor("fix")!.Due.Should().Be(Utc(12, 1, 17), "2bd after Friday on biz: Monday, then Tuesday at close");
        d.DeadlineFor("fix")!.TargetOpenTime.Should().Be(Duration.FromHours(17), "Fri 16-17, Mon 8h, Tue 8h");
    }

    [Fact]
    public void A_notice_period_counted_back_in_business_days_is_a_violation_when_missed()
    {
        var d = Decide(Utc(11, 27, 16), ("category", "b"), ("scheduledStart", Utc(12, 1, 10)));

        d.Notice.Should().NotBeNull();
        d.Notice!.Due.Should().Be(Utc(11, 27, 9), "2bd before Tuesday: Monday, then Friday at opening");
        d.Notice.Met.Should().BeFalse();
        d.Notice.To.Should().Equal("ops");
        d.Violations.Select(v => v.Code).Should().Equal(Violation.NoticePeriod);
        d.Trace.RuleFor("notice").Should().Be("rule-b");
    }

    [Fact]
    public void A_notice_given_in_time_is_met_and_without_the_field_there_is_no_notice()
    {
        Decide(Utc(11, 24, 10), ("category", "b"), ("scheduledStart", Utc(12, 1, 10))).Notice!.Met.Should().BeTrue();
        Decide(Utc(11, 24, 10), ("category", "b")).Notice.Should().BeNull();
    }

    [Fact]
    public void A_change_scheduled_in_a_freeze_is_a_violation_unless_exempt()
    {
        Decide(Utc(12, 10, 10), ("category", "b"), ("scheduledStart", Utc(12, 21, 10)))
            .Violations.Select(v => v.Code).Should().Equal(Violation.Freeze);
        Decide(Utc(12, 10, 10), ("category", "b"), ("scheduledStart", Utc(12, 21, 10)), ("emergency", true))
            .Violations.Should().BeEmpty();
        Decide(Utc(12, 10, 10), ("category", "b"), ("scheduledStart", Utc(1, 2, 0, year: 2027)))
            .Violations.Should().BeEmpty("the freeze's end is exclusive");
        Decide(Utc(12, 10, 10), ("category", "b"), ("scheduledStart", Utc(12, 20, 0)))
            .Violations.Select(v => v.Code).Should().Equal(Violation.Freeze);
    }

    [Fact]
    public void An_event_no_rule_owns_is_unowned_and_a_clock_without_a_target_has_no_deadline()
    {
        var d = Decide(Utc(11, 24, 10), ("category", "c"));

        d.Owner.Should().BeNull();
        d.Violations.Select(v => v.Code).Should().Equal(Violation.Unowned);
        d.DeadlineFor("ack")!.Due.Should().Be(Utc(11, 24, 10, 30));
        d.DeadlineFor("fix").Should().BeNull();
    }

    [Fact]
    public void Holidays_are_skipped()
    {
        var d = Decide(Utc(12, 24, 16), ("category", "a"));

        d.DeadlineFor("fix")!.Due.Should().Be(Utc(12, 28, 16), "1h on Christmas Eve, Christmas and the weekend closed, 7h on Monday");
    }

    [Fact]
    public void The_same_event_gives_the_same_json_bytes()
    {
        var json1 = Decide(Utc(11, 24, 10), ("category", "a"), ("emergency", true)).ToJson();
        var json2 = Decide(Utc(11, 24, 10), ("category", "a"), ("emergency", true)).ToJson();

        json1.Should().Be(json2);
        json1.Should().Contain("\"owner\":\"ops\"").And.Contain("\"due\":\"2026-11-24T14:00:00Z\"");
        json1.IndexOf("\"owner\"", System.StringComparison.Ordinal).Should().BeLessThan(json1.IndexOf("\"deadlines\"", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluating_an_event_of_another_policy_is_refused()
    {
        var other = PolicyLoader.LoadOrThrow(TestPolicy.Yaml, "other.yaml");
        var e = other.NewEvent(Utc(11, 24, 10)).Set("category", "a").Build();

        var act = () => Subject.Evaluate(e);

        act.Should().Throw<System.ArgumentException>().WithMessage("*another policy*");
    }

    [Fact]
    public void Explain_names_teams_rules_and_local_times()
    {
        var text = DecisionExplainer.Explain(Subject, Decide(Utc(11, 24, 10), ("category", "a")));

        text.Should().Contain("Owner: Operations (ops) [rule rule-a]");
        text.Should().Contain("fix: due Wed 25 Nov 2026 10:00");
        text.Should().Contain("Rules matched, in order: rule-a, catch-all");
    }

    [Fact]
    public void A_team_default_matches_conditions_on_that_team_whatever_the_number_of_teams()
    {
        var teams = string.Join("\n", Enumerable.Range(0, 40).Select(i => $"  team-{i}: {{}}"));
        var policy = PolicyLoader.LoadOrThrow($$"""
            format: slaengine/v1
            policy: teams
            teams:
            {{teams}}
            fields:
              requestedBy: { type: team, default: team-37 }
            rules:
              - id: by-37
                when: requestedBy == "team-37"
                owner: team-37
              - id: rest
                owner: team-0
            """, "teams.yaml");

        var e = policy.NewEvent(Utc(11, 24, 10)).Build();

        e.GetValue("requestedBy").Should().Be("team-37");
        policy.Evaluate(e).Owner.Should().Be("team-37");
    }
}
