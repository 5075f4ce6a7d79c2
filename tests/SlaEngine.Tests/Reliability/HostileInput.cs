using System;
using System.Globalization;
using System.IO;
using System.Linq;
using FluentAssertions;
using SlaEngine.Testing;

namespace SlaEngine.Tests.Reliability;

/// <summary>What the reliability tests of test files, YAML events and timelines share: the long mode, findings, well-formed results.</summary>
internal static class HostileInput
{
    /// <summary>The seconds of the long mode (<c>SLAENGINE_FUZZ_SECONDS</c>, as for the policy corpus fuzz), or null in CI.</summary>
    public static int? LongModeSeconds() =>
        int.TryParse(Environment.GetEnvironmentVariable("SLAENGINE_FUZZ_SECONDS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : null;

    /// <summary>Appends a line to the long mode's report (<c>SLAENGINE_FUZZ_REPORT</c>).</summary>
    public static void Report(string line)
    {
        var path = Environment.GetEnvironmentVariable("SLAENGINE_FUZZ_REPORT") is { Length: > 0 } p ? p : Path.Combine(Path.GetTempPath(), "slaengine-fuzz-report.txt");
        lock (typeof(HostileInput))
        {
            File.AppendAllText(path, $"{DateTime.UtcNow:O} {line}{Environment.NewLine}");
        }
    }

    /// <summary>Describes an exception for a finding: its type, first line and stack.</summary>
    public static string Describe(Exception ex)
    {
        var inner = ex is AggregateException { InnerException: { } i } ? i : ex;
        return $"{inner.GetType().Name}: {inner.Message.Split('\n')[0]}\n{inner}";
    }

    /// <summary>Shortens an input for a message.</summary>
    public static string Shorten(string s) => s.Length > 400 ? s[..400] + $"… ({s.Length} characters)" : s;

    /// <summary>Asserts a test file load is a suite (no errors) or errors (no suite), with positioned, known, bounded diagnostics.</summary>
    public static void ShouldBeWellFormed(PolicyTestSuiteLoadResult result, string because = "")
    {
        result.Should().NotBeNull();
        result.Diagnostics.IsDefault.Should().BeFalse();
        foreach (var d in result.Diagnostics)
        {
            d.Location.Line.Should().BeGreaterThanOrEqualTo(1, "{0} {1}", d, because);
            d.Location.Column.Should().BeGreaterThanOrEqualTo(1, "{0} {1}", d, because);
            Hostile.KnownCodes.Should().Contain(d.Code, "{0} {1}", d, because);
            d.Message.Should().NotBeNullOrWhiteSpace(because);
            d.Message.Length.Should().BeLessThanOrEqualTo(1_000, "a message quotes a bounded part of the input {0}", because);
        }

        if (result.Diagnostics.Any(d => d.IsError))
        {
            result.Suite.Should().BeNull("a test file with errors gives no suite {0}", because);
        }
        else
        {
            result.Suite.Should().NotBeNull("a test file without errors gives a suite {0}", because);
        }
    }

    /// <summary>Asserts every result of a run says passed or why not, and that the report writes as text and JUnit XML.</summary>
    public static void ShouldBeWellFormed(PolicyTestReport report, string because = "")
    {
        foreach (var r in report.Results)
        {
            r.ToString().Should().StartWith(r.Passed ? "PASS" : "FAIL");
            if (!r.Passed)
            {
                r.FailureSummary.Should().NotBeNullOrWhiteSpace(because);
            }

            r.Location.Line.Should().BeGreaterThanOrEqualTo(1, because);
            r.Location.Column.Should().BeGreaterThanOrEqualTo(1, because);
        }

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        TestReportWriter.WriteText(report, text, coverage: true);
        text.ToString().Should().Contain($"{report.PassedCount} passed, {report.FailedCount} failed");
        using var xml = new StringWriter(CultureInfo.InvariantCulture);
        TestReportWriter.WriteJUnit(report, xml);
        System.Xml.Linq.XDocument.Parse(xml.ToString()).Root!.Name.LocalName.Should().Be("testsuites");
    }
}
