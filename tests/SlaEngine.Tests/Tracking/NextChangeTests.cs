using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Tracking;
using Xunit;
using static SlaEngine.Tests.Tracking.LifecyclePolicy;

namespace SlaEngine.Tests.Tracking;

public sealed class NextChangeTests
{
    [Fact]
    public void NextChangeAt_is_the_earliest_breach_or_step_of_a_running_clock()
    {
        // triage 30m on 24x7 from 09:00 breaches at 09:30; resolve 8h on biz: 50% at 13:00, breach 17:00; strict 4h on 24x7: 13:00.
        var status = Submit(At(23, 9)).StatusAt(At(23, 9, 10));

        status.NextChangeAt.Should().Be(At(23, 9, 30));
        status.Pending.Select(p => (p.Key, p.Clock, p.Cycle, p.Point, p.Due)).Should().Equal(
            ("resolve/1/0", "resolve", 1, "50%", At(23, 13)),
            ("resolve/1/1", "resolve", 1, "breach", At(23, 17)));
        status.Pending[1].Notify.Should().Equal("boss", "desk");
    }

    [Fact]
    public void A_step_due_at_the_instant_asked_is_still_pending_and_fires_just_after()
    {
        var ticket = Submit(At(23, 9)).Set(At(23, 9, 5), ("status", "triaged"));

        var at = ticket.StatusAt(At(23, 13));
        var after = ticket.StatusAt(At(23, 13) + Duration.FromSeconds(1));

        at.Pending.Select(p => p.Key).Should().Contain("resolve/1/0");
        at.ClockFor("resolve")!.Escalations.Should().BeEmpty();
        (at.NextChangeAt > At(23, 13)).Should().BeTrue("nextChangeAt is after the instant asked");
        after.Pending.Select(p => p.Key).Should().NotContain("resolve/1/0");
        var fired = after.ClockFor("resolve")!.Escalations.Should().ContainSingle().Subject;
        (fired.Key, fired.At).Should().Be(("resolve/1/0", At(23, 13)));
    }

    [Fact]
    public void A_paused_clock_has_no_pending_steps_no_due_and_no_next_change()
    {
        var ticket = Submit(At(23, 9))
            .Set(At(23, 9, 10), ("status", "triaged"))
            .Set(At(23, 9, 20), ("status", "waiting"));

        var status = ticket.StatusAt(At(23, 10));

        status.ClockFor("resolve")!.State.Should().Be(ClockState.Paused);
        status.ClockFor("resolve")!.Due.Should().BeNull();
        status.Pending.Should().BeEmpty();
        status.NextChangeAt.Should().Be(At(23, 13, 0), "strict (4h on 24x7 from 09:00) still runs");
    }

    [Fact]
    public void A_second_cycle_has_keys_of_its_own()
    {
        var ticket = Submit(At(23, 9))
            .Set(At(23, 10), ("status", "resolved"))
            .Set(At(23, 11), ("status", "working"));

        var status = ticket.StatusAt(At(23, 11, 30));

        status.Pending.Select(p => p.Key).Should().Equal("resolve/2/0", "resolve/2/1");
        status.Pending[0].Due.Should().Be(At(23, 15), "4h of the second cycle's 8h from 11:00");
    }

    [Fact]
    public void Pending_keys_are_stable_while_the_ticket_waits()
    {
        var ticket = Submit(At(23, 9));

        var early = ticket.StatusAt(At(23, 9, 10)).Pending.Select(p => (p.Key, p.Due));
        var later = ticket.StatusAt(At(23, 12)).Pending.Select(p => (p.Key, p.Due));

        later.Should().Equal(early);
    }
}
