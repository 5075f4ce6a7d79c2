using FluentAssertions;
using Xunit;
using static SlaEngine.Tests.Evaluation.TestPolicy;

namespace SlaEngine.Tests.Tracking;

/// <summary>
/// A timeline entry holds <c>at</c> and <c>set</c> and nothing else: a misspelt key once left both clocks running and
/// breached while the reader said nothing. It is refused, naming the entry and the closest known key.
/// </summary>
public sealed class TimelineEntryKeyTests
{
    [Fact]
    public void A_misspelt_set_is_refused_with_a_suggestion_instead_of_ignored()
    {
        var read = Subject.ReadTimeline("""
            [ { "at": "2026-11-24T10:00:00Z", "set": { "category": "a" } },
              { "at": "2026-11-24T11:00:00Z", "sett": { "status": "done" } } ]
            """);

        read.Success.Should().BeFalse();
        read.Error!.Message.Should().Contain("timeline entry 1").And.Contain("'sett'").And.Contain("did you mean 'set'?");
    }

    [Theory]
    [InlineData("""[ { "At": "2026-11-24T10:00:00Z", "at": "2026-11-24T10:00:00Z", "set": { "category": "a" } } ]""", "'At'")]
    [InlineData("""[ { "at": "2026-11-24T10:00:00Z", "set": { "category": "a" }, "note": "first call" } ]""", "'note'")]
    [InlineData("""[ { "at": "2026-11-24T10:00:00Z", "set": { "category": "a" } }, { "at": "2026-11-24T11:00:00Z", "status": "done" } ]""", "'status'")]
    public void Any_key_besides_at_and_set_is_refused_naming_the_entry_and_the_key(string json, string key)
    {
        var read = Subject.ReadTimeline(json);

        read.Success.Should().BeFalse();
        read.Ticket.Should().BeNull();
        read.Error!.Message.Should().Contain("timeline entry").And.Contain(key).And.Contain("\"at\" and \"set\"");
    }
}
