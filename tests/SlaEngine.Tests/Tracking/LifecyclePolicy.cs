using System.Collections.Generic;
using System.Linq;
using NodaTime;
using SlaEngine.Tracking;

namespace SlaEngine.Tests.Tracking;

/// <summary>
/// A policy whose clocks use every lifecycle key, on UTC calendars so expected figures are easy to check by hand.
/// 2026-11-23 is a Monday. biz: mon-fri 09:00-17:00. Targets: triage 30m (24x7), respond 2h (biz), resolve 8h (biz;
/// P1: 2h; ladder 50% and breach), handle 4h (24x7, ladder breach).
/// </summary>
internal static class LifecyclePolicy
{
    public const string Yaml = """
        format: slaengine/v1
        policy: lifecycle-test
        version: "1"
        calendars:
          biz:
            zone: Etc/UTC
            hours:
              mon-fri: "09:00-17:00"
        teams:
          desk: { name: Desk, calendar: biz }
          apps: { name: Apps, calendar: biz }
          net: { name: Network, calendar: biz }
          boss: { name: Boss }
        fields:
          priority: { type: enum, values: [P1, P2, P3], default: P3 }
          status: { type: enum, values: [new, triaged, working, waiting, resolved, cancelled], default: new }
          assignee: { type: team, required: false }
          plain: { type: bool, default: false }
        clocks:
          triage:
            stopWhen: status != "new"
            cancelWhen: status == "cancelled"
          respond:
            startWhen: status == "triaged"
            stopWhen: status in ["working", "waiting", "resolved"]
            cancelWhen: status == "cancelled"
          resolve:
            pauseWhen: status == "waiting"
            stopWhen: status == "resolved"
            cancelWhen: status == "cancelled"
            repeat: true
          strict:
            stopWhen: status == "resolved"
            retarget: strictest
          handle:
            startWhen: has(assignee)
            resetWhen: changed(assignee)
            stopWhen: status == "resolved"
        rules:
          - id: apps
            when: assignee == "apps"
            owner: apps
          - id: net
            when: assignee == "net"
            owner: net
          - id: p1
            when: priority == "P1"
            targets:
              resolve: { within: 2h, calendar: biz }
              strict: { within: 1h, calendar: 24x7 }
          - id: standard
            owner: desk
            targets:
              triage: { within: 30m, calendar: 24x7 }
              respond: { within: 2h }
              resolve: { within: 8h, calendar: biz }
              strict: { within: 4h, calendar: 24x7 }
              handle: { within: 4h, calendar: 24x7 }
            escalations:
              - { clock: resolve, at: "50%", notify: [boss] }
              - { clock: resolve, at: breach, notify: [boss, desk] }
              - { clock: handle, at: breach, notify: [boss] }
        """;

    private static Policy? _policy;

    public static Policy Subject => _policy ??= PolicyLoader.LoadOrThrow(Yaml, "lifecycle-test.yaml");

    /// <summary>An instant in UTC in the week of Monday 2026-11-23.</summary>
    public static Instant At(int day, int hour, int minute = 0) => Instant.FromUtc(2026, 11, day, hour, minute);

    /// <summary>A ticket submitted at <paramref name="at"/> with no field set.</summary>
    public static Ticket Submit(Instant at, params (string Field, object? Value)[] values) =>
        Track(Timeline.Empty.Add(at, Changes(values)));

    public static Ticket Track(Timeline timeline)
    {
        var read = Subject.Track(timeline);
        return read.Success ? read.Ticket : throw new System.InvalidOperationException(read.Error.Message);
    }

    public static Ticket Set(this Ticket ticket, Instant at, params (string Field, object? Value)[] values) =>
        ticket.Append(at, Changes(values));

    public static Dictionary<string, object?> Changes(params (string Field, object? Value)[] values) =>
        values.ToDictionary(v => v.Field, v => v.Value);
}
