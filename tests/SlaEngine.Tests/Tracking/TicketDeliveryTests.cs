using System.Collections.Generic;
using System.Linq;
using CsCheck;
using FluentAssertions;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;
using SlaEngine.Tracking;
using Xunit;
using static SlaEngine.Tests.Tracking.LifecyclePolicy;

namespace SlaEngine.Tests.Tracking;

public sealed class TicketDeliveryTests
{
    private static readonly string[] Statuses = ["new", "triaged", "working", "waiting", "resolved", "cancelled"];
    private static readonly string?[] Assignees = ["apps", "net", null];

    [Fact]
    public void An_entry_whose_id_the_ticket_holds_is_ignored()
    {
        var ticket = Submit(At(23, 9)).Append(At(23, 10), Changes(("status", "triaged")), "evt-2");

        var again = ticket.Append(At(23, 10, 30), Changes(("status", "resolved")), "evt-2");

        again.Should().BeSameAs(ticket);
        ticket.Contains("evt-2").Should().BeTrue();
    }

    [Fact]
    public void A_timeline_file_with_ids_and_a_late_entry_reads_in_time_order()
    {
        var read = Subject.ReadTimeline("""
            [{"id": "e1", "at": "2026-11-23T09:00:00Z", "set": {}},
             {"id": "e3", "at": "2026-11-23T11:00:00Z", "set": {"status": "working"}},
             {"id": "e2", "at": "2026-11-23T10:00:00Z", "set": {"status": "triaged"}},
             {"id": "e2", "at": "2026-11-23T10:30:00Z", "set": {"status": "resolved"}}]
            """);

        read.Success.Should().BeTrue(read.Error?.Message);
        read.Ticket!.Entries.Select(e => e.Id).Should().Equal("e1", "e2", "e3");
        read.Ticket.StatusAt(At(23, 12)).ClockFor("respond")!.Elapsed.Should().Be(Duration.FromHours(1));
    }

    [Fact]
    public void A_ticket_round_trips_through_json_with_the_policy_digest()
    {
        var ticket = Submit(At(23, 9), ("priority", "P2"))
            .Append(At(23, 10), Changes(("assignee", "apps"), ("status", "triaged")), "a")
            .Append(At(23, 11), Changes(("assignee", null)), "b");

        var json = ticket.ToJson();
        var read = Subject.ReadTicket(json);

        read.Success.Should().BeTrue(read.Error?.Message);
        read.Warnings.Should().BeEmpty();
        read.Ticket!.ToJson().Should().Be(json);
        SlaJson.ToJson(read.Ticket.StatusAt(At(23, 12))).Should().Be(SlaJson.ToJson(ticket.StatusAt(At(23, 12))));
        json.Should().Contain($"\"policyDigest\":\"{Subject.Digest}\"");
        Subject.Digest.Should().MatchRegex("^sha256:[0-9a-f]{64}$");
    }

    [Fact]
    public void A_ticket_stored_under_another_digest_warns_or_is_refused_on_request()
    {
        var edited = PolicyLoader.LoadOrThrow(LifecyclePolicy.Yaml + "\n# edited\n", "edited.yaml");
        var json = Submit(At(23, 9)).ToJson();

        var lenient = edited.ReadTicket(json);
        var strict = edited.ReadTicket(json, refuseOtherDigest: true);

        lenient.Success.Should().BeTrue();
        lenient.Warnings.Should().ContainSingle().Which.Should().Contain("digest");
        strict.Success.Should().BeFalse();
        strict.Error!.Message.Should().Contain(edited.Digest);
    }

    [Fact]
    public void One_timeline_applies_to_two_policies()
    {
        var timeline = Timeline.Empty.Add(At(23, 9), Changes()).Add(At(23, 10), Changes(("status", "waiting")));
        var other = PolicyLoader.LoadOrThrow(LifecyclePolicy.Yaml.Replace("within: 8h, calendar: biz", "within: 6h, calendar: biz", System.StringComparison.Ordinal), "other.yaml");

        var here = Subject.Track(timeline).Ticket!.StatusAt(At(23, 12)).ClockFor("resolve")!;
        var there = other.Track(timeline).Ticket!.StatusAt(At(23, 12)).ClockFor("resolve")!;

        (here.State, here.Elapsed, here.Target).Should().Be((ClockState.Paused, Duration.FromHours(1), Duration.FromHours(8)));
        (there.State, there.Elapsed, there.Target).Should().Be((ClockState.Paused, Duration.FromHours(1), Duration.FromHours(6)));
    }

    private static Gen<List<(int Minutes, string Status, string? Assignee)>> Entries =>
        Gen.Select(Gen.Int[1, 3000], Gen.Int[0, Statuses.Length - 1], Gen.Int[0, Assignees.Length - 1])
            .Select((m, s, a) => (m, Statuses[s], Assignees[a])).List[0, 12]
            .Where(l => l.Select(e => e.Item1).Distinct().Count() == l.Count);

    private static string StatusJson(Ticket ticket, Instant at) => SlaJson.ToJson(ticket.StatusAt(at));

    [Fact]
    public void Entries_with_distinct_instants_give_the_same_status_in_any_delivery_order()
    {
        Gen.Select(Entries, Gen.Int).Sample((entries, seed) =>
        {
            var inOrder = Build(entries.OrderBy(e => e.Minutes));
            var shuffled = Build(entries.OrderBy(e => (e.Minutes * 7919) ^ seed));
            foreach (var minutes in new[] { 0, 500, 1500, 3001, 6000 })
            {
                StatusJson(shuffled, At(23, 9) + Duration.FromMinutes(minutes)).Should().Be(StatusJson(inOrder, At(23, 9) + Duration.FromMinutes(minutes)));
            }
        }, iter: 200);
    }

    [Fact]
    public void Redelivering_any_entry_changes_nothing()
    {
        Gen.Select(Entries.Where(l => l.Count > 0), Gen.Int[0, 100]).Sample((entries, pick) =>
        {
            var ticket = Build(entries);
            var (minutes, status, assignee) = entries[pick % entries.Count];
            var again = ticket.Append(At(23, 9) + Duration.FromMinutes(minutes + 1), Changes(("status", status)), $"e{minutes}");
            again.Should().BeSameAs(ticket);
            _ = assignee;
        }, iter: 100);
    }

    private static Ticket Build(IEnumerable<(int Minutes, string Status, string? Assignee)> entries)
    {
        var ticket = Submit(At(23, 9));
        foreach (var (minutes, status, assignee) in entries)
        {
            ticket = ticket.Append(At(23, 9) + Duration.FromMinutes(minutes), Changes(("status", status), ("assignee", assignee)), $"e{minutes}");
        }

        return ticket;
    }
}
