using NodaTime;

namespace SlaEngine.Tests.Evaluation;

/// <summary>
/// A small policy on UTC calendars so expected instants are easy to check by hand. 2026-11-23 is a Monday.
/// biz: mon-fri 09:00-17:00 with Christmas; nights: every day 20:00-04:00.
/// </summary>
internal static class TestPolicy
{
    public const string Yaml = """
        format: slaengine/v1
        policy: test
        version: "1"
        calendars:
          biz:
            zone: Etc/UTC
            hours:
              mon-fri: "09:00-17:00"
            holidays:
              - { yearly: "12-25", name: Christmas }
          nights:
            zone: Etc/UTC
            hours:
              mon-sun: "20:00-04:00"
        teams:
          ops: { name: Operations, calendar: biz }
          infra: { name: Infrastructure, calendar: nights }
          boss: { name: Boss }
          liaison: { name: Liaison, calendar: biz }
        fields:
          category: { type: enum, values: [a, b, c] }
          priority: { type: enum, values: [P1, P2, P3], default: P3 }
          emergency: { type: bool, default: false }
          status: { type: enum, values: [new, working, waiting, done], default: new }
          scheduledStart: { type: instant, required: false }
          requestedBy: { type: team, required: false }
          tags: { type: "list<string>", default: [] }
          agents: { type: int, default: 0 }
        clocks:
          ack: { stopWhen: 'status != "new"' }
          fix: { pauseWhen: 'status == "waiting"', stopWhen: 'status == "done"' }
        rules:
          - id: overlay
            when: emergency
            approvers: [boss]
            approval: any
            targets:
              fix: { within: 4h, calendar: 24x7 }
          - id: rule-a
            when: category == "a"
            owner: ops
            consulted: [liaison]
            targets:
              ack: { within: 1h }
              fix: { within: 8h }
            escalations:
              - { clock: fix, at: "50%", notify: [liaison] }
              - { clock: fix, at: breach, notify: [boss] }
              - { clock: fix, at: "breach+2h", notify: [boss, liaison] }
          - id: rule-b
            when: category == "b"
            owner: infra
            informed: [ops]
            targets:
              ack: 2h
              fix: { within: 2bd, calendar: biz }
            notice: { to: [ops], before: scheduledStart, atLeast: 2bd }
            final: true
          - id: catch-all
            approvers: [liaison]
            targets:
              ack: { within: 30m, calendar: 24x7 }
        freezes:
          - id: year-end
            zone: Etc/UTC
            from: 2026-12-20T00:00
            to: 2027-01-02T00:00
            unless: emergency
        """;

    private static Policy? _policy;

    public static Policy Subject => _policy ??= PolicyLoader.LoadOrThrow(Yaml, "test.yaml");

    /// <summary>An event of the test policy submitted at an instant with some fields set.</summary>
    public static SlaEngine.Events.ChangeEvent Event(Instant at, params (string Field, object? Value)[] values)
    {
        var builder = Subject.NewEvent(at);
        foreach (var (field, value) in values)
        {
            builder.Set(field, value);
        }

        return builder.Build();
    }

    public static Instant Utc(int month, int day, int hour, int minute = 0, int year = 2026) =>
        Instant.FromUtc(year, month, day, hour, minute);
}
