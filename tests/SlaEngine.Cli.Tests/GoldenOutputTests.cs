using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FluentAssertions;
using NodaTime.Text;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;
using Xunit;
using static SlaEngine.Cli.Tests.CliRunner;

namespace SlaEngine.Cli.Tests;

/// <summary>
/// Pins the CLI's and the library's outputs on the samples byte for byte against files in <c>Golden/</c>, so that a
/// change meant to move code around can show that it changed no behaviour. To regenerate the files on purpose, run
/// the tests with <c>SLAENGINE_REGENERATE_GOLDEN=1</c> and review the diff.
/// </summary>
public sealed class GoldenOutputTests
{
    private static readonly string[] EventFiles = ["desktop-without-notice.json", "routing-change.json"];

    private static readonly string[] Policies = ["contact-center.yaml", "service-desk.yaml"];

    private static readonly string[] StatusInstants =
    [
        "2026-11-24T10:00:00-05:00", "2026-11-24T10:30:00-05:00", "2026-11-24T12:00:00-05:00", "2026-11-25T09:00:00-05:00",
        "2026-11-25T12:00:00-05:00", "2026-11-27T03:00:00Z", "2026-12-01T12:00:00-05:00", "2027-01-15T12:00:00-05:00",
    ];

    /// <summary>Every pinned output: a name (the golden file's) and how to produce it.</summary>
    public static TheoryData<string> Cases() => new(AllCases().Keys);

    private static Dictionary<string, Func<string>> AllCases()
    {
        var cases = new Dictionary<string, Func<string>>(StringComparer.Ordinal);
        foreach (var policy in Policies)
        {
            var stem = Path.GetFileNameWithoutExtension(policy);
            cases[$"check-{stem}"] = () => Cli("check", Sample("policies", policy));
            cases[$"check-{stem}-json"] = () => Cli("check", Sample("policies", policy), "--format", "json");
            foreach (var eventFile in EventFiles)
            {
                var eventStem = Path.GetFileNameWithoutExtension(eventFile);
                cases[$"evaluate-{stem}-{eventStem}-json"] = () => Cli("evaluate", Sample("policies", policy), "--event", Sample("events", eventFile));
                cases[$"evaluate-{stem}-{eventStem}-text"] = () => Cli("evaluate", Sample("policies", policy), "--event", Sample("events", eventFile), "--format", "text");
                cases[$"explain-{stem}-{eventStem}"] = () => Cli("explain", Sample("policies", policy), "--event", Sample("events", eventFile));
                cases[$"library-decision-{stem}-{eventStem}"] = () => LibraryDecision(policy, eventFile);
            }

            cases[$"evaluate-{stem}-timeline-array-json"] = () => Cli("evaluate", Sample("policies", policy), "--event", Sample("events", "ticket-timeline.json"));
            for (var i = 0; i < StatusInstants.Length; i++)
            {
                var at = StatusInstants[i];
                cases[$"evaluate-{stem}-timeline-{i}"] = () => Cli("evaluate", Sample("policies", policy), "--timeline", Sample("events", "ticket-timeline.json"), "--at", at);
            }

            cases[$"library-status-{stem}"] = () => LibraryStatus(policy);
        }

        cases["test-samples"] = () => Cli("test", Sample("policies"));
        cases["test-samples-coverage"] = () => Cli("test", Sample("policies"), "--coverage");
        cases["schema"] = () => Cli("schema");
        cases["schema-tests"] = () => Cli("schema", "--tests");
        cases["check-bad-policies"] = () => Cli(["check", .. BadPolicies()]);
        cases["check-bad-policies-json"] = () => Cli(["check", "--format", "json", .. BadPolicies()]);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_output_is_byte_identical_to_the_golden_file(string name)
    {
        var actual = AllCases()[name]();
        var path = Path.Combine(Root, "tests", "SlaEngine.Cli.Tests", "Golden", name + ".txt");
        if (Environment.GetEnvironmentVariable("SLAENGINE_REGENERATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
        }

        File.Exists(path).Should().BeTrue($"the golden file {name}.txt must exist (regenerate with SLAENGINE_REGENERATE_GOLDEN=1)");
        actual.Should().Be(File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static string[] BadPolicies() =>
        Directory.GetFiles(Path.Combine(Root, "tests", "SlaEngine.Tests", "Loading", "BadPolicies"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string Cli(params string[] args)
    {
        var (exit, output, error) = Run(args);
        return Relative($"exit: {exit}\n--- stdout\n{output}--- stderr\n{error.Replace("\r\n", "\n", StringComparison.Ordinal)}");
    }

    private static string Relative(string text) => text.Replace(Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);

    private static Policy LoadSample(string policy) => PolicyLoader.LoadFileOrThrow(Sample("policies", policy));

    private static string LibraryDecision(string policyFile, string eventFile)
    {
        var policy = LoadSample(policyFile);
        var read = policy.ReadEvent(File.ReadAllText(Sample("events", eventFile)));
        if (!read.Success)
        {
            return $"error: {read.ErrorMessage}\n";
        }

        var decision = policy.Evaluate(read.Event);
        return decision.ToJson(indented: true) + "\n" + decision.ToJson() + "\n";
    }

    private static string LibraryStatus(string policyFile)
    {
        var policy = LoadSample(policyFile);
        var read = policy.ReadTimeline(File.ReadAllText(Sample("events", "ticket-timeline.json")));
        if (!read.Success)
        {
            return $"error: {read.Error.Message}\n";
        }

        var builder = new StringBuilder();
        foreach (var text in StatusInstants)
        {
            var at = OffsetDateTimePattern.ExtendedIso.Parse(text).GetValueOrThrow().ToInstant();
            builder.Append(text).Append('\n');
            builder.Append(SlaJson.ToJson(read.Ticket!.StatusAt(at), indented: true)).Append('\n');
            builder.Append(read.Ticket.DecisionAt(at).ToJson()).Append('\n');
        }

        return builder.ToString();
    }
}
