using System;
using System.Collections.Generic;
using FluentAssertions;
using NodaTime;
using NodaTime.Testing;
using SlaEngine.DependencyInjection;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.DependencyInjection;

public sealed class SlaEvaluatorTests : IDisposable
{
    private static readonly Instant Submitted = Instant.FromUtc(2026, 11, 24, 15, 0);
    private readonly PolicyFile _file = new(TestPolicies.A);
    private readonly FilePolicySource _source;
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 11, 24, 16, 30));
    private readonly SlaEvaluator _evaluator;

    public SlaEvaluatorTests()
    {
        _source = _file.Follow(watch: false);
        _evaluator = new SlaEvaluator(_source, _clock);
    }

    public void Dispose()
    {
        _source.Dispose();
        _file.Dispose();
    }

    private void SwitchTo(string text)
    {
        _file.Write(text);
        _source.ReloadNow().Should().BeTrue();
    }

    [Fact]
    public void Now_comes_from_the_clock()
    {
        _evaluator.Now.Should().Be(Instant.FromUtc(2026, 11, 24, 16, 30));

        _clock.AdvanceMinutes(5);

        _evaluator.Now.Should().Be(Instant.FromUtc(2026, 11, 24, 16, 35));
    }

    [Fact]
    public void An_event_read_as_json_is_decided_by_the_policy_in_force()
    {
        var read = _evaluator.ReadEvent(TestPolicies.RoutingEventJson);

        var decision = _evaluator.Evaluate(read.GetEventOrThrow());

        decision.Owner.Should().Be("cc-ops");
        decision.Trace.RuleFor("owner").Should().Be("first");
        decision.EventId.Should().Be("CHG-1");
        decision.PolicyVersion.Should().Be("A");
    }

    [Fact]
    public void An_event_read_from_values_is_decided_by_the_policy_in_force()
    {
        var read = _evaluator.ReadEvent(new Dictionary<string, object?> { ["submittedAt"] = Submitted, ["category"] = "routing" });

        _evaluator.Evaluate(read.GetEventOrThrow()).Owner.Should().Be("cc-ops");
    }

    [Fact]
    public void A_bad_event_is_refused_with_errors_not_an_exception()
    {
        var read = _evaluator.ReadEvent("""{ "submittedAt": "2026-11-24T10:00:00-05:00", "category": "payroll" }""");

        read.Success.Should().BeFalse();
        read.Errors.Should().Contain(e => e.Location.Path == "category").And.OnlyContain(e => e.Location.Path == "category");
    }

    [Fact]
    public void An_event_read_before_a_reload_is_decided_by_the_version_it_was_read_against()
    {
        var read = _evaluator.ReadEvent(TestPolicies.RoutingEventJson).GetEventOrThrow();

        SwitchTo(TestPolicies.B);
        var decision = _evaluator.Evaluate(read);

        decision.PolicyVersion.Should().Be("A");
        decision.Owner.Should().Be("cc-ops");
        _evaluator.Policy.Version.Should().Be("B");
    }

    [Fact]
    public void An_event_read_from_the_source_directly_before_a_reload_is_still_decided()
    {
        var read = _source.Current.ReadEvent(TestPolicies.RoutingEventJson).GetEventOrThrow();

        SwitchTo(TestPolicies.B);
        SwitchTo(TestPolicies.A.Replace("version: \"A\"", "version: \"C\"", StringComparison.Ordinal));

        _evaluator.Evaluate(read).PolicyVersion.Should().Be("A");
    }

    [Fact]
    public void A_snapshot_reads_and_evaluates_with_one_version_whatever_reloads_meanwhile()
    {
        var snapshot = _evaluator.Snapshot;
        var read = snapshot.Policy.ReadEvent(TestPolicies.RoutingEventJson).GetEventOrThrow();

        SwitchTo(TestPolicies.B);

        snapshot.Generation.Should().Be(1);
        snapshot.Policy.Evaluate(read).Owner.Should().Be("cc-ops");
        _evaluator.Snapshot.Generation.Should().Be(2);
    }

    [Fact]
    public void RereadEvent_lets_the_policy_in_force_decide_an_event_read_earlier()
    {
        var read = _evaluator.ReadEvent(TestPolicies.RoutingEventJson).GetEventOrThrow();
        SwitchTo(TestPolicies.B);

        var reread = _evaluator.RereadEvent(read);

        reread.Success.Should().BeTrue();
        reread.Event!.Id.Should().Be("CHG-1");
        reread.Event.SubmittedAt.Should().Be(read.SubmittedAt);
        var decision = _evaluator.Evaluate(reread.Event);
        decision.PolicyVersion.Should().Be("B");
        decision.Owner.Should().Be("it-infra");
    }

    [Fact]
    public void RereadEvent_returns_an_event_of_the_policy_in_force_as_it_is()
    {
        var read = _evaluator.ReadEvent(TestPolicies.RoutingEventJson).GetEventOrThrow();

        _evaluator.RereadEvent(read).Event.Should().BeSameAs(read);
    }

    [Fact]
    public void RereadEvent_reports_what_the_new_schema_refuses()
    {
        var read = _evaluator.ReadEvent("""{ "submittedAt": "2026-11-24T10:00:00-05:00", "category": "network-backbone" }""").GetEventOrThrow();
        SwitchTo(TestPolicies.NarrowerSchema);

        var reread = _evaluator.RereadEvent(read);

        reread.Success.Should().BeFalse();
        reread.Errors.Should().Contain(e => e.Location.Path == "category").And.Contain(e => e.Location.Path == "region");
    }

    [Fact]
    public void An_event_of_a_policy_the_source_never_published_is_refused()
    {
        var foreign = PolicyLoader.LoadOrThrow(TestPolicies.A).ReadEvent(TestPolicies.RoutingEventJson).GetEventOrThrow();

        var act = () => _evaluator.Evaluate(foreign);

        act.Should().Throw<ArgumentException>().WithParameterName("changeEvent");
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        ((Action)(() => _ = new SlaEvaluator(null!, _clock))).Should().Throw<ArgumentNullException>();
        ((Action)(() => _ = new SlaEvaluator(_source, null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => _evaluator.Evaluate(null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => _evaluator.ReadEvent((string)null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => _evaluator.RereadEvent(null!))).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Diagnostics_of_a_failed_reload_do_not_reach_the_evaluator()
    {
        _file.Write(TestPolicies.Invalid);
        _source.ReloadNow().Should().BeFalse();

        _evaluator.Policy.Version.Should().Be("A");
        _source.LastFailure!.Errors.Should().Contain(d => d.Code == DiagnosticCodes.UnknownKey);
    }

    private const string TimelineJson = """[{ "at": "2026-11-24T10:00:00-05:00", "set": { "id": "CHG-1", "category": "routing" } }]""";

    [Fact]
    public void A_ticket_is_tracked_under_the_version_its_submission_was_read_against_even_after_a_reload()
    {
        var submission = _evaluator.ReadEvent(TestPolicies.RoutingEventJson).GetEventOrThrow();
        SwitchTo(TestPolicies.B);

        var ticket = _evaluator.Track(submission);

        ticket.Policy.Version.Should().Be("A");
        ticket.StatusAt(_evaluator.Now).Decision.Owner.Should().Be("cc-ops");
        _evaluator.Track(_evaluator.ReadEvent(TestPolicies.RoutingEventJson).GetEventOrThrow()).Policy.Version.Should().Be("B");
    }

    [Fact]
    public void A_timeline_read_through_the_evaluator_runs_its_clocks_under_the_policy_in_force()
    {
        SwitchTo(TestPolicies.B);

        var read = _evaluator.ReadTimeline(TimelineJson);

        read.Success.Should().BeTrue(read.Error?.Message);
        read.Ticket!.Policy.Version.Should().Be("B");
        var resolve = read.Ticket.StatusAt(_evaluator.Now).ClockFor("resolve")!;
        resolve.Elapsed.Should().Be(Duration.FromMinutes(90), "the ticket was submitted at 15:00Z, it is 16:30Z, and the teams keep no calendar");
        resolve.Target.Should().Be(Duration.FromHours(8));
    }

    [Fact]
    public void A_stored_ticket_is_read_back_through_the_evaluator_and_refused_on_request_when_the_policy_changed()
    {
        var stored = _evaluator.Track(_evaluator.ReadEvent(TestPolicies.RoutingEventJson).GetEventOrThrow()).ToJson();

        _evaluator.ReadTicket(stored).Ticket!.Entries.Should().ContainSingle();
        SwitchTo(TestPolicies.B);
        _evaluator.ReadTicket(stored).Warnings.Should().NotBeEmpty("the ticket was stored under another digest");
        _evaluator.ReadTicket(stored, refuseOtherDigest: true).Success.Should().BeFalse();
    }

    [Fact]
    public void Tracking_an_event_of_a_policy_the_source_never_published_is_refused()
    {
        var foreign = PolicyLoader.LoadOrThrow(TestPolicies.A, "other.yaml").ReadEvent(TestPolicies.RoutingEventJson).GetEventOrThrow();

        var act = () => _evaluator.Track(foreign);

        act.Should().Throw<ArgumentException>().WithMessage("*never published*");
    }
}
