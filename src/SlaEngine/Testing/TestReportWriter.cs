using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace SlaEngine.Testing;

/// <summary>
/// Writes a <see cref="PolicyTestReport"/> the way <c>opa test</c> does: one line per case, a failure followed by its
/// expected and actual values, totals last; or as JUnit XML for CI systems; or the rule coverage.
/// </summary>
/// <example>
/// <code>
/// PASS contact-center › a routing change is the contact center's
/// FAIL contact-center › an emergency overlays approvals
///     at tests/contact-center.tests.yaml:21:5
///     deadlines.resolve
///       expected: 2026-11-24T14:00:00-05:00 (Tue 2026-11-24 14:00 EST on cc-hours)
///       actual:   2026-11-26T22:00:00-05:00 (Thu 2026-11-26 22:00 EST on cc-hours)
/// 1 passed, 1 failed
/// </code>
/// </example>
public static class TestReportWriter
{
    /// <summary>Writes one line per case, the differences of each failure indented under it, and <c>N passed, N failed</c> as the last line.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="coverage">Whether to write the rule coverage of each policy before the totals.</param>
    public static void WriteText(PolicyTestReport report, TextWriter writer, bool coverage = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var result in report.Results)
        {
            writer.WriteLine(result.ToString());
            if (!result.Passed)
            {
                WriteFailure(result, writer);
            }
        }

        if (coverage)
        {
            WriteCoverage(report, writer);
        }

        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{report.PassedCount} passed, {report.FailedCount} failed"));
    }

    /// <summary>Writes the details of a failed case (its position, then each message and difference), indented by four spaces.</summary>
    /// <param name="result">The result.</param>
    /// <param name="writer">Where to write.</param>
    public static void WriteFailure(PolicyTestResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"    at {result.Location}");
        foreach (var message in result.Messages)
        {
            writer.WriteLine("    " + message.Replace("\n", "\n      ", StringComparison.Ordinal));
        }

        foreach (var mismatch in result.Mismatches)
        {
            writer.WriteLine("    " + mismatch.Path);
            writer.WriteLine("      expected: " + Indent(mismatch.Expected));
            writer.WriteLine("      actual:   " + Indent(mismatch.Actual));
        }
    }

    /// <summary>Writes, per policy, the rules no case matched and the facets of each rule that never decided anything.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write.</param>
    public static void WriteCoverage(PolicyTestReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var policy in report.Coverage)
        {
            var matched = policy.Rules.Count(r => r.Matched);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coverage of {policy.PolicyId} ({policy.PolicyPath}): {matched} of {policy.Rules.Length} rules matched"));
            var unmatched = policy.UnmatchedRules;
            if (!unmatched.IsEmpty)
            {
                writer.WriteLine("    no case matched: " + string.Join(", ", unmatched));
            }

            foreach (var rule in policy.Rules.Where(r => r.Matched && !r.UndecidedFacets.IsEmpty))
            {
                writer.WriteLine($"    {rule.RuleId} never decided: {string.Join(", ", rule.UndecidedFacets)}");
            }
        }
    }

    /// <summary>
    /// Writes JUnit XML: a <c>testsuites</c> element with one <c>testsuite</c> per test file and one <c>testcase</c>
    /// per case; a failed case has a <c>failure</c> whose <c>message</c> is <see cref="PolicyTestResult.FailureSummary"/>
    /// and whose text is the full difference. Each case's <c>time</c> is its <see cref="PolicyTestResult.Elapsed"/> in
    /// seconds (<c>0.012</c>); a suite's and the whole run's are the sums of theirs.
    /// </summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to write (the XML declaration says UTF-8).</param>
    public static void WriteJUnit(PolicyTestReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var settings = new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true, CloseOutput = false };
        writer.WriteLine("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        using var xml = XmlWriter.Create(writer, settings);
        xml.WriteStartElement("testsuites");
        xml.WriteAttributeString("name", "slaengine test");
        xml.WriteAttributeString("tests", Count(report.Results.Length));
        xml.WriteAttributeString("failures", Count(report.FailedCount));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("time", Seconds(report.Results.Select(r => r.Elapsed)));
        foreach (var suite in report.Results.GroupBy(r => r.SuiteFile, StringComparer.Ordinal))
        {
            var results = suite.ToList();
            xml.WriteStartElement("testsuite");
            xml.WriteAttributeString("name", XmlSafe(results[0].SuiteName));
            xml.WriteAttributeString("file", XmlSafe(suite.Key));
            xml.WriteAttributeString("tests", Count(results.Count));
            xml.WriteAttributeString("failures", Count(results.Count(r => !r.Passed)));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", "0");
            xml.WriteAttributeString("time", Seconds(results.Select(r => r.Elapsed)));
            foreach (var result in results)
            {
                xml.WriteStartElement("testcase");
                xml.WriteAttributeString("name", XmlSafe(result.CaseName));
                xml.WriteAttributeString("classname", XmlSafe(result.SuiteName));
                xml.WriteAttributeString("file", XmlSafe(result.Location.File));
                xml.WriteAttributeString("line", Count(result.Location.Line));
                xml.WriteAttributeString("time", Seconds([result.Elapsed]));
                if (!result.Passed)
                {
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", XmlSafe(result.FailureSummary));
                    xml.WriteAttributeString("type", result.Mismatches.IsEmpty ? "error" : "mismatch");
                    using var details = new StringWriter(CultureInfo.InvariantCulture);
                    WriteFailure(result, details);
                    xml.WriteString(XmlSafe(details.ToString()));
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.Flush();
        writer.WriteLine();
    }

    /// <summary>Writes JUnit XML to a file (UTF-8, no byte order mark), creating its directory when needed.</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The file to write.</param>
    public static void WriteJUnitFile(PolicyTestReport report, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        WriteJUnit(report, writer);
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    // JUnit's time: seconds, with a dot and millisecond precision, summed for a suite.
    private static string Seconds(IEnumerable<TimeSpan> elapsed) =>
        (elapsed.Sum(e => e.Ticks) / (double)TimeSpan.TicksPerSecond).ToString("0.000", CultureInfo.InvariantCulture);

    private static string Indent(string value) => value.Replace("\n", "\n                ", StringComparison.Ordinal);

    /// <summary>Drops characters XML 1.0 cannot hold (a test file may contain any text).</summary>
    private static string XmlSafe(string text)
    {
        if (text.All(XmlConvert.IsXmlChar))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text, i, 2);
                i++;
            }
            else
            {
                sb.Append('\uFFFD');
            }
        }

        return sb.ToString();
    }
}
