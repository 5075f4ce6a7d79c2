using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SlaEngine.DependencyInjection;
using SlaEngine.Evaluation;
using SlaEngine.Ingestion;
using SlaEngine.Reporting;
using SlaEngine.Tracking;
using Xunit;

namespace SlaEngine.Samples.SlaService.Tests;

public sealed class SlaServiceTests
{
    private const string Jira = "jira-service-management";
    private static readonly Instant Created = Instant.FromUtc(2026, 11, 17, 14, 5);

    private static string Payloads(string tool) => Path.Combine(AppContext.BaseDirectory, "mappings", tool);

    private static PayloadMapping MappingFor(RunningService service, string tool) =>
        MappingLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "mappings", tool + ".mapping.yaml"), service.Policy).Mapping!;

    /// <summary>
    /// The sample Jira creation payload as a P1 emergency already in progress: resolve within 4 h around the clock,
    /// escalated at 50% and at breach (the acknowledge clock stops at once, so it escalates nothing).
    /// </summary>
    private static byte[] EmergencyCreated()
    {
        var payload = JsonNode.Parse(File.ReadAllText(Path.Combine(Payloads(Jira), "01-issue-created.json")))!;
        payload["issue"]!["fields"]!["priority"]!["name"] = "Highest";
        payload["issue"]!["fields"]!["status"]!["name"] = "In Progress";
        payload["issue"]!["fields"]!["customfield_10202"]!["value"] = "Yes";
        return Encoding.UTF8.GetBytes(payload.ToJsonString());
    }

    [Fact]
    public async Task A_jira_tickets_life_through_webhooks_gives_the_status_the_library_gives_on_the_same_timeline()
    {
        await using var service = await RunningService.StartAsync(Created);
        var mapping = MappingFor(service, Jira);
        var timeline = Timeline.Empty;

        foreach (var file in Directory.GetFiles(Payloads(Jira), "0*.json").Order())
        {
            var payload = File.ReadAllBytes(file);
            var mapped = mapping.Map(payload);
            if (!mapped.IsMapped)
            {
                (await service.PostAsync(Jira, payload)).Status.Should().Be(202, file);
                continue;
            }

            service.AdvanceTo(mapped.Entry.At + Duration.FromMinutes(3));
            var (code, body) = await service.PostAsync(Jira, payload);
            timeline = timeline.Add(mapped.Entry.At, mapped.Entry.Set, mapped.Entry.Id);
            var expected = service.Policy.Track(timeline).Ticket!.StatusAt(mapped.Entry.At + Duration.FromMinutes(3));

            code.Should().Be(200, file);
            body.GetProperty("ticket").GetString().Should().Be("CC-142");
            body.GetProperty("status").GetRawText().Should().Be(SlaJson.ToJson(expected), file);
            body.GetProperty("policy").GetProperty("digest").GetString().Should().Be(service.Policy.Digest);
        }

        service.AdvanceTo(Instant.FromUtc(2026, 11, 19, 12, 0));
        var (getCode, got) = await service.GetAsync("/tickets/CC-142/sla");
        getCode.Should().Be(200);
        got.GetProperty("status").GetRawText().Should().Be(SlaJson.ToJson(service.Policy.Track(timeline).Ticket!.StatusAt(Instant.FromUtc(2026, 11, 19, 12, 0))));
    }

    [Fact]
    public async Task Eight_clients_sending_shuffled_and_repeated_changes_lose_nothing_and_apply_nothing_twice()
    {
        const int tickets = 100, changes = 20;
        var start = Instant.FromUtc(2026, 11, 16, 13, 0);
        var end = start + Duration.FromDays(3);
        await using var service = await RunningService.StartAsync(end);
        var payloads = Enumerable.Range(0, tickets).SelectMany(t => Enumerable.Range(0, changes).Select(c => ZendeskEvent(t, c, start))).ToList();
        var random = new Random(2311);
        var sent = payloads.Concat(payloads.Where((_, i) => i % 4 == 0)).OrderBy(_ => random.Next()).ToList();
        var queue = new System.Collections.Concurrent.ConcurrentQueue<byte[]>(sent);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (queue.TryDequeue(out var payload))
            {
                var (code, body) = await service.PostAsync("zendesk", payload);
                if (code != 200)
                {
                    failures.Add($"{code}: {body}");
                }
            }
        })));

        failures.Should().BeEmpty();
        using (var connection = new SqliteConnection($"Data Source={service.DatabasePath}"))
        {
            connection.Open();
            using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*), COUNT(DISTINCT ticket), COUNT(DISTINCT ticket || '/' || entry_id) FROM entries";
            using var reader = count.ExecuteReader();
            reader.Read();
            (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2)).Should().Be((tickets * changes, tickets, tickets * changes));
        }

        var mapping = MappingFor(service, "zendesk");
        foreach (var group in payloads.Select(p => mapping.Map(p).Entry!).GroupBy(e => e.Ticket))
        {
            var timeline = group.OrderBy(e => e.At).Aggregate(Timeline.Empty, (t, e) => t.Add(e.At, e.Set, e.Id));
            var expected = service.Policy.Track(timeline).Ticket!.StatusAt(end);
            var (code, body) = await service.GetAsync($"/tickets/{group.Key}/sla");
            code.Should().Be(200);
            body.GetProperty("status").GetRawText().Should().Be(SlaJson.ToJson(expected), group.Key);
        }
    }

    /// <summary>A Zendesk ticket event: change <paramref name="change"/> of ticket <paramref name="ticket"/>, with its own event id and the ticket's properties after it.</summary>
    private static byte[] ZendeskEvent(int ticket, int change, Instant start)
    {
        string[] groups = ["360011001", "360011007", "360011008", "360011009"];
        string[] statuses = ["NEW", "OPEN", "PENDING", "OPEN", "HOLD", "OPEN"];
        string[] priorities = ["LOW", "NORMAL", "HIGH", "URGENT"];
        var at = start + Duration.FromMinutes((ticket * 3) + (change * 41));
        var status = change == changes - 1 && ticket % 3 == 0 ? "SOLVED" : statuses[change % statuses.Length];
        var payload = new JsonObject
        {
            ["type"] = change == 0 ? "zen:event-type:ticket.created" : "zen:event-type:ticket.status_changed",
            ["id"] = $"evt-{ticket}-{change}",
            ["time"] = NodaTime.Text.InstantPattern.ExtendedIso.Format(at),
            ["subject"] = $"zen:ticket:{ticket}",
            ["detail"] = new JsonObject
            {
                ["id"] = (70000 + ticket).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["group_id"] = groups[ticket % groups.Length],
                ["priority"] = priorities[(ticket + (change / 7)) % priorities.Length],
                ["status"] = status,
                ["subject"] = $"Load ticket {ticket}",
                ["tags"] = new JsonArray("load", $"t{change % 3}"),
            },
            ["event"] = new JsonObject(),
        };
        return Encoding.UTF8.GetBytes(payload.ToJsonString());
    }

    private const int changes = 20;

    [Fact]
    public async Task An_escalation_due_while_the_service_was_stopped_is_delivered_once_after_it_starts_again()
    {
        await using var service = await RunningService.StartAsync(Created + Duration.FromMinutes(1));
        (await service.PostAsync(Jira, EmergencyCreated())).Status.Should().Be(200);
        service.AdvanceTo(Created + Duration.FromHours(1));
        await service.SchedulerPassAsync();
        service.Sink.Received.Should().BeEmpty("the first step is due at 50% of 4 hours");

        await service.StopAsync();
        service.AdvanceTo(Created + Duration.FromHours(2) + Duration.FromMinutes(20));
        await service.StartAgainAsync();
        await service.SchedulerPassAsync();
        await service.SchedulerPassAsync();

        service.Sink.Delivered.Select(r => r.Key).Should().Equal("resolve/1/0");
        var first = service.Sink.Delivered[0];
        first.IdempotencyKey.Should().Be("CC-142/resolve/1/0");
        first.Body.GetProperty("ticket").GetString().Should().Be("CC-142");
        first.Body.GetProperty("clock").GetString().Should().Be("resolve");
        first.Body.GetProperty("cycle").GetInt32().Should().Be(1);
        first.Body.GetProperty("at").GetString().Should().Be("50%");
        first.Body.GetProperty("due").GetString().Should().Be("2026-11-17T16:05:00Z");
        first.Body.GetProperty("notify").EnumerateArray().Select(t => t.GetString()).Should().Equal("it-liaison");

        service.AdvanceTo(Created + Duration.FromHours(4) + Duration.FromMinutes(1));
        await service.SchedulerPassAsync();
        await service.StopAsync();
        await service.StartAgainAsync();
        await service.SchedulerPassAsync();

        service.Sink.Received.Select(r => r.Key).Should().Equal("resolve/1/0", "resolve/1/1");
        service.Sink.Received[1].Body.GetProperty("notify").EnumerateArray().Select(t => t.GetString()).Should().BeEquivalentTo("cio", "cc-director");
    }

    [Fact]
    public async Task A_failing_receiver_is_tried_again_with_a_doubling_delay_until_it_accepts_and_then_never_again()
    {
        await using var service = await RunningService.StartAsync(Created + Duration.FromMinutes(1));
        (await service.PostAsync(Jira, EmergencyCreated())).Status.Should().Be(200);
        service.Sink.FailNext(2);

        service.AdvanceTo(Created + Duration.FromHours(2));
        await service.SchedulerPassAsync();
        service.Sink.Received.Should().ContainSingle().Which.Accepted.Should().BeFalse();

        await service.SchedulerPassAsync();
        service.Sink.Received.Should().HaveCount(1, "the next try waits a minute");
        service.Time.Advance(TimeSpan.FromMinutes(1));
        await service.SchedulerPassAsync();
        service.Sink.Received.Should().HaveCount(2);

        service.Time.Advance(TimeSpan.FromMinutes(1));
        await service.SchedulerPassAsync();
        service.Sink.Received.Should().HaveCount(2, "after a second failure the wait doubles to two minutes");
        service.Time.Advance(TimeSpan.FromMinutes(1));
        await service.SchedulerPassAsync();

        service.Sink.Received.Select(r => (r.IdempotencyKey, r.Accepted)).Should().Equal(
            ("CC-142/resolve/1/0", false), ("CC-142/resolve/1/0", false), ("CC-142/resolve/1/0", true));
        service.Time.Advance(TimeSpan.FromMinutes(30));
        await service.SchedulerPassAsync();
        service.Sink.Received.Should().HaveCount(3);
    }

    [Fact]
    public async Task A_broken_policy_edit_leaves_the_last_good_policy_in_force_and_health_degraded()
    {
        await using var service = await RunningService.StartAsync(Created + Duration.FromMinutes(1));
        var good = File.ReadAllText(service.PolicyPath);
        var digest = service.Policy.Digest;
        var source = (FilePolicySource)service.Services.GetRequiredService<IPolicySource>();

        File.WriteAllText(service.PolicyPath, good.Replace("owner: cc-ops", "owner: cc-opps", StringComparison.Ordinal));
        source.ReloadNow();

        var (code, health) = await service.GetAsync("/health");
        code.Should().Be(200);
        health.GetProperty("status").GetString().Should().Be("degraded");
        health.GetProperty("policy").GetProperty("digest").GetString().Should().Be(digest);
        health.GetProperty("policyErrors").EnumerateArray().Select(e => e.GetString()).Should().Contain(e => e!.Contains("SLA1103") && e.Contains("cc-opps"));
        var (postCode, posted) = await service.PostAsync(Jira, File.ReadAllBytes(Path.Combine(Payloads(Jira), "01-issue-created.json")));
        postCode.Should().Be(200);
        posted.GetProperty("policy").GetProperty("digest").GetString().Should().Be(digest);

        File.WriteAllText(service.PolicyPath, good.Replace("description: Agreed by", "description: Signed by", StringComparison.Ordinal));
        source.ReloadNow();
        (_, health) = await service.GetAsync("/health");
        health.GetProperty("status").GetString().Should().Be("healthy");
        health.GetProperty("policy").GetProperty("digest").GetString().Should().NotBe(digest);
        health.GetProperty("policy").GetProperty("generation").GetInt64().Should().Be(2);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("""{ "webhookEvent": "jira:issue_updated", "timestamp": 1794925200000, "issue": { "key": "CC-9", "fields": { "priority": { "name": "Blocker" } } } }""", "priority: 'Blocker' is not in the field's map")]
    [InlineData("""{ "webhookEvent": "jira:issue_updated", "timestamp": "noon", "issue": { "key": "CC-9" } }""", "at:")]
    [InlineData("""{ "webhookEvent": "jira:issue_updated", "timestamp": 1794925200000, "issue": { "key": "CC-9", "fields": { "summary": "no category" } } }""", "category")]
    public async Task A_bad_payload_gets_a_400_with_the_mappings_message_never_a_500(string payload, string words)
    {
        await using var service = await RunningService.StartAsync(Created);

        var (code, body) = await service.PostAsync(Jira, Encoding.UTF8.GetBytes(payload));

        code.Should().Be(400);
        body.GetProperty("error").GetString().Should().Contain(words);
    }

    [Fact]
    public async Task Deep_nesting_an_unknown_mapping_an_unknown_ticket_and_an_ignored_event_get_clear_answers()
    {
        await using var service = await RunningService.StartAsync(Created);

        (await service.PostAsync(Jira, Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)))).Status.Should().Be(400);
        var (unknown, body) = await service.PostAsync("jira", Encoding.UTF8.GetBytes("{}"));
        unknown.Should().Be(404);
        body.GetProperty("error").GetString().Should().Contain("jira-service-management");
        (await service.GetAsync("/tickets/CC-404/sla")).Status.Should().Be(404);
        var (ignored, why) = await service.PostAsync(Jira, File.ReadAllBytes(Path.Combine(Payloads(Jira), "06-comment-created.json")));
        ignored.Should().Be(202);
        why.GetProperty("ignored").GetString().Should().Contain("comment_created");
    }
}
