using System;
using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;
using SlaEngine.Tracking;
using Xunit;

namespace SlaEngine.Tests.Reliability;

/// <summary>Targeted hostile JSON timelines and YAML/JSON events that the fuzz tests found or that the contract names.</summary>
public sealed class TimelineHostileTests
{
    private static readonly Policy Reference = PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath);

    [Theory]
    [InlineData("""[{"at":"\ud800","set":{"category":"routing"}}]""", "entry 0", "Unicode")]
    [InlineData("""[{"at":"2026-11-24T10:00:00Z","set":{"\ud800":1,"category":"routing"}}]""", "entry 0", "Unicode")]
    [InlineData("""[{"at":"2026-11-24T10:00:00Z","set":{"category":"routing"}},{"at":"2026-11-24T11:00:00Z","set":{"\udc00":"x"}}]""", "entry 1", "Unicode")]
    [InlineData("""[{"at":"2026-11-24T10:00:00Z","at":"2026-11-25T10:00:00Z","set":{"category":"routing"}}]""", "entry 0", "\"at\" is given twice")]
    [InlineData("""[{"at":"2026-11-24T10:00:00Z","set":{"category":"routing"},"set":{"category":"upgrade"}}]""", "entry 0", "\"set\" is given twice")]
    [InlineData("""[{"at":"2026-11-24T10:00:00Z","set":{"category":"routing","submittedAt":"2026-11-20T10:00:00Z"}}]""", "entry 0", "submittedAt")]
    [InlineData("""[{"at":"2026-11-24T10:00:00Z","set":{"category":"routing"}},{"at":"2026-11-24T11:00:00Z","set":{"submittedAt":"2026-11-20T10:00:00Z"}}]""", "entry 1", "submittedAt")]
    [InlineData("""[{"at":"2026-11-24T10:00:00Z","set":{"category":"routing","category":"upgrade"}}]""", "entry 0", "category")]
    [InlineData("""[{"at":"2026-11-24T10:00:00Z","set":{"category":"routing"}},{"at":"2026-11-24T09:59:59Z","set":{}}]""", "entry 1", "before the submission")]
    [InlineData("""[{"at":"2026-11-24T10:00:00Z","set":{"category":"routing"}},[]]""", "entry 1", "not an array")]
    [InlineData("""[{"at":"2026-11-24T10:00:00Z","set":[]}]""", "entry 0", "not an array")]
    [InlineData("""[{"at":"9999-12-31T23:59:59-14:00","set":{"category":"routing"}}]""", "entry 0", "at")]
    public void A_hostile_timeline_is_refused_naming_the_entry(string json, string entry, string why)
    {
        var read = Reference.ReadTimeline(json);

        read.Success.Should().BeFalse();
        read.Error!.Message.Should().Contain(entry).And.Contain(why);
    }

    [Fact]
    public void A_duplicated_unknown_field_name_of_100000_characters_gives_a_short_message()
    {
        var name = new string('z', 100_000);
        var json = $$$"""[{"at":"2026-11-24T10:00:00Z","set":{"category":"routing"}},{"at":"2026-11-24T11:00:00Z","set":{"{{{name}}}":1,"{{{name}}}":2}}]""";

        var read = Reference.ReadTimeline(json);

        read.Success.Should().BeFalse();
        read.Error!.Message.Length.Should().BeLessThan(1_000);
        Reference.ReadEvent($$"""{"submittedAt":"2026-11-24T10:00:00Z","category":"routing","{{name}}":1,"{{name}}":2}""").ErrorMessage!.Length.Should().BeLessThan(1_000);
    }

    [Fact]
    public void A_timeline_and_an_event_with_a_byte_order_mark_are_read_like_the_plain_ones()
    {
        const string timeline = """[{"at":"2026-11-24T10:00:00-05:00","set":{"category":"routing"}},{"at":"2026-11-24T11:00:00-05:00","set":{"status":"waiting-on-requester"}}]""";
        const string json = """{"submittedAt":"2026-11-24T10:00:00-05:00","category":"routing"}""";
        var at = Instant.FromUtc(2026, 11, 24, 20, 0);

        var plain = Reference.ReadTimeline(timeline).Ticket!;
        var bom = Reference.ReadTimeline("\uFEFF" + timeline.Replace(",{", ",\r\n{", StringComparison.Ordinal));

        bom.Error.Should().BeNull();
        SlaJson.ToJson(bom.Ticket!.StatusAt(at)).Should().Be(SlaJson.ToJson(plain.StatusAt(at)));
        Reference.ReadEvent("\uFEFF" + json).Success.Should().BeTrue();
    }

    [Fact]
    public void Equal_instants_apply_in_order_and_statuses_before_submission_and_at_the_ends_of_time_answer()
    {
        var json = "[" + string.Join(",", Enumerable.Range(0, 3_000).Select(i => i == 0
            ? """{"at":"2026-11-24T10:00:00-05:00","set":{"category":"routing"}}"""
            : $$$"""{"at":"2026-11-24T10:00:00-05:00","set":{"status":"{{{(i % 2 == 0 ? "in-progress" : "waiting-on-requester")}}}"}}""")) + "]";

        var ticket = Hostile.WithinTime(TimeSpan.FromSeconds(30), () => Reference.ReadTimeline(json).Ticket!, () => "3,000 equal instants");

        ticket.Entries.Should().HaveCount(3_000);
        ticket.StatusAt(Instant.MinValue).At.Should().Be(ticket.SubmittedAt, "an instant before submission is read as the submission");
        var resolve = ticket.StatusAt(ticket.SubmittedAt + Duration.FromHours(2)).ClockFor("resolve")!;
        resolve.State.Should().Be(ClockState.Paused, "the last of the entries at one instant (odd: waiting on the requester) wins");
        resolve.Elapsed.Should().Be(Duration.Zero);
        var end = Hostile.WithinTime(TimeSpan.FromSeconds(60), () => ticket.StatusAt(Instant.MaxValue), () => "status at the end of time");
        SlaJson.ToJson(end).Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void A_ticket_submitted_at_the_end_of_time_answers_without_an_exception()
    {
        var read = Reference.ReadTimeline("""[{"at":"9999-12-31T23:59:59.999999999Z","set":{"category":"routing","priority":"P1"}},{"at":"9999-12-31T23:59:59.999999999Z","set":{"status":"done"}}]""");

        read.Error.Should().BeNull();
        foreach (var at in Hostile.EdgeInstants)
        {
            var status = read.Ticket!.StatusAt(at);
            SlaJson.ToJson(status).Should().NotBeNullOrEmpty();
            // A target that cannot be computed at the end of time gives no clock (an out-of-range violation), never an exception.
            status.Clocks.Where(c => c.State != ClockState.Stopped && c.Elapsed > Duration.Zero).Should().BeEmpty();
        }
    }
}
