using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using FluentAssertions;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Ingestion;
using Xunit;

namespace SlaEngine.Tests.Ingestion;

/// <summary>
/// The five sample mappings map their example payloads exactly. The expected entries are read off the payloads by
/// hand (the instants converted from the vendors' formats to UTC), not taken from the mapper's output.
/// </summary>
public sealed class SampleMappingsTests
{
    private static readonly Policy Reference = PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath);

    private static string Folder => Path.Combine(TestFiles.RepositoryRoot, "samples", "mappings");

    private static PayloadMapping Mapping(string tool)
    {
        var result = MappingLoader.LoadFile(Path.Combine(Folder, tool + ".mapping.yaml"), Reference);
        result.Diagnostics.Should().BeEmpty();
        return result.Mapping!;
    }

    private static MappingResult Map(string tool, string payload) =>
        Mapping(tool).Map(File.ReadAllBytes(Path.Combine(Folder, tool, payload)));

    private static void ShouldMap(string tool, string payload, string ticket, string at, string? id, params (string Field, object Value)[] set)
    {
        var result = Map(tool, payload);

        result.Outcome.Should().Be(MappingOutcome.Mapped, result.ErrorMessage ?? result.IgnoredBecause);
        result.Notes.Should().BeEmpty();
        var entry = result.Entry!;
        entry.Ticket.Should().Be(ticket);
        entry.At.Should().Be(InstantPattern.ExtendedIso.Parse(at).Value);
        entry.Id.Should().Be(id);
        var actual = entry.Set.Select(p => (p.Key, p.Value is ImmutableArray<string> list ? string.Join("|", list) : p.Value)).ToList();
        var expected = set.Select(p => (p.Field, (object?)(p.Value is string[] list ? string.Join("|", list) : p.Value))).ToList();
        actual.Should().Equal(expected);
    }

    private static void ShouldIgnore(string tool, string payload, string because)
    {
        var result = Map(tool, payload);

        result.Outcome.Should().Be(MappingOutcome.Ignored);
        result.IgnoredBecause.Should().Contain(because);
    }

    [Fact]
    public void Every_sample_payload_of_every_tool_is_mapped_or_ignored_never_failed()
    {
        var tools = Directory.GetFiles(Folder, "*.mapping.yaml").Select(f => Path.GetFileName(f)[..^".mapping.yaml".Length]).ToList();

        tools.Should().BeEquivalentTo("jira-service-management", "zendesk", "servicenow", "freshservice", "zammad");
        foreach (var tool in tools)
        {
            foreach (var payload in Directory.GetFiles(Path.Combine(Folder, tool), "*.json"))
            {
                Map(tool, Path.GetFileName(payload)).Outcome.Should().NotBe(MappingOutcome.Failed, payload);
            }
        }
    }

    [Fact]
    public void Jira_service_management_issue_webhooks_map_to_the_issue_key_the_event_instant_and_the_changelog_id()
    {
        const string tool = "jira-service-management";
        var summary = ("summary", (object)"IVR drops callers after the language menu");
        ShouldMap(tool, "01-issue-created.json", "CC-142", "2026-11-17T14:05:00Z", null,
            ("category", "telephony-platform"), ("priority", "P2"), ("emergency", false), ("status", "new"), summary,
            ("tags", new[] { "ivr", "east-site" }), ("affectedAgents", 40L));
        ShouldMap(tool, "02-in-progress.json", "CC-142", "2026-11-17T14:20:00Z", "10401",
            ("category", "telephony-platform"), ("priority", "P2"), ("emergency", false), ("status", "in-progress"), summary,
            ("tags", new[] { "ivr", "east-site" }), ("affectedAgents", 40L));
        ShouldMap(tool, "03-waiting-for-customer.json", "CC-142", "2026-11-17T16:00:00Z", "10402",
            ("category", "telephony-platform"), ("priority", "P2"), ("emergency", false), ("status", "waiting-on-requester"), summary,
            ("tags", new[] { "ivr", "east-site" }), ("affectedAgents", 40L));
        ShouldMap(tool, "04-priority-raised.json", "CC-142", "2026-11-17T18:30:00Z", "10403",
            ("category", "telephony-platform"), ("priority", "P1"), ("emergency", true), ("status", "in-progress"), summary,
            ("tags", new[] { "ivr", "east-site", "major-incident" }), ("affectedAgents", 40L));
        ShouldMap(tool, "05-resolved.json", "CC-142", "2026-11-18T15:00:00Z", "10404",
            ("category", "telephony-platform"), ("priority", "P1"), ("emergency", true), ("status", "done"), summary,
            ("tags", new[] { "ivr", "east-site", "major-incident" }), ("affectedAgents", 40L));
        ShouldIgnore(tool, "06-comment-created.json", "/webhookEvent is 'comment_created'");
    }

    [Fact]
    public void Zendesk_ticket_events_map_the_ticket_properties_they_carry_with_the_event_id()
    {
        const string tool = "zendesk";
        var summary = ("summary", (object)"Billing queue shows no calls at the west site");
        var tags = ("tags", (object)new[] { "billing", "west-site" });
        ShouldMap(tool, "01-ticket-created.json", "35436", "2026-11-17T14:05:00Z", "01JD3Q4S0W9M2H7V5KX8B6C1NA",
            ("category", "queue"), ("priority", "P3"), ("status", "new"), summary, tags);
        ShouldMap(tool, "02-status-open.json", "35436", "2026-11-17T14:35:00Z", "01JD3QB2M4W1R8Q3TZ6N5Y0F7C",
            ("category", "queue"), ("priority", "P2"), ("status", "in-progress"), summary, tags);
        ShouldMap(tool, "03-priority-high.json", "35436", "2026-11-17T14:35:00Z", "01JD3QB2M4W1R8Q3TZ6N5Y0F7D",
            ("category", "queue"), ("priority", "P2"), ("status", "in-progress"), summary, tags);
        ShouldMap(tool, "04-status-pending.json", "35436", "2026-11-17T16:10:00Z", "01JD3ZK7E0P2S9V4N1C8X3B5QA",
            ("category", "queue"), ("priority", "P2"), ("status", "waiting-on-requester"), summary, tags);
        ShouldMap(tool, "05-status-solved.json", "35436", "2026-11-17T20:45:00Z", "01JD4M1T6H8K3D0W7R2F9Y5NQB",
            ("category", "queue"), ("priority", "P2"), ("status", "done"), summary, ("tags", new[] { "billing", "west-site", "queue-config" }));
        ShouldIgnore(tool, "06-comment-added.json", "zen:event-type:ticket.comment_added");
    }

    [Fact]
    public void Servicenow_business_rule_posts_read_zone_less_utc_times_and_string_values()
    {
        const string tool = "servicenow";
        var summary = ("summary", (object)"Softphone client crashes on start after the Tuesday patch");
        ShouldMap(tool, "01-insert.json", "INC0010042", "2026-11-17T14:05:00Z", "0",
            ("category", "agent-desktop"), ("priority", "P3"), ("status", "new"), ("emergency", false), ("affectedAgents", 120L), summary);
        ShouldMap(tool, "02-in-progress.json", "INC0010042", "2026-11-17T14:50:12Z", "1",
            ("category", "agent-desktop"), ("priority", "P2"), ("status", "in-progress"), ("emergency", false), ("affectedAgents", 120L), summary);
        ShouldMap(tool, "03-on-hold.json", "INC0010042", "2026-11-17T17:02:40Z", "2",
            ("category", "agent-desktop"), ("priority", "P2"), ("status", "waiting-on-requester"), ("emergency", false), ("affectedAgents", 120L), summary);
        ShouldMap(tool, "04-resolved.json", "INC0010042", "2026-11-18T15:31:05Z", "3",
            ("category", "agent-desktop"), ("priority", "P2"), ("status", "done"), ("emergency", false), ("affectedAgents", 120L), summary);
        ShouldIgnore(tool, "05-problem-record.json", "/table is 'problem'");
    }

    [Fact]
    public void Freshservice_workflow_webhooks_read_local_times_in_the_helpdesk_zone_and_have_no_entry_id()
    {
        const string tool = "freshservice";
        var summary = ("summary", (object)"Change the after-hours message for the holiday schedule");
        // 09:05 AM and 09:41 AM EST are 14:05 and 14:41 UTC; 01:15 PM is 18:15 UTC; the next day's 10:02 AM is 15:02 UTC.
        ShouldMap(tool, "01-ticket-raised.json", "INC-231", "2026-11-17T14:05:00Z", null,
            ("category", "message"), ("priority", "P3"), ("status", "new"), ("requestedBy", "cc-ops"), summary);
        ShouldMap(tool, "02-in-progress.json", "INC-231", "2026-11-17T14:41:00Z", null,
            ("category", "message"), ("priority", "P3"), ("status", "in-progress"), ("requestedBy", "cc-ops"), summary);
        ShouldMap(tool, "03-pending.json", "INC-231", "2026-11-17T18:15:00Z", null,
            ("category", "message"), ("priority", "P3"), ("status", "waiting-on-requester"), ("requestedBy", "cc-ops"), summary);
        ShouldMap(tool, "04-resolved.json", "INC-231", "2026-11-18T15:02:00Z", null,
            ("category", "message"), ("priority", "P3"), ("status", "done"), ("requestedBy", "cc-ops"), summary);
        ShouldIgnore(tool, "05-note-added.json", "/workflow_event is 'note_added'");
    }

    [Fact]
    public void Zammad_trigger_snapshots_map_the_whole_ticket_each_time_with_the_snapshot_instant_as_entry_id()
    {
        const string tool = "zammad";
        var summary = ("summary", (object)"Agent desktop: headset not detected after update");
        var tags = ("tags", (object)new[] { "headset", "agent-desktop" });
        ShouldMap(tool, "01-created.json", "31087", "2026-11-17T14:05:00Z", "2026-11-17T14:05:00.000Z",
            ("category", "agent-desktop"), ("priority", "P3"), ("status", "new"), ("emergency", false), summary, tags);
        ShouldMap(tool, "02-open.json", "31087", "2026-11-17T15:12:09.417Z", "2026-11-17T15:12:09.417Z",
            ("category", "agent-desktop"), ("priority", "P2"), ("status", "in-progress"), ("emergency", false), summary, tags);
        ShouldMap(tool, "03-pending-reminder.json", "31087", "2026-11-17T19:40:30.002Z", "2026-11-17T19:40:30.002Z",
            ("category", "agent-desktop"), ("priority", "P2"), ("status", "waiting-on-requester"), ("emergency", false), summary, tags);
        ShouldMap(tool, "04-closed.json", "31087", "2026-11-18T14:20:00Z", "2026-11-18T14:20:00.000Z",
            ("category", "agent-desktop"), ("priority", "P2"), ("status", "done"), ("emergency", false), summary,
            ("tags", new[] { "headset", "agent-desktop", "driver-rollback" }));
    }

    [Fact]
    public void The_jira_timeline_tracked_under_the_policy_gives_the_status_the_policy_defines()
    {
        var mapping = Mapping("jira-service-management");
        var entries = Directory.GetFiles(Path.Combine(Folder, "jira-service-management"), "0*.json").Order()
            .Select(f => mapping.Map(File.ReadAllBytes(f))).Where(r => r.IsMapped).Select(r => r.Entry!).ToList();
        var first = entries[0];
        var submission = Reference.ReadEvent(first.Set.Append(new KeyValuePair<string, object?>("submittedAt", first.At)).Append(new("id", first.Ticket)));
        submission.Success.Should().BeTrue(submission.ErrorMessage);
        var ticket = Reference.Track(submission.Event!);
        foreach (var entry in entries.Skip(1))
        {
            ticket = ticket.Append(entry.At, entry.Set);
        }

        // Telephony platform at 09:05 EST on a Tuesday: core infrastructure, IT Infrastructure; acknowledged at 09:20.
        var status = ticket.StatusAt(Instant.FromUtc(2026, 11, 18, 16, 0));
        status.Decision.Owner.Should().Be("it-infra");
        status.ClockFor("acknowledge")!.Elapsed.Should().Be(Duration.FromMinutes(15));
    }
}
