using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FluentAssertions;
using NodaTime;
using SlaEngine.Analysis;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;
using Xunit;

namespace SlaEngine.Tests.Analysis;

/// <summary>
/// Purpose-made pairs of the reference policy and an edited copy: each edit is found, with a witness event that
/// really shows it when evaluated under both versions; edits that change nothing a request gets are not differences.
/// </summary>
public sealed class PolicyDiffTests
{
    private static readonly PolicyDiffOptions Options = new() { From = new LocalDate(2026, 12, 1) };

    private static string Reference => File.ReadAllText(TestFiles.ReferencePolicyPath);

    internal static Policy Load(string yaml, string name) =>
        PolicyLoader.Load(yaml, name, new PolicyLoadOptions { Lint = false }) is { Success: true } r
            ? r.Policy!
            : throw new InvalidOperationException($"{name} does not load: " + string.Join("; ", PolicyLoader.Load(yaml, name).Errors));

    internal static string Edit(string yaml, string from, string to)
    {
        yaml.Should().Contain(from, "the edit must apply to the reference policy");
        return yaml.Replace(from, to, StringComparison.Ordinal);
    }

    /// <summary>Moves the block of rule <paramref name="id"/> to just above rule <paramref name="aboveId"/>.</summary>
    internal static string MoveRule(string yaml, string id, string aboveId)
    {
        var start = yaml.IndexOf($"  - id: {id}\n", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0);
        var next = yaml.IndexOf("\n  - id: ", start + 1, StringComparison.Ordinal);
        var freezes = yaml.IndexOf("\nfreezes:", start, StringComparison.Ordinal);
        var end = (next < 0 || (freezes >= 0 && freezes < next) ? freezes : next) + 1;
        var block = yaml[start..end];
        var without = yaml.Remove(start, end - start);
        var at = without.IndexOf($"  - id: {aboveId}\n", StringComparison.Ordinal);
        return without.Insert(at, block.TrimEnd('\n') + "\n\n");
    }

    private static (PolicyDiffResult Result, Policy Old, Policy New) Diff(string newYaml, PolicyDiffOptions? options = null)
    {
        var old = Load(Reference, "old.yaml");
        var @new = Load(newYaml, "new.yaml");
        return (PolicyDiff.Compare(old, @new, options ?? Options), old, @new);
    }

    /// <summary>The witness, evaluated here under both versions, shows every change the difference reports.</summary>
    private static (Decision Old, Decision New) ShouldBeWitnessed(RuleDifference d, Policy old, Policy @new)
    {
        d.Witness.Should().NotBeNull($"the difference on '{d.Condition}' must carry a witness");
        var oldRead = old.ReadEvent(d.Witness!.EventJson);
        var newRead = @new.ReadEvent(d.Witness.EventJson);
        oldRead.Success.Should().BeTrue(oldRead.ErrorMessage);
        newRead.Success.Should().BeTrue(newRead.ErrorMessage);
        var a = old.Evaluate(oldRead.Event!);
        var b = @new.Evaluate(newRead.Event!);
        foreach (var change in d.Changes)
        {
            switch (change.Facet)
            {
                case "owner":
                    (a.Owner ?? "none").Should().Be(change.Old);
                    (b.Owner ?? "none").Should().Be(change.New);
                    break;
                case var f when f.StartsWith("targets.", StringComparison.Ordinal):
                    var clock = f["targets.".Length..];
                    (a.DeadlineFor(clock), b.DeadlineFor(clock)).Should().NotBe((null, null));
                    (a.DeadlineFor(clock)?.Due, a.DeadlineFor(clock)?.CalendarId, a.DeadlineFor(clock)?.TargetOpenTime)
                        .Should().NotBe((b.DeadlineFor(clock)?.Due, b.DeadlineFor(clock)?.CalendarId, b.DeadlineFor(clock)?.TargetOpenTime), $"the deadline of {clock} changes");
                    break;
                case "approvers":
                    a.ApproverTeams.Select(t => t.Id).Should().NotBeEquivalentTo(b.ApproverTeams.Select(t => t.Id));
                    break;
                default:
                    a.ToJson().Should().NotBe(b.ToJson());
                    break;
            }
        }

        return (a, b);
    }

    [Fact]
    public void A_policy_compared_with_itself_is_equivalent()
    {
        var (result, _, _) = Diff(Reference);

        result.AreEquivalent.Should().BeTrue();
        result.RuleDifferences.Should().BeEmpty();
        result.CalendarDifferences.Should().BeEmpty();
        result.DefinitionChanges.Should().BeEmpty();
        result.IsSample.Should().BeFalse();
        result.ClassesCompared.Should().BeGreaterThan(1);
    }

    [Fact]
    public void Reordered_keys_renamed_rule_ids_reworded_descriptions_and_reformatted_yaml_are_not_differences()
    {
        var yaml = Reference;
        yaml = Edit(yaml, "  - id: triage\n", "  - id: catch-all\n");
        yaml = Edit(yaml, "  - id: cc-day-to-day\n", "  - id: contact-center-owns-its-apps\n");
        yaml = Edit(yaml, "Anything else goes to the IT liaison for triage.", "Whatever no rule above takes, the liaison sorts out.");
        yaml = Edit(yaml, "description: Agreed by the Contact Center Director and the CIO.", "description: Renegotiated wording, same agreement.");
        yaml = Edit(yaml, "version: \"2026.11\"", "version: \"2027.01\"");
        yaml = Edit(yaml, "    when: category == \"system-selection\"\n    owner: it-liaison\n", "    owner: it-liaison   # moved above its condition\n    when: 'category == \"system-selection\"'\n");
        yaml = Edit(yaml, "  cio:         { name: Chief Information Officer, calendar: it-hours }", "  cio:\n    calendar: it-hours\n    name: The CIO\n");
        yaml = Edit(yaml, "    stopWhen: status == \"done\"", "    stopWhen: 'status   ==  \"done\"'");
        yaml = Edit(yaml, "      resolve: { within: 40h }", "      resolve:\n        within: 2400m");

        var (result, _, _) = Diff(yaml);

        result.RuleDifferences.Should().BeEmpty();
        result.DefinitionChanges.Should().BeEmpty();
        result.CalendarDifferences.Should().BeEmpty();
        result.AreEquivalent.Should().BeTrue();
    }

    [Fact]
    public void A_rule_moved_above_another_is_found_where_both_match_with_a_witness()
    {
        var (result, old, @new) = Diff(MoveRule(Reference, "core-infrastructure", "after-hours-outage"));

        result.AreEquivalent.Should().BeFalse();
        result.RuleDifferences.Should().NotBeEmpty();
        foreach (var d in result.RuleDifferences)
        {
            d.Condition.Should().Contain("category = telephony-platform").And.Contain("not open(\"it-hours\")");
            d.Changes.Should().Contain(c => c.Facet == "owner" && c.Old == "it-oncall" && c.New == "it-infra");
            var (a, b) = ShouldBeWitnessed(d, old, @new);
            a.Trace.Matched.Should().Contain("after-hours-outage");
            b.Owner.Should().Be("it-infra");
        }
    }

    [Fact]
    public void A_category_added_to_a_rules_list_moves_that_category_to_the_rules_owner()
    {
        var (result, old, @new) = Diff(Edit(Reference, "when: category in [\"routing\", \"queue\",", "when: category in [\"routing\", \"upgrade\", \"queue\","));

        result.RuleDifferences.Should().NotBeEmpty();
        result.RuleDifferences.Should().OnlyContain(d => d.Condition.Contains("category = upgrade", StringComparison.Ordinal));
        result.RuleDifferences.Should().OnlyContain(d => d.Changes.Any(c => c.Facet == "owner" && c.Old == "it-infra" && c.New == "cc-ops"));
        foreach (var d in result.RuleDifferences)
        {
            ShouldBeWitnessed(d, old, @new);
        }
    }

    [Fact]
    public void A_changed_target_is_found_with_its_amount_and_calendar()
    {
        var (result, old, @new) = Diff(Edit(Reference, "      resolve: { within: 40h }", "      resolve: { within: 24h }"));

        var d = result.RuleDifferences.Should().ContainSingle().Subject;
        d.Changes.Should().ContainSingle(c => c.Facet == "targets.resolve").Which.Should().Match<FacetChange>(c => c.Old == "40h on it-hours" && c.New == "24h on it-hours");
        d.Condition.Should().Contain("network-backbone");
        ShouldBeWitnessed(d, old, @new);
    }

    [Fact]
    public void An_emergency_overlay_narrowed_to_P1_changes_P2_emergencies_only()
    {
        var (result, old, @new) = Diff(Edit(Reference, "when: emergency && priority <= \"P2\"", "when: emergency && priority <= \"P1\""));

        result.RuleDifferences.Should().NotBeEmpty();
        foreach (var d in result.RuleDifferences)
        {
            d.Condition.Should().Contain("priority = P2").And.Contain("emergency");
            d.Changes.Should().Contain(c => c.Facet == "approvers" && c.Old == "[it-oncall]");
            var (a, _) = ShouldBeWitnessed(d, old, @new);
            a.Trace.Matched.Should().Contain("emergency-overlay");
        }
    }

    [Fact]
    public void A_rule_that_became_unreachable_is_found()
    {
        var yaml = Edit(Reference, "  - id: system-selection\n", "  - id: selections-to-the-cio\n    when: category == \"system-selection\"\n    owner: cio\n    final: true\n\n  - id: system-selection\n");

        var (result, old, @new) = Diff(yaml);

        result.RuleDifferences.Should().NotBeEmpty();
        foreach (var d in result.RuleDifferences)
        {
            d.Condition.Should().Contain("category = system-selection");
            d.Changes.Should().Contain(c => c.Facet == "owner" && c.Old == "it-liaison" && c.New == "cio");
            var (_, b) = ShouldBeWitnessed(d, old, @new);
            b.Trace.Matched.Should().NotContain("system-selection", "the rule can no longer be reached");
        }

        result.RuleDifferences.SelectMany(d => d.Changes).Select(c => c.Facet).Should().Contain(["approvers", "targets.acknowledge", "targets.resolve"]);
    }

    [Fact]
    public void A_holiday_added_to_a_calendar_is_found_on_each_date_with_its_name()
    {
        var (result, _, _) = Diff(Edit(Reference, "      - { set: us-federal }\n", "      - { set: us-federal }\n      - { yearly: \"07-03\", name: Day before Independence Day }\n"));

        result.RuleDifferences.Should().BeEmpty();
        result.AreEquivalent.Should().BeFalse();
        var d = result.CalendarDifferences.Should().ContainSingle().Subject;
        d.CalendarId.Should().Be("it-hours");
        d.Cause.Should().Contain("Day before Independence Day").And.Contain("added");
        d.NewHours.Should().Be("closed");
        d.OldHours.Should().Be("08:00-18:00");

        // 2026-07-03 is a Friday, closed already as Independence Day observed; 2027-07-03 is a Saturday (closed
        // anyway); 2028-07-03 is a Monday, the one date the new holiday closes.
        d.Dates.Should().Equal(new LocalDate(2028, 7, 3));
    }

    [Fact]
    public void A_clocks_stop_condition_changed_is_found_as_a_typed_tree_change()
    {
        var (result, _, _) = Diff(Edit(Reference, "    stopWhen: status == \"done\"", "    stopWhen: status in [\"done\", \"cancelled\"]"));

        var change = result.DefinitionChanges.Should().ContainSingle().Subject;
        change.Section.Should().Be(DefinitionSection.Clock);
        change.Subject.Should().Be("resolve");
        change.Description.Should().Contain("stopWhen").And.Contain("status in [\"done\", \"cancelled\"]");
        result.AreEquivalent.Should().BeFalse();
    }

    [Fact]
    public void A_new_required_field_is_found_as_events_the_new_version_refuses()
    {
        var (result, _, _) = Diff(Edit(Reference, "  scheduledStart: { type: instant, required: false }\n", "  scheduledStart: { type: instant, required: false }\n  region: { type: enum, values: [east, west] }\n"));

        var change = result.DefinitionChanges.Should().ContainSingle().Subject;
        change.Section.Should().Be(DefinitionSection.Field);
        change.Subject.Should().Be("region");
        change.Description.Should().Contain("required").And.Contain("refused");
        result.RuleDifferences.Should().BeEmpty("an event both versions accept is decided the same");
    }

    [Fact]
    public void An_enum_value_inserted_before_others_compares_by_name_not_by_position()
    {
        var (result, _, _) = Diff(Edit(Reference, "priority: { type: enum, values: [P1, P2, P3, P4], default: P3 }", "priority: { type: enum, values: [P0, P1, P2, P3, P4], default: P3 }"));

        result.RuleDifferences.Should().BeEmpty("'priority <= \"P2\"' means the same values by name, plus P0 that only the new version accepts");
        result.DefinitionChanges.Should().ContainSingle(c => c.Subject == "priority" && c.Description.Contains("P0", StringComparison.Ordinal));
    }

    [Fact]
    public void Past_the_bound_on_classes_a_seeded_sample_is_compared_and_the_result_says_so()
    {
        var options = Options with { MaxClasses = 3, SampleSize = 500, Seed = 7 };
        var (result, old, @new) = Diff(Edit(Reference, "      resolve: { within: 40h }", "      resolve: { within: 24h }"), options);

        result.IsSample.Should().BeTrue();
        result.Notes.Should().ContainSingle(n => n.Contains("sample", StringComparison.Ordinal));
        result.RuleDifferences.Should().NotBeEmpty();
        ShouldBeWitnessed(result.RuleDifferences[0], old, @new);
        PolicyDiff.Compare(old, @new, options).RuleDifferences.Select(d => d.Condition)
            .Should().Equal(result.RuleDifferences.Select(d => d.Condition), "a seeded sample is reproducible");
    }

    [Fact]
    public void Real_events_decided_differently_are_listed_with_deadlines_and_refusals()
    {
        string[] lines =
        [
            """{"id": "same", "submittedAt": "2026-12-02T15:00:00Z", "category": "routing"}""",
            """{"id": "moved", "submittedAt": "2026-12-02T15:00:00Z", "category": "upgrade"}""",
            """{"id": "bad", "submittedAt": "2026-12-02T15:00:00Z", "category": "nonsense"}""",
        ];
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var yaml = Edit(Reference, "      resolve: { within: 40h }", "      resolve: { within: 24h }");

        var (result, _, _) = Diff(yaml, Options with { Events = events });

        var moved = result.EventDifferences.Should().ContainSingle(e => e.EventId == "moved").Subject;
        moved.Number.Should().Be(2);
        moved.Changes.Should().Contain(c => c.Facet == "targets.resolve" && c.Old.Contains("40h", StringComparison.Ordinal) && c.New.Contains("24h", StringComparison.Ordinal));
        result.EventDifferences.Should().NotContain(e => e.EventId == "same");
        result.Notes.Should().Contain(n => n.StartsWith("event 3: both versions refuse it", StringComparison.Ordinal));
    }

    [Fact]
    public void An_event_only_the_new_version_accepts_is_listed_as_refused_by_the_old()
    {
        var events = new[] { JsonDocument.Parse("""{"submittedAt": "2026-12-02T15:00:00Z", "category": "routing", "priority": "P0"}""").RootElement.Clone() };
        var yaml = Edit(Reference, "values: [P1, P2, P3, P4]", "values: [P0, P1, P2, P3, P4]");

        var (result, _, _) = Diff(yaml, Options with { Events = events });

        result.EventDifferences.Should().ContainSingle().Which.Error.Should().StartWith("the old version refuses it").And.Contain("priority");
    }
}
