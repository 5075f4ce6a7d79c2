using System;
using FluentAssertions;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using Xunit;
using static SlaEngine.Tests.Evaluation.TestPolicy;

namespace SlaEngine.Tests.Events;

/// <summary>
/// The library's string readers are bounded as the tool's file readers are: a text over the limit is refused unread,
/// with its length and the limit, and a text at the limit is read.
/// </summary>
public sealed class InputSizeLimitTests
{
    private const string Event = "{\"submittedAt\": \"2026-11-24T10:00:00Z\", \"category\": \"a\"}";

    private const string Timeline = "[{\"at\": \"2026-11-24T10:00:00Z\", \"set\": {\"category\": \"a\"}}]";

    [Fact]
    public void An_event_longer_than_the_limit_is_refused_unread_with_its_length()
    {
        var read = Subject.ReadEvent(Event, Event.Length - 1);

        read.Success.Should().BeFalse();
        read.Errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.MalformedEvent);
        read.ErrorMessage.Should().Contain($"the event is {Event.Length} characters long, over the limit of {Event.Length - 1}");
    }

    [Fact]
    public void An_event_exactly_at_the_limit_is_read()
    {
        Subject.ReadEvent(Event, Event.Length).Success.Should().BeTrue();
    }

    [Fact]
    public void A_batch_longer_than_the_limit_is_refused_as_a_whole()
    {
        var batch = Event + "\n" + Event;

        var read = Subject.ReadEvents(batch, batch.Length - 1);

        read.Error.Should().NotBeNull();
        read.Error!.Message.Should().Contain("the batch of events is").And.Contain("over the limit");
        read.Events.Should().BeEmpty();
        Subject.ReadEvents(batch, batch.Length).Events.Should().HaveCount(2).And.OnlyContain(e => e.Success);
    }

    [Fact]
    public void A_timeline_longer_than_the_limit_is_refused_unread()
    {
        var read = Subject.ReadTimeline(Timeline, Timeline.Length - 1);

        read.Success.Should().BeFalse();
        read.Error!.Message.Should().Contain($"the timeline is {Timeline.Length} characters long, over the limit of {Timeline.Length - 1}");
        Subject.ReadTimeline(Timeline, Timeline.Length).Success.Should().BeTrue();
    }

    [Fact]
    public void The_default_limit_is_the_tools_limit_for_event_files()
    {
        // One character over the default: refused before any parsing (the text is not even JSON).
        var huge = new string(' ', EventFiles.MaxBytes + 1);

        Subject.ReadEvent(huge).ErrorMessage.Should().Contain("over the limit of 67,108,864");
        Subject.ReadEventYaml(huge).ErrorMessage.Should().Contain("over the limit of 67,108,864");
        Subject.ReadTimeline(huge).Error!.Message.Should().Contain("over the limit of 67,108,864");
        Subject.ReadTicket(huge).Error!.Message.Should().Contain("the stored ticket is").And.Contain("over the limit");
    }

    [Fact]
    public void A_limit_below_one_is_a_programming_error()
    {
        var act = () => Subject.ReadEvent(Event, 0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
