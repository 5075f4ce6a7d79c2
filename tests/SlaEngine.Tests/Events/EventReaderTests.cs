using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using Xunit;
using static SlaEngine.Tests.Evaluation.TestPolicy;

namespace SlaEngine.Tests.Events;

public sealed class EventReaderTests
{
    [Fact]
    public void A_json_event_is_read_with_defaults_filled_in()
    {
        var r = Subject.ReadEvent("""{ "id": "CHG-1", "submittedAt": "2026-11-24T10:00:00-05:00", "category": "a", "tags": ["x"], "agents": 12 }""");

        r.Success.Should().BeTrue(r.ErrorMessage);
        r.Event!.SubmittedAt.Should().Be(Utc(11, 24, 15));
        r.Event.Id.Should().Be("CHG-1");
        r.Event.GetValue("priority").Should().Be("P3");
        r.Event.GetValue("emergency").Should().Be(false);
        r.Event.GetValue("agents").Should().Be(12L);
        r.Event.GetValue("tags").Should().BeEquivalentTo(new[] { "x" });
        r.Event.Has("scheduledStart").Should().BeFalse();
    }

    [Theory]
    [InlineData("2026-11-24T10:00-05:00")]
    [InlineData("2026-11-24T15:00Z")]
    [InlineData("2026-11-24T15:00:00Z")]
    [InlineData("2026-11-24T15:00:00.000+00:00")]
    [InlineData("2026-11-24T20:30+05:30")]
    public void An_instant_is_read_with_or_without_seconds_whatever_its_offset(string text)
    {
        var r = Subject.ReadEvent($$"""{ "submittedAt": "{{text}}", "category": "a" }""");

        r.Success.Should().BeTrue(r.ErrorMessage);
        r.Event!.SubmittedAt.Should().Be(Utc(11, 24, 15));
    }

    [Theory]
    [InlineData("""{ "submittedAt": "2026-11-24T10:00:00Z", "category": "z" }""", "category", "'z' is not one of a, b, c")]
    [InlineData("""{ "submittedAt": "2026-11-24T10:00:00Z", "category": "a", "priority": "P9" }""", "priority", "P9")]
    [InlineData("""{ "submittedAt": "2026-11-24T10:00:00Z" }""", "category", "required")]
    [InlineData("""{ "category": "a" }""", "submittedAt", "submitted")]
    [InlineData("""{ "submittedAt": "2026-11-24T10:00:00", "category": "a" }""", "submittedAt", "no offset")]
    [InlineData("""{ "submittedAt": "2026-11-24T10:00", "category": "a" }""", "submittedAt", "no offset")]
    [InlineData("""{ "submittedAt": "2026-11-24 10:00Z", "category": "a" }""", "submittedAt", "not an ISO-8601 instant")]
    [InlineData("""{ "submittedAt": "2026-11-24T10:00:00Z", "category": "a", "emergency": "yes" }""", "emergency", "true or false")]
    [InlineData("""{ "submittedAt": "2026-11-24T10:00:00Z", "category": "a", "agents": 1.5 }""", "agents", "whole number")]
    [InlineData("""{ "submittedAt": "2026-11-24T10:00:00Z", "category": "a", "agents": 99999999999999999999999 }""", "agents", "whole number")]
    [InlineData("""{ "submittedAt": "2026-11-24T10:00:00Z", "category": "a", "requestedBy": "opps" }""", "requestedBy", "did you mean 'ops'")]
    [InlineData("""{ "submittedAt": "2026-11-24T10:00:00Z", "category": "a", "tags": "x" }""", "tags", "list of strings")]
    [InlineData("""{ "submittedAt": "2026-11-24T10:00:00Z", "category": "a", "tags": [1] }""", "tags", "list of strings")]
    [InlineData("""{ "submittedAt": "2026-11-24T10:00:00Z", "category": null }""", "category", "required")]
    [InlineData("""{ "submittedAt": "2026-11-24T10:00:00Z", "category": {"x": 1} }""", "category", "object")]
    [InlineData("""{ "submittedAt": "2026-11-24T10:00:00Z", "category": "a", "category": "b" }""", "category", "twice")]
    public void An_invalid_event_is_refused_with_a_message_that_names_the_field(string json, string field, string words)
    {
        var r = Subject.ReadEvent(json);

        r.Success.Should().BeFalse();
        r.Event.Should().BeNull();
        r.Errors.Should().Contain(e => e.Location.Path == field && e.Message.Contains(field) && e.Message.Contains(words), r.ErrorMessage);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    [InlineData("{\"a\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]] }")]
    public void Text_that_is_not_an_event_object_is_refused_without_an_exception(string json)
    {
        var r = Subject.ReadEvent(json);

        r.Success.Should().BeFalse();
        r.Errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.MalformedEvent);
    }

    [Fact]
    public void Unknown_fields_are_ignored_and_reported_as_information()
    {
        var r = Subject.ReadEvent("""{ "submittedAt": "2026-11-24T10:00:00Z", "category": "a", "assignee": "bob" }""");

        r.Success.Should().BeTrue();
        r.Notes.Should().ContainSingle(n => n.Code == DiagnosticCodes.UnknownEventField && n.Severity == DiagnosticSeverity.Info && n.Message.Contains("assignee"));
    }

    [Fact]
    public void A_builder_takes_clr_values_and_names_the_field_it_refuses()
    {
        var e = Subject.NewEvent(Utc(11, 24, 10)).Set("category", "a").Set("agents", 3).Set("tags", new List<string> { "ivr" })
            .Set("scheduledStart", new System.DateTimeOffset(2026, 12, 1, 8, 0, 0, System.TimeSpan.FromHours(-5))).Build();

        e.GetValue("agents").Should().Be(3L);
        e.GetValue("scheduledStart").Should().Be(Utc(12, 1, 13));

        var act = () => Subject.NewEvent(Utc(11, 24, 10)).Set("category", "q").Build();
        act.Should().Throw<EventValidationException>().WithMessage("*category*");
    }

    [Fact]
    public void A_local_date_time_without_a_kind_is_refused_from_csharp()
    {
        var r = Subject.NewEvent(Utc(11, 24, 10)).Set("category", "a").Set("scheduledStart", new System.DateTime(2026, 12, 1)).TryBuild();

        r.Success.Should().BeFalse();
        r.ErrorMessage.Should().Contain("scheduledStart").And.Contain("offset");
    }

    [Fact]
    public void A_yaml_event_reads_plain_scalars_by_the_field_type()
    {
        var r = Subject.ReadEventYaml("submittedAt: 2026-11-24T10:00:00Z\ncategory: a\nemergency: true\nagents: 7\ntags: [ivr, queue]\n");

        r.Success.Should().BeTrue(r.ErrorMessage);
        r.Event!.GetValue("emergency").Should().Be(true);
        r.Event.GetValue("agents").Should().Be(7L);
        r.Event.GetValue("tags").Should().BeEquivalentTo(new[] { "ivr", "queue" });
    }

    [Theory]
    [InlineData("- a\n- b\n")]
    [InlineData("category: [unclosed\n")]
    [InlineData("")]
    public void Yaml_that_is_not_an_event_mapping_is_refused(string yaml)
    {
        var r = Subject.ReadEventYaml(yaml);

        r.Success.Should().BeFalse();
        r.Errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.MalformedEvent);
    }
}
