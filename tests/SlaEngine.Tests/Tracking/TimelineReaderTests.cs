using FluentAssertions;
using NodaTime;
using SlaEngine.Tracking;
using Xunit;
using static SlaEngine.Tests.Evaluation.TestPolicy;

namespace SlaEngine.Tests.Tracking;

public sealed class TimelineReaderTests
{
    [Fact]
    public void A_json_timeline_starts_at_the_first_entry_and_applies_the_rest_in_order()
    {
        var read = Subject.ReadTimeline("""
            [ { "at": "2026-11-24T10:00:00Z", "set": { "id": "INC-1", "category": "a" } },
              { "at": "2026-11-24T10:30:00Z", "set": { "status": "working" } },
              { "at": "2026-11-24T12:00:00Z", "set": { "status": "waiting" } } ]
            """);

        read.Success.Should().BeTrue(read.Error?.Message);
        read.Ticket!.SubmittedAt.Should().Be(Utc(11, 24, 10));
        read.Ticket.Current.Id.Should().Be("INC-1");
        var status = read.Ticket.StatusAt(Utc(11, 24, 15));
        status.ClockFor("fix")!.State.Should().Be(ClockState.Paused);
        status.ClockFor("fix")!.Elapsed.Should().Be(Duration.FromHours(2));
        status.ClockFor("ack")!.Elapsed.Should().Be(Duration.FromMinutes(30));
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "non-empty JSON array")]
    [InlineData("""{ "at": "2026-11-24T10:00:00Z" }""", "non-empty JSON array")]
    [InlineData("""[ { "set": { "category": "a" } } ]""", "entry 0")]
    [InlineData("""[ { "at": "2026-11-24T10:00:00", "set": { "category": "a" } } ]""", "no offset")]
    [InlineData("""[ { "at": "2026-11-24T10:00:00Z", "set": { "category": "q" } } ]""", "the submission): category")]
    [InlineData("""[ { "at": "2026-11-24T10:00:00Z", "set": { "category": "a" } }, { "at": "2026-11-24T09:00:00Z", "set": { "status": "done" } } ]""", "entry 1")]
    [InlineData("""[ { "at": "2026-11-24T10:00:00Z", "set": { "category": "a" } }, { "at": "2026-11-24T11:00:00Z", "set": { "status": "bogus" } } ]""", "status")]
    [InlineData("""[ { "at": "2026-11-24T10:00:00Z", "set": [1] } ]""", "must be an object")]
    public void A_bad_timeline_is_refused_naming_the_entry_without_an_exception(string json, string words)
    {
        var read = Subject.ReadTimeline(json);

        read.Success.Should().BeFalse();
        read.Ticket.Should().BeNull();
        read.Error!.Message.Should().Contain(words);
    }
}
