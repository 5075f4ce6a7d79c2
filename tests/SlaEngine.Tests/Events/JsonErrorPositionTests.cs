using FluentAssertions;
using Xunit;
using static SlaEngine.Tests.Evaluation.TestPolicy;

namespace SlaEngine.Tests.Events;

/// <summary>JSON errors in events and timelines name the 1-based line and column, not System.Text.Json's zero-based "LineNumber: 4".</summary>
public sealed class JsonErrorPositionTests
{
    [Fact]
    public void An_event_broken_on_line_5_says_line_5()
    {
        var read = Subject.ReadEvent("{\n  \"submittedAt\": \"2026-11-24T10:00:00Z\",\n  \"category\": \"a\",\n  \"id\": \"INC-1\",\n  \"agents\": oops\n}");

        read.Success.Should().BeFalse();
        read.ErrorMessage.Should().Contain("line 5, column 13").And.NotContain("LineNumber");
    }

    [Fact]
    public void A_timeline_broken_on_line_3_says_line_3()
    {
        var read = Subject.ReadTimeline("[\n  { \"at\": \"2026-11-24T10:00:00Z\", \"set\": { \"category\": \"a\" } },\n  { \"at\": \"2026-11-24T11:00:00Z\", \"set\": { \"status\": done } }\n]");

        read.Success.Should().BeFalse();
        read.Error!.Message.Should().Contain("line 3, column").And.NotContain("LineNumber");
    }
}
