using System;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using SlaEngine.Testing;
using Xunit;

namespace SlaEngine.Tests.Testing;

public sealed class TestReportWriterTests
{
    private static PolicyTestReport BrokenReport(Scratch scratch)
    {
        var path = scratch.FixtureCopyWith("      owner: cc-ops\n      approvers", "      owner: it-infra\n      approvers");
        return new PolicyTestRunner().Run([path]);
    }

    private static string Text(PolicyTestReport report, bool coverage = false)
    {
        using var writer = new StringWriter();
        TestReportWriter.WriteText(report, writer, coverage);
        return writer.ToString();
    }

    [Fact]
    public void Text_output_has_one_line_per_case_and_the_totals_last()
    {
        var lines = Text(new PolicyTestRunner().Run([Scratch.FixtureSuite])).TrimEnd('\n').Split('\n');

        lines.Should().Equal(
            "PASS runner-fixture › a routing change is the contact center's",
            "PASS runner-fixture › the resolve clock runs from submission and the acknowledge clock breaches",
            "PASS runner-fixture › an unknown priority is refused with a message that names the field",
            "PASS runner-fixture › a timeline entry that sets an unknown status is refused",
            "PASS runner-fixture › a backbone change is IT's and ends the walk",
            "5 passed, 0 failed");
    }

    [Fact]
    public void A_failure_is_followed_by_its_position_and_expected_against_actual()
    {
        using var scratch = new Scratch();

        var lines = Text(BrokenReport(scratch)).TrimEnd('\n').Split('\n');

        lines[0].Should().Be("FAIL runner-fixture › a routing change is the contact center's");
        lines[1].Should().EndWith("broken.tests.yaml:4:5").And.StartWith("    at ");
        lines[2..5].Should().Equal("    owner", "      expected: it-infra", "      actual:   cc-ops");
        lines[5].Should().StartWith("PASS ");
        lines[^1].Should().Be("4 passed, 1 failed");
    }

    [Fact]
    public void JUnit_xml_is_well_formed_with_counts_and_failure_messages()
    {
        using var scratch = new Scratch();
        using var writer = new StringWriter();

        TestReportWriter.WriteJUnit(BrokenReport(scratch), writer);

        var document = XDocument.Parse(writer.ToString());
        var suites = document.Root!;
        suites.Name.LocalName.Should().Be("testsuites");
        suites.Attribute("tests")!.Value.Should().Be("5");
        suites.Attribute("failures")!.Value.Should().Be("1");
        var suite = suites.Elements("testsuite").Should().ContainSingle().Which;
        suite.Attribute("name")!.Value.Should().Be("runner-fixture");
        suite.Attribute("tests")!.Value.Should().Be("5");
        suite.Attribute("failures")!.Value.Should().Be("1");
        suite.Elements("testcase").Should().HaveCount(5);
        var failure = suite.Elements("testcase").Elements("failure").Should().ContainSingle().Which;
        failure.Parent!.Attribute("name")!.Value.Should().Be("a routing change is the contact center's");
        failure.Attribute("message")!.Value.Should().Be("owner: expected it-infra, actual cc-ops");
        failure.Value.Should().Contain("expected: it-infra");
    }

    [Fact]
    public void JUnit_xml_gives_each_case_the_time_it_took_and_each_suite_and_the_run_their_sums()
    {
        var time = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromMilliseconds(250) };
        var report = new PolicyTestRunner(time).Run([Scratch.FixtureSuite]);
        using var writer = new StringWriter();

        TestReportWriter.WriteJUnit(report, writer);

        var suites = XDocument.Parse(writer.ToString()).Root!;
        var cases = suites.Descendants("testcase").ToList();
        cases.Should().NotBeEmpty().And.OnlyContain(c => c.Attribute("time")!.Value == "0.250", "the clock moves 250 ms while each case runs");
        var total = (cases.Count * 0.25).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        suites.Element("testsuite")!.Attribute("time")!.Value.Should().Be(total);
        suites.Attribute("time")!.Value.Should().Be(total);
        report.Results.Should().OnlyContain(r => r.Elapsed == TimeSpan.FromMilliseconds(250));
    }

    [Fact]
    public void JUnit_xml_validates_as_xml_with_a_reader_that_checks_characters()
    {
        using var scratch = new Scratch();
        var path = scratch.Suite("  - name: \"a name with <markup> & a control char \\u0001\"\n    event: { submittedAt: \"2026-11-24T10:00:00Z\", category: routing }\n    expect: { owner: \"<nobody>\" }\n");
        var file = Path.Combine(scratch.Directory, "out", "junit.xml");

        TestReportWriter.WriteJUnitFile(new PolicyTestRunner().Run([path]), file);

        using var reader = XmlReader.Create(file, new XmlReaderSettings { CheckCharacters = true });
        var document = XDocument.Load(reader);
        document.Descendants("failure").Single().Attribute("message")!.Value.Should().Be("owner: expected <nobody>, actual cc-ops");
    }

    [Fact]
    public void Coverage_lists_the_rules_no_case_matched_and_facets_that_never_decided()
    {
        var report = new PolicyTestRunner().Run([Scratch.FixtureSuite]);

        var coverage = report.Coverage.Should().ContainSingle().Which;
        coverage.PolicyId.Should().Be("runner-fixture");
        coverage.UnmatchedRules.Should().Equal("never-reached");
        coverage.Rules.Single(r => r.RuleId == "backbone").UndecidedFacets.Should().BeEmpty();
        coverage.Rules.Single(r => r.RuleId == "late-informed").UndecidedFacets.Should().BeEmpty();
        coverage.Rules.Single(r => r.RuleId == "day-to-day").UndecidedFacets.Should().BeEmpty();
    }

    [Fact]
    public void Coverage_text_comes_before_the_totals()
    {
        var lines = Text(new PolicyTestRunner().Run([Scratch.FixtureSuite]), coverage: true).TrimEnd('\n').Split('\n');

        lines[^3].Should().StartWith("coverage of runner-fixture (").And.EndWith("): 3 of 4 rules matched");
        lines[^2].Should().Be("    no case matched: never-reached");
        lines[^1].Should().Be("5 passed, 0 failed");
    }

    [Fact]
    public void Coverage_counts_only_the_cases_that_ran()
    {
        var report = new PolicyTestRunner().Run([Scratch.FixtureSuite], "refused");

        report.Coverage.Single().UnmatchedRules.Should().Equal("day-to-day", "late-informed", "backbone", "never-reached");
    }
}
