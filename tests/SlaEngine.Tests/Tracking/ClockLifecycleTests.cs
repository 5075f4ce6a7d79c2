using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Tracking;
using Xunit;
using static SlaEngine.Tests.Tracking.LifecyclePolicy;

namespace SlaEngine.Tests.Tracking;

public sealed class ClockLifecycleTests
{
    [Fact]
    public void A_clock_with_startWhen_has_not_started_before_it_holds()
    {
        var respond = Submit(At(23, 9)).StatusAt(At(23, 10)).ClockFor("respond")!;

        respond.State.Should().Be(ClockState.NotStarted);
        respond.Cycle.Should().Be(0);
        respond.Elapsed.Should().Be(Duration.Zero);
        respond.Remaining.Should().BeNull();
        respond.Due.Should().BeNull();
        respond.Breached.Should().BeFalse();
    }

    [Fact]
    public void StartWhen_starts_the_first_cycle_at_the_entry_where_it_holds()
    {
        var respond = Submit(At(23, 9)).Set(At(23, 10), ("status", "triaged")).StatusAt(At(23, 11, 30)).ClockFor("respond")!;

        respond.State.Should().Be(ClockState.Running);
        respond.Cycle.Should().Be(1);
        respond.Elapsed.Should().Be(Duration.FromMinutes(90));
        respond.Remaining.Should().Be(Duration.FromMinutes(30));
        respond.Due.Should().Be(At(23, 12));
    }

    [Fact]
    public void CancelWhen_is_checked_before_stopWhen_and_the_cycle_is_neither_met_nor_breached()
    {
        var triage = Submit(At(23, 9)).Set(At(23, 9, 20), ("status", "cancelled")).StatusAt(At(23, 12)).ClockFor("triage")!;

        triage.State.Should().Be(ClockState.Cancelled);
        triage.Elapsed.Should().Be(Duration.FromMinutes(20));
        var cycle = triage.Cycles.Should().ContainSingle().Subject;
        cycle.EndedBy.Should().Be(CycleEnd.Cancel);
        cycle.Start.Should().Be(At(23, 9));
        cycle.End.Should().Be(At(23, 9, 20));
        cycle.Target.Should().Be(Duration.FromMinutes(30));
        cycle.Met.Should().BeFalse();
        cycle.Breached.Should().BeFalse();
    }

    [Fact]
    public void A_repeating_clock_starts_a_new_cycle_when_a_resolved_ticket_is_reopened()
    {
        var ticket = Submit(At(23, 9))
            .Set(At(23, 11), ("status", "resolved"))
            .Set(At(24, 10), ("status", "working"));

        var resolve = ticket.StatusAt(At(24, 12)).ClockFor("resolve")!;

        resolve.State.Should().Be(ClockState.Running);
        resolve.Cycle.Should().Be(2);
        resolve.Elapsed.Should().Be(Duration.FromHours(2), "the second cycle counts from its own start, Tue 10:00");
        var first = resolve.Cycles.Should().ContainSingle().Subject;
        (first.Number, first.Start, first.End, first.EndedBy, first.Elapsed, first.Met).Should().Be((1, At(23, 9), At(23, 11), CycleEnd.Stop, Duration.FromHours(2), true));
    }

    [Fact]
    public void A_repeating_clock_does_not_restart_while_stopWhen_still_holds()
    {
        var ticket = Submit(At(23, 9))
            .Set(At(23, 11), ("status", "resolved"))
            .Set(At(23, 12), ("plain", true));

        var resolve = ticket.StatusAt(At(23, 15)).ClockFor("resolve")!;

        resolve.State.Should().Be(ClockState.Stopped);
        resolve.Cycle.Should().Be(1);
        resolve.Elapsed.Should().Be(Duration.FromHours(2));
    }

    [Fact]
    public void A_clock_without_repeat_runs_one_cycle_only()
    {
        var ticket = Submit(At(23, 9))
            .Set(At(23, 10), ("status", "triaged"))
            .Set(At(23, 10, 30), ("status", "working"))
            .Set(At(23, 11), ("status", "triaged"));

        var respond = ticket.StatusAt(At(23, 13)).ClockFor("respond")!;

        respond.State.Should().Be(ClockState.Stopped);
        respond.Cycle.Should().Be(1);
        respond.Elapsed.Should().Be(Duration.FromMinutes(30));
    }

    [Fact]
    public void ResetWhen_with_changed_ends_the_cycle_and_starts_the_next_at_the_same_instant()
    {
        var ticket = Submit(At(23, 9))
            .Set(At(23, 10), ("assignee", "apps"))
            .Set(At(23, 12), ("assignee", "net"));

        var handle = ticket.StatusAt(At(23, 13)).ClockFor("handle")!;

        handle.State.Should().Be(ClockState.Running);
        handle.Cycle.Should().Be(2);
        handle.Elapsed.Should().Be(Duration.FromHours(1));
        var first = handle.Cycles.Should().ContainSingle().Subject;
        (first.Start, first.End, first.EndedBy, first.Elapsed).Should().Be((At(23, 10), At(23, 12), CycleEnd.Reset, Duration.FromHours(2)));
    }

    [Fact]
    public void Setting_a_field_to_the_value_it_has_is_not_a_change()
    {
        var ticket = Submit(At(23, 9))
            .Set(At(23, 10), ("assignee", "apps"))
            .Set(At(23, 12), ("assignee", "apps"));

        var handle = ticket.StatusAt(At(23, 15)).ClockFor("handle")!;

        handle.Cycle.Should().Be(1);
        handle.Cycles.Should().BeEmpty();
        handle.Elapsed.Should().Be(Duration.FromHours(5));
        handle.Breached.Should().BeTrue();
        handle.BreachedAt.Should().Be(At(23, 14));
    }

    [Fact]
    public void A_reset_whose_startWhen_does_not_hold_leaves_the_clock_not_started_with_the_last_cycle_number()
    {
        var ticket = Submit(At(23, 9))
            .Set(At(23, 10), ("assignee", "apps"))
            .Set(At(23, 11), ("assignee", null));

        var handle = ticket.StatusAt(At(23, 12)).ClockFor("handle")!;

        handle.State.Should().Be(ClockState.NotStarted);
        handle.Cycle.Should().Be(1);
        handle.Elapsed.Should().Be(Duration.Zero);
        handle.Cycles.Should().ContainSingle().Which.EndedBy.Should().Be(CycleEnd.Reset);
    }

    [Fact]
    public void A_clock_whose_stopWhen_holds_at_submission_stops_at_once_with_no_elapsed_time()
    {
        var resolve = Submit(At(23, 9), ("status", "resolved")).StatusAt(At(23, 12)).ClockFor("resolve")!;

        resolve.State.Should().Be(ClockState.Stopped);
        resolve.Cycle.Should().Be(1);
        resolve.Elapsed.Should().Be(Duration.Zero);
        resolve.Breached.Should().BeFalse();
        var cycle = resolve.Cycles.Should().ContainSingle().Subject;
        (cycle.Start, cycle.End, cycle.Target).Should().Be((At(23, 9), At(23, 9), Duration.FromHours(8)));
    }

    [Fact]
    public void Strictest_keeps_the_smallest_target_in_force_during_the_cycle()
    {
        var ticket = Submit(At(23, 9))
            .Set(At(23, 10), ("priority", "P1"))
            .Set(At(23, 10, 30), ("priority", "P3"));

        var status = ticket.StatusAt(At(23, 11, 30));

        var strict = status.ClockFor("strict")!;
        strict.Target.Should().Be(Duration.FromHours(1), "P1's 1h applies from the cycle's start and the lowering does not loosen it");
        strict.Breached.Should().BeTrue();
        strict.BreachedAt.Should().Be(At(23, 10));
        status.ClockFor("resolve")!.Target.Should().Be(Duration.FromHours(8), "resolve is retroactive: the target in force now");
    }

    [Fact]
    public void A_cycle_that_ended_before_a_raise_keeps_the_target_it_ended_under()
    {
        var ticket = Submit(At(23, 9))
            .Set(At(23, 12), ("status", "resolved"))
            .Set(At(23, 12, 30), ("priority", "P1"));

        var resolve = ticket.StatusAt(At(23, 13)).ClockFor("resolve")!;

        resolve.State.Should().Be(ClockState.Stopped);
        resolve.Target.Should().Be(Duration.FromHours(8));
        resolve.Remaining.Should().Be(Duration.FromHours(5));
        resolve.Breached.Should().BeFalse("v1 would have judged its 3h against P1's 2h");
    }

    [Fact]
    public void A_raise_while_a_cycle_runs_applies_from_the_cycle_start()
    {
        var ticket = Submit(At(23, 9))
            .Set(At(23, 12), ("priority", "P1"));

        var resolve = ticket.StatusAt(At(23, 12, 30)).ClockFor("resolve")!;

        resolve.Target.Should().Be(Duration.FromHours(2));
        resolve.BreachedAt.Should().Be(At(23, 11));
    }

    [Fact]
    public void ElapsedByOwner_splits_the_current_cycle_by_the_owner_in_force_while_it_ran()
    {
        var ticket = Submit(At(23, 9))
            .Set(At(23, 10), ("assignee", "apps"))
            .Set(At(23, 12), ("assignee", "net"));

        var resolve = ticket.StatusAt(At(23, 12, 45)).ClockFor("resolve")!;

        resolve.ElapsedByOwner.Select(o => (o.Owner, o.Elapsed)).Should().Equal(
            ("desk", Duration.FromHours(1)),
            ("apps", Duration.FromHours(2)),
            ("net", Duration.FromMinutes(45)));
    }

    [Fact]
    public void Changed_is_refused_in_a_rule_condition_with_its_position()
    {
        var yaml = LifecyclePolicy.Yaml.Replace("when: assignee == \"apps\"", "when: changed(assignee)", System.StringComparison.Ordinal);

        var result = PolicyLoader.Load(yaml, "bad.yaml");

        result.Policy.Should().BeNull();
        var error = result.Errors.Should().ContainSingle().Subject;
        error.Code.Should().Be(DiagnosticCodes.ChangedOutsideClock);
        error.Location.Line.Should().Be(41);
        error.Location.Column.Should().Be(11);
    }

    [Theory]
    [InlineData("retarget: sometimes", "'retarget' of clock 'strict' is 'retroactive' or 'strictest'")]
    [InlineData("repeat: maybe", "'repeat' in clock 'strict' must be true or false")]
    public void A_bad_lifecycle_value_is_a_positioned_error(string line, string message)
    {
        var yaml = LifecyclePolicy.Yaml.Replace("retarget: strictest", line, System.StringComparison.Ordinal);

        var result = PolicyLoader.Load(yaml, "bad.yaml");

        result.Policy.Should().BeNull();
        result.Errors.Should().ContainSingle().Which.Message.Should().Contain(message);
    }
}
