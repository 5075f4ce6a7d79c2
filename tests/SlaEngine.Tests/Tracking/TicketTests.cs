using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Tracking;
using Xunit;
using static SlaEngine.Tests.Evaluation.TestPolicy;

namespace SlaEngine.Tests.Tracking;

public sealed class TicketTests
{
    private static Ticket Submit(Instant at, params (string Field, object? Value)[] values) => Subject.Track(Event(at, values));

    private static Ticket Set(Ticket ticket, Instant at, params (string Field, object? Value)[] values) =>
        ticket.Append(at, values.Select(v => new KeyValuePair<string, object?>(v.Field, v.Value)));

    [Fact]
    public void A_new_ticket_runs_every_clock_that_has_a_target()
    {
        var status = Submit(Utc(11, 24, 10), ("category", "a")).StatusAt(Utc(11, 24, 10, 30));

        var ack = status.ClockFor("ack")!;
        ack.State.Should().Be(ClockState.Running);
        ack.Elapsed.Should().Be(Duration.FromMinutes(30));
        ack.Remaining.Should().Be(Duration.FromMinutes(30));
        ack.Due.Should().Be(Utc(11, 24, 11));
        ack.Breached.Should().BeFalse();
        status.ClockFor("fix")!.Due.Should().Be(Utc(11, 25, 10));
    }

    [Fact]
    public void A_clock_status_writes_its_amounts_as_policies_write_durations()
    {
        var ack = Submit(Utc(11, 24, 10), ("category", "a")).StatusAt(Utc(11, 24, 11, 30)).ClockFor("ack")!;

        ack.ToString().Should().Be("ack: Running cycle 1, 1h30m of 1h", "90 minutes have run against a 1-hour target");
        ack.ElapsedByOwner.Should().ContainSingle().Which.ToString().Should().EndWith(": 1h30m");
    }

    [Fact]
    public void Waiting_pauses_the_fix_clock_and_work_resumes_it()
    {
        var t = Submit(Utc(11, 24, 10), ("category", "a"));
        t = Set(t, Utc(11, 24, 10, 30), ("status", "working"));
        t = Set(t, Utc(11, 24, 12), ("status", "waiting"));

        var paused = t.StatusAt(Utc(11, 24, 15));
        paused.ClockFor("fix")!.State.Should().Be(ClockState.Paused);
        paused.ClockFor("fix")!.Elapsed.Should().Be(Duration.FromHours(2));
        paused.ClockFor("fix")!.Due.Should().BeNull();
        paused.ClockFor("ack")!.State.Should().Be(ClockState.Stopped);
        paused.ClockFor("ack")!.Elapsed.Should().Be(Duration.FromMinutes(30));

        t = Set(t, Utc(11, 25, 10), ("status", "working"));
        var running = t.StatusAt(Utc(11, 25, 13));
        var fix = running.ClockFor("fix")!;
        fix.State.Should().Be(ClockState.Running);
        fix.Elapsed.Should().Be(Duration.FromHours(5));
        fix.Remaining.Should().Be(Duration.FromHours(3));
        fix.Due.Should().Be(Utc(11, 25, 16));
        fix.Escalations.Select(e => (e.Point, e.At)).Should().Equal(("50%", Utc(11, 25, 12)));
    }

    [Fact]
    public void A_pause_across_closed_hours_counts_only_open_time_while_running()
    {
        var t = Submit(Utc(11, 24, 10), ("category", "a"));
        t = Set(t, Utc(11, 24, 16), ("status", "waiting"));
        t = Set(t, Utc(11, 25, 10), ("status", "working"));

        t.StatusAt(Utc(11, 25, 11)).ClockFor("fix")!.Elapsed.Should().Be(Duration.FromHours(7), "6h on Tuesday and 1h on Wednesday");
    }

    [Fact]
    public void A_clock_stopped_exactly_at_its_target_has_met_it()
    {
        var t = Set(Submit(Utc(11, 24, 10), ("category", "a")), Utc(11, 24, 11), ("status", "working"));

        var ack = t.StatusAt(Utc(11, 24, 15)).ClockFor("ack")!;
        ack.State.Should().Be(ClockState.Stopped);
        ack.Elapsed.Should().Be(Duration.FromHours(1));
        ack.Breached.Should().BeFalse();
        ack.BreachedAt.Should().BeNull();
        ack.Due.Should().BeNull();
    }

    [Fact]
    public void A_clock_stopped_one_minute_after_its_target_is_breached_at_the_target()
    {
        var t = Set(Submit(Utc(11, 24, 10), ("category", "a")), Utc(11, 24, 11, 1), ("status", "working"));

        var ack = t.StatusAt(Utc(11, 24, 15)).ClockFor("ack")!;
        ack.Breached.Should().BeTrue();
        ack.BreachedAt.Should().Be(Utc(11, 24, 11));
        ack.Remaining.Should().Be(Duration.Zero);
    }

    [Fact]
    public void A_stopped_clock_stays_stopped_when_its_stop_condition_no_longer_holds()
    {
        var t = Submit(Utc(11, 24, 10), ("category", "a"));
        t = Set(t, Utc(11, 24, 10, 20), ("status", "working"));
        t = Set(t, Utc(11, 24, 10, 40), ("status", "new"));

        t.StatusAt(Utc(11, 24, 12)).ClockFor("ack")!.State.Should().Be(ClockState.Stopped);
        t.StatusAt(Utc(11, 24, 12)).ClockFor("ack")!.Elapsed.Should().Be(Duration.FromMinutes(20));
    }

    [Fact]
    public void Raising_to_an_emergency_applies_its_target_from_submission_and_lowering_restores_the_old_one()
    {
        var t = Submit(Utc(11, 24, 10), ("category", "a"));
        t = Set(t, Utc(11, 24, 11), ("emergency", true));

        var raised = t.StatusAt(Utc(11, 24, 14, 30)).ClockFor("fix")!;
        raised.Target.Should().Be(Duration.FromHours(4));
        raised.CalendarId.Should().Be("24x7");
        raised.Breached.Should().BeTrue();
        raised.BreachedAt.Should().Be(Utc(11, 24, 14));
        raised.Escalations.Select(e => e.Point).Should().Equal("50%", "breach");

        t = Set(t, Utc(11, 24, 15), ("emergency", false));
        var lowered = t.StatusAt(Utc(11, 24, 15, 30)).ClockFor("fix")!;
        lowered.Target.Should().Be(Duration.FromHours(8));
        lowered.CalendarId.Should().Be("biz");
        lowered.Breached.Should().BeFalse();
        lowered.Elapsed.Should().Be(Duration.FromMinutes(330));
    }

    [Fact]
    public void The_calendar_of_a_clock_changes_with_the_owner()
    {
        var t = Submit(Utc(11, 24, 10), ("category", "a"));
        t.StatusAt(Utc(11, 24, 21)).ClockFor("ack")!.CalendarId.Should().Be("biz");

        t = Set(t, Utc(11, 24, 12), ("category", "b"));
        var ack = t.StatusAt(Utc(11, 24, 21)).ClockFor("ack")!;
        ack.CalendarId.Should().Be("nights");
        ack.Elapsed.Should().Be(Duration.FromHours(1), "infra's nights calendar opened at 20:00");
        ack.Due.Should().Be(Utc(11, 24, 22));
    }

    [Fact]
    public void Escalations_fire_by_elapsed_open_time_not_wall_time()
    {
        var t = Submit(Utc(11, 24, 16), ("category", "a"));

        t.StatusAt(Utc(11, 24, 23)).ClockFor("fix")!.Escalations.Should().BeEmpty("only 1h of biz time has run");
        var fix = t.StatusAt(Utc(11, 25, 13)).ClockFor("fix")!;
        fix.Escalations.Select(e => (e.Point, e.At)).Should().Equal(("50%", Utc(11, 25, 12)));
    }

    [Fact]
    public void Entries_at_equal_instants_apply_in_order()
    {
        var t = Submit(Utc(11, 24, 10), ("category", "a"));
        t = Set(t, Utc(11, 24, 11), ("status", "waiting"));
        t = Set(t, Utc(11, 24, 11), ("status", "working"));

        t.StatusAt(Utc(11, 24, 12)).ClockFor("fix")!.State.Should().Be(ClockState.Running);
        t.StatusAt(Utc(11, 24, 12)).ClockFor("fix")!.Elapsed.Should().Be(Duration.FromHours(2));
    }

    [Fact]
    public void An_entry_before_the_last_is_placed_in_time_order_and_what_follows_is_recomputed()
    {
        var t = Set(Submit(Utc(11, 24, 10), ("category", "a")), Utc(11, 24, 12), ("status", "working"));

        var late = Set(t, Utc(11, 24, 11), ("status", "waiting"));

        late.Entries.Select(e => e.At).Should().Equal(Utc(11, 24, 10), Utc(11, 24, 11), Utc(11, 24, 12));
        late.Entries.Select(e => e.Index).Should().Equal(0, 1, 2);
        late.Current.GetValue("status").Should().Be("working", "the entry at 12:00 still comes last");
        late.StatusAt(Utc(11, 24, 13)).ClockFor("fix")!.Elapsed.Should().Be(Duration.FromHours(2), "fix ran 10:00-11:00, waited 11:00-12:00, ran 12:00-13:00");
        t.Entries.Should().HaveCount(2, "the earlier ticket is unchanged");
    }

    [Fact]
    public void An_entry_before_the_submission_is_refused_naming_the_entry()
    {
        var t = Set(Submit(Utc(11, 24, 10), ("category", "a")), Utc(11, 24, 12), ("status", "working"));

        var act = () => Set(t, Utc(11, 24, 9), ("status", "done"));

        act.Should().Throw<TimelineException>().Where(e => e.EntryIndex == 2 && e.Message.Contains("entry 2") && e.Message.Contains("before the submission"));
    }

    [Fact]
    public void An_entry_with_an_invalid_value_is_refused_naming_the_entry_and_the_field()
    {
        var t = Submit(Utc(11, 24, 10), ("category", "a"));

        var act = () => Set(t, Utc(11, 24, 11), ("status", "bogus"));

        act.Should().Throw<TimelineException>().Where(e => e.EntryIndex == 1 && e.Message.Contains("status") && e.Errors.Length == 1);
    }

    [Fact]
    public void Appending_leaves_the_earlier_ticket_unchanged()
    {
        var t0 = Submit(Utc(11, 24, 10), ("category", "a"));
        var t1 = Set(t0, Utc(11, 24, 10, 30), ("status", "working"));

        t0.Entries.Should().HaveCount(1);
        t1.Entries.Should().HaveCount(2);
        t0.StatusAt(Utc(11, 24, 12)).ClockFor("ack")!.State.Should().Be(ClockState.Running);
    }

    [Fact]
    public void Status_before_submission_is_the_status_at_submission()
    {
        var status = Submit(Utc(11, 24, 10), ("category", "a")).StatusAt(Utc(11, 20, 10));

        status.At.Should().Be(Utc(11, 24, 10));
        status.ClockFor("ack")!.Elapsed.Should().Be(Duration.Zero);
    }
}
