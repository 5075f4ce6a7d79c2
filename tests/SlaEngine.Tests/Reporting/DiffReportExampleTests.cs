using System;
using System.IO;
using System.Linq;
using System.Text;
using FluentAssertions;
using NodaTime;
using SlaEngine.Analysis;
using SlaEngine.Reporting;
using SlaEngine.Tests.Analysis;
using Xunit;

namespace SlaEngine.Tests.Reporting;

/// <summary>
/// The diff report shown in <c>docs/diff-example.md</c> is what the library writes today for the reference policy
/// against a copy with one rule edited: when it is not, this test writes the page anew and fails, so the change is
/// reviewed and committed, never stale. The text report fits on one screen.
/// </summary>
public sealed class DiffReportExampleTests
{
    private static readonly string Page = Path.Combine(TestFiles.RepositoryRoot, "docs", "diff-example.md");

    private const string OldRule = """
            notice: { to: [cc-ops], before: scheduledStart, atLeast: 3bd }
            targets:
              acknowledge: { within: 4h }
              resolve: { within: 5bd }
        """;

    private const string NewRule = """
            notice: { to: [cc-ops], before: scheduledStart, atLeast: 5bd }
            targets:
              acknowledge: { within: 2h }
              resolve: { within: 5bd }
        """;

    private static PolicyDiffResult Diff()
    {
        var reference = File.ReadAllText(TestFiles.ReferencePolicyPath);
        var old = PolicyDiffTests.Load(reference, "contact-center.yaml");
        var @new = PolicyDiffTests.Load(PolicyDiffTests.Edit(reference, OldRule, NewRule), "contact-center.proposed.yaml");
        return PolicyDiff.Compare(old, @new, new PolicyDiffOptions { From = new LocalDate(2026, 12, 1) });
    }

    [Fact]
    public void The_text_report_of_a_one_rule_edit_fits_on_one_screen()
    {
        var text = DiffReportWriter.Write(Diff(), DiffReportFormat.Text);

        text.Split('\n').Length.Should().BeLessThanOrEqualTo(40);
        text.Split('\n').Should().OnlyContain(l => l.Length <= 240);
        text.Should().Contain("notice: 3bd before scheduledStart").And.Contain("targets.acknowledge: 4h on it-hours → 2h on it-hours");
    }

    [Fact]
    public void The_example_page_shows_what_the_library_writes()
    {
        var result = Diff();
        var page = new StringBuilder()
            .Append("# Example: reviewing a policy change with `slaengine diff`\n\n")
            .Append("<!-- Written by DiffReportExampleTests from samples/policies/contact-center.yaml and a copy of it whose\n")
            .Append("     agent-desktop rule asks for 5 business days' notice (was 3) and a 2h acknowledgement (was 4h). -->\n\n")
            .Append("The rule edited in the proposed version:\n\n```diff\n")
            .Append(string.Join("\n", OldRule.TrimEnd('\n').Split('\n').Zip(NewRule.TrimEnd('\n').Split('\n')).SelectMany(p => p.First == p.Second ? [" " + p.First] : new[] { "-" + p.First, "+" + p.Second })))
            .Append("\n```\n\n")
            .Append("`slaengine diff samples/policies/contact-center.yaml contact-center.proposed.yaml --from 2026-12-01` prints:\n\n```text\n")
            .Append(DiffReportWriter.Write(result, DiffReportFormat.Text))
            .Append("```\n\nWith `--format markdown`, for a pull-request comment:\n\n")
            .Append(DiffReportWriter.Write(result, DiffReportFormat.Markdown))
            .ToString();

        var existing = File.Exists(Page) ? File.ReadAllText(Page).Replace("\r\n", "\n", StringComparison.Ordinal) : "";
        if (existing != page)
        {
            File.WriteAllText(Page, page);
            Assert.Fail($"{Page} was out of date and has been written anew: review it and commit it.");
        }
    }
}
