using System;
using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;
using Xunit;

namespace SlaEngine.Tests.Reliability;

/// <summary>
/// Calendars at the edges, through whole policies: unusual offsets and DST (Kathmandu +05:45, Lord Howe's half-hour
/// DST), Samoa's skipped day, a calendar open one minute a week with a one-week target, and the ends of time.
/// </summary>
public sealed class CalendarEdgePolicyTests
{
    private static readonly Policy Edges = PolicyLoader.LoadOrThrow("""
        format: slaengine/v1
        policy: edges
        calendars:
          kathmandu: { zone: Asia/Kathmandu, hours: { mon-fri: "09:00-17:00" } }
          lord-howe: { zone: Australia/Lord_Howe, hours: { mon-sun: "01:00-03:00" } }
          apia: { zone: Pacific/Apia, hours: { mon-sun: "09:00-17:00" } }
          minute: { zone: UTC, hours: { wed: "10:00-10:01" } }
        teams:
          ktm: { name: Kathmandu, calendar: kathmandu }
          lhi: { name: Lord Howe, calendar: lord-howe }
          apw: { name: Apia, calendar: apia }
          slow: { name: Slow, calendar: minute }
        fields:
          team: { type: team }
          scheduledStart: { type: instant, required: false }
        clocks:
          resolve: { stopWhen: 'team == "ktm" && false' }
        rules:
          - id: ktm
            when: team == "ktm"
            owner: ktm
            targets: { resolve: { within: 1h } }
          - id: lhi
            when: team == "lhi"
            owner: lhi
            targets: { resolve: { within: 2h } }
          - id: apw
            when: team == "apw"
            owner: apw
            targets: { resolve: { within: 2h } }
          - id: slow
            when: team == "slow"
            owner: slow
            notice: { to: [slow], before: scheduledStart, atLeast: 1w }
            targets: { resolve: { within: 1w } }
            escalations:
              - { clock: resolve, at: "50%", notify: [slow] }
              - { clock: resolve, at: breach, notify: [slow] }
              - { clock: resolve, at: "breach+1w", notify: [slow] }
        """, "edges.yaml");

    private static Decision Decide(string team, Instant at, Instant? scheduledStart = null)
    {
        var builder = Edges.NewEvent(at).Set("team", team);
        if (scheduledStart is { } s)
        {
            builder.Set("scheduledStart", s);
        }

        var decision = Edges.Evaluate(builder.Build());
        decision.ToJson().Should().NotBeNullOrEmpty();
        return decision;
    }

    [Fact]
    public void Kathmandu_counts_from_its_quarter_hour_offset()
    {
        // Monday 2026-11-23 16:30 +05:45 = 10:45Z; half an hour today, the other half from Tuesday 09:00 (03:15Z).
        Decide("ktm", Instant.FromUtc(2026, 11, 23, 10, 45)).Deadlines.Single().Due.Should().Be(Instant.FromUtc(2026, 11, 24, 3, 45));
    }

    [Fact]
    public void Lord_howe_loses_half_an_hour_of_open_time_when_its_dst_starts()
    {
        // Sunday 2026-10-04 02:00 +10:30 jumps to 02:30 +11: that day's 01:00-03:00 holds 1h30m. Submitted at 01:00
        // (2026-10-03T14:30Z), 2h of open time end on Monday at 01:30 +11 (2026-10-04T14:30Z).
        Decide("lhi", Instant.FromUtc(2026, 10, 3, 14, 30)).Deadlines.Single().Due.Should().Be(Instant.FromUtc(2026, 10, 4, 14, 30));
    }

    [Fact]
    public void Apia_skips_the_30th_of_december_2011_and_counts_on()
    {
        // Thursday 2011-12-29 16:00 -10:00 = 2011-12-30T02:00Z: one hour that day; Friday the 30th does not exist in
        // Samoa; Saturday the 31st opens at 09:00 +14:00 = 2011-12-30T19:00Z, and the second hour ends at 20:00Z.
        Decide("apw", Instant.FromUtc(2011, 12, 30, 2, 0)).Deadlines.Single().Due.Should().Be(Instant.FromUtc(2011, 12, 30, 20, 0));
    }

    [Fact]
    public void A_calendar_open_one_minute_a_week_with_a_one_week_target_is_due_10080_weeks_later()
    {
        var submitted = Instant.FromUtc(2026, 11, 25, 10, 0); // a Wednesday at opening

        var decision = Hostile.WithinTime(TimeSpan.FromSeconds(20), () => Decide("slow", submitted, submitted + Duration.FromDays(7)), () => "one minute a week");

        var due = decision.Deadlines.Single().Due;
        due.Should().Be(Instant.FromUtc(2026, 11, 25, 10, 1) + Duration.FromDays(7 * 10_079), "10,080 minutes at one a week");
        decision.Escalations.Select(e => e.At).Should().Equal(
            Instant.FromUtc(2026, 11, 25, 10, 1) + Duration.FromDays(7 * 5_039),
            due,
            Instant.FromUtc(2026, 11, 25, 10, 1) + Duration.FromDays(7 * 20_159));
        decision.Notice!.Met.Should().BeFalse("a week of open time before next Wednesday is 10,080 weeks back");
        decision.Violations.Select(v => v.Code).Should().Contain(Violation.NoticePeriod);

        var ticket = Edges.Track(Edges.NewEvent(submitted).Set("team", "slow").Build());
        // Like breach (elapsed > target), a step fires once elapsed exceeds its offset: with exactly half elapsed
        // (over the closed week) it has not fired; thirty open seconds later it has, at the decision's instant.
        var half = ticket.StatusAt(submitted + Duration.FromDays(7 * 5_040)).ClockFor("resolve")!;
        half.Elapsed.Should().Be(Duration.FromMinutes(5_040));
        half.Escalations.Should().BeEmpty();
        var status = ticket.StatusAt(submitted + Duration.FromDays(7 * 5_040) + Duration.FromSeconds(30)).ClockFor("resolve")!;
        status.Escalations.Should().ContainSingle().Which.Should().Match<SlaEngine.Tracking.FiredEscalation>(e => e.Point == "50%" && e.At == decision.Escalations[0].At);
    }

    [Theory]
    [InlineData("slow")]
    [InlineData("ktm")]
    [InlineData("lhi")]
    [InlineData("apw")]
    public void Near_the_end_of_time_a_deadline_is_an_out_of_range_violation_never_an_exception(string team)
    {
        foreach (var at in new[] { Instant.FromUtc(9999, 12, 31, 23, 0), Instant.FromUtc(9999, 12, 24, 0, 0), Instant.MaxValue - Duration.FromHours(1) })
        {
            var decision = Decide(team, at, at);
            if (decision.Deadlines.IsEmpty)
            {
                decision.Violations.Should().Contain(v => v.Code == Violation.OutOfRange, "{0} at {1}", team, at);
            }

            Edges.Track(Edges.NewEvent(at).Set("team", team).Build()).StatusAt(Instant.MaxValue).Clocks.Should().NotBeNull();
        }

        // The slow calendar's one-week target lasts 193 years: from 9900 it runs past the end of time.
        if (team == "slow")
        {
            Decide(team, Instant.FromUtc(9900, 1, 1, 0, 0)).Violations.Should().Contain(v => v.Code == Violation.OutOfRange);
        }
    }

    [Theory]
    [InlineData("slow")]
    [InlineData("ktm")]
    [InlineData("lhi")]
    [InlineData("apw")]
    public void Near_the_start_of_time_a_notice_counted_backwards_is_an_out_of_range_violation_never_an_exception(string team)
    {
        foreach (var at in new[] { Instant.MinValue, Instant.FromUtc(-9998, 1, 1, 1, 0), Instant.FromUtc(-9998, 1, 10, 0, 0) })
        {
            var decision = Decide(team, at, at);
            if (team == "slow")
            {
                decision.Violations.Should().Contain(v => v.Code == Violation.OutOfRange, "a week of minutes before the start of time does not exist");
            }

            DecisionExplainer.Explain(Edges, decision).Should().NotBeNullOrEmpty();
            Edges.Track(Edges.NewEvent(at).Set("team", team).Build()).StatusAt(at + Duration.FromDays(30)).Clocks.Should().NotBeNull();
        }
    }
}
