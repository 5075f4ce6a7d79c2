using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using CsCheck;
using FluentAssertions;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;
using Xunit;
using Xunit.Abstractions;

namespace SlaEngine.Tests.Reliability;

/// <summary>
/// YAML events (<see cref="Policy.ReadEventYaml"/>, what <c>slaengine evaluate --event x.yaml</c> reads): the events of
/// the test files, mutated at the byte, token and YAML-node level, read against the reference policy. Each is refused
/// with errors (bounded messages) or is an event that is decided, explained and tracked without an exception.
/// </summary>
public sealed class YamlEventFuzzTests(ITestOutputHelper output)
{
    private const string Seed = "0000jNVVYYG1";
    private const int CiSeconds = 2;
    private static readonly Policy Reference = PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath);
    private static readonly Lazy<(byte[][] Events, YamlMutator Mutator)> Corpus = new(ReadCorpus);

    [SharedFact]
    public void Mutated_yaml_events_give_errors_or_an_event_that_is_decided_without_an_exception()
    {
        var longMode = HostileInput.LongModeSeconds() is not null;
        var (events, mutator) = Corpus.Value;
        var findings = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        long tried = 0, accepted = 0;
        Gen.Select(Gen.Int[0, events.Length - 1], Gen.Int[0, 2], Gen.Int, Gen.Int[0, 3]).Sample(
            c =>
            {
                Interlocked.Increment(ref tried);
                var random = new Random(c.Item3);
                var yaml = Encoding.UTF8.GetString(mutator.Mutate(events[c.Item1], (MutationLevel)c.Item2, c.Item4, random));
                try
                {
                    var read = Hostile.WithinTime(TimeSpan.FromSeconds(10), () => Reference.ReadEventYaml(yaml), () => HostileInput.Shorten(yaml));
                    if (!read.Success)
                    {
                        read.Errors.Should().NotBeEmpty();
                        read.Errors.Should().OnlyContain(e => e.Message.Length > 0 && e.Message.Length < 1_000, "a message quotes a bounded part of the input");
                        read.ErrorMessage.Should().NotBeNullOrWhiteSpace();
                        return;
                    }

                    Interlocked.Increment(ref accepted);
                    Hostile.WithinTime(TimeSpan.FromSeconds(60), () => Decide(read.Event), () => "deciding " + HostileInput.Shorten(yaml));
                }
                catch (Exception ex)
                {
                    var finding = $"{HostileInput.Describe(ex)}\ninput: {HostileInput.Shorten(yaml)}";
                    if (!longMode)
                    {
                        throw new InvalidOperationException(finding);
                    }

                    if (findings.TryAdd(finding.Split('\n')[0], finding))
                    {
                        HostileInput.Report($"FINDING yaml event {c}: {finding}");
                    }
                }
            },
            seed: Seed,
            time: HostileInput.LongModeSeconds() ?? CiSeconds);

        var figures = $"yaml event fuzz: {tried} events from {events.Length}, {accepted} accepted, {findings.Count} distinct findings";
        output.WriteLine(figures);
        if (longMode)
        {
            HostileInput.Report(figures);
        }

        findings.Should().BeEmpty();
        accepted.Should().BeGreaterThan(0, "the mutants must reach evaluation");
    }

    [Theory]
    [InlineData("")]
    [InlineData("~")]
    [InlineData("- a\n- b\n")]
    [InlineData("just text")]
    [InlineData("{")]
    [InlineData("submittedAt: &a 2026-11-24T10:00:00Z\ncategory: *a\n")]
    [InlineData("submittedAt: 2026-11-24T10:00:00Z\ncategory: routing\ncategory: upgrade\n")]
    [InlineData("submittedAt: 2026-11-24T10:00:00Z\ncategory: {a: b}\n")]
    [InlineData("submittedAt: [2026-11-24T10:00:00Z]\ncategory: routing\n")]
    [InlineData("submittedAt: 2026-11-24T10:00:00Z\ncategory: routing\ntags: [[a]]\n")]
    [InlineData("submittedAt: 2026-11-24T10:00:00Z\ncategory: routing\naffectedAgents: 99999999999999999999\n")]
    [InlineData("submittedAt: 9999-12-31T23:59:59-14:00\ncategory: routing\n")]
    [InlineData("submittedAt: \"\\0\"\ncategory: \"\\ud800\"\n")]
    [InlineData("\uFEFFsubmittedAt: 2026-11-24T10:00:00Z\r\ncategory: routing\r\nsubmittedAt: 2026-11-25T10:00:00Z\r\n")]
    [InlineData("? [a, b]\n: c\nsubmittedAt: 2026-11-24T10:00:00Z\ncategory: routing\n")]
    public void A_hostile_yaml_event_is_refused_with_an_error_not_an_exception(string yaml)
    {
        var read = Hostile.WithinTime(TimeSpan.FromSeconds(10), () => Reference.ReadEventYaml(yaml), () => yaml);

        read.Success.Should().BeFalse(yaml);
        read.ErrorMessage.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_yaml_event_with_a_bom_and_crlf_is_read_like_the_plain_one()
    {
        var plain = Reference.ReadEventYaml("submittedAt: 2026-11-24T10:00:00-05:00\ncategory: routing\npriority: P3\n").GetEventOrThrow();
        var bom = Reference.ReadEventYaml("\uFEFFsubmittedAt: 2026-11-24T10:00:00-05:00\r\ncategory: routing\r\npriority: P3\r\n").GetEventOrThrow();

        Reference.Evaluate(bom).ToJson().Should().Be(Reference.Evaluate(plain).ToJson());
    }

    private static bool Decide(SlaEngine.Events.ChangeEvent e)
    {
        var decision = Reference.Evaluate(e);
        decision.ToJson().Should().NotBeNullOrEmpty();
        DecisionExplainer.Explain(Reference, decision).Should().NotBeNull();
        var ticket = Reference.Track(e).Append(Hostile.Plus(e.SubmittedAt, Duration.FromHours(1)), new Dictionary<string, object?> { ["status"] = "in-progress" });
        SlaJson.ToJson(ticket.StatusAt(Hostile.Plus(e.SubmittedAt, Duration.FromDays(3)))).Should().NotBeNullOrEmpty();
        return true;
    }

    /// <summary>The events of the test files (each case's <c>event:</c> and each timeline's first entry), as YAML documents.</summary>
    private static (byte[][] Events, YamlMutator Mutator) ReadCorpus()
    {
        var files = new[] { System.IO.Path.Combine(TestFiles.SharedAcceptance, "contact-center.tests.yaml"), System.IO.Path.Combine(TestFiles.RepositoryRoot, "samples", "policies", "contact-center.tests.yaml") };
        var events = new List<string>();
        foreach (var file in files)
        {
            if (YamlTree.Parse(System.IO.File.ReadAllText(file)) is not YamlTree.Map root)
            {
                continue;
            }

            var cases = root.Entries.FirstOrDefault(e => e.Key is YamlTree.Scalar { Text: "cases" }).Value as YamlTree.Seq;
            foreach (var c in cases?.Items.OfType<YamlTree.Map>() ?? [])
            {
                foreach (var (key, value) in c.Entries)
                {
                    if (key is YamlTree.Scalar { Text: "event" } && value is YamlTree.Map e)
                    {
                        events.Add(YamlTree.Emit(e));
                    }
                    else if (key is YamlTree.Scalar { Text: "timeline" } && value is YamlTree.Seq { Items: [YamlTree.Map first, ..] })
                    {
                        var at = first.Entries.FirstOrDefault(x => x.Key is YamlTree.Scalar { Text: "at" }).Value;
                        var set = first.Entries.FirstOrDefault(x => x.Key is YamlTree.Scalar { Text: "set" }).Value as YamlTree.Map;
                        if (at is not null && set is not null)
                        {
                            events.Add(YamlTree.Emit(new YamlTree.Map([(new YamlTree.Scalar("submittedAt"), at), .. set.Entries])));
                        }
                    }
                }
            }
        }

        events.Should().NotBeEmpty();
        return ([.. events.Select(Encoding.UTF8.GetBytes)], new YamlMutator(events));
    }
}
