using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using SlaEngine.Replay;
using SlaEngine.Reporting;
using SlaEngine.Tests.Replay;
using Xunit;

namespace SlaEngine.Tests.Reporting;

/// <summary>The HTML attainment report, opened in a real headless Chromium: the charts render, one bar per group and policy.</summary>
public sealed class AttainmentHtmlBrowserTests : IDisposable
{
    private static readonly Lazy<AttainmentReport> Report = new(() => ReplayFixtures.Report(
        File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "samples", "replay", "history.jsonl")),
        new SimulationOptions { Compare = ReplayFixtures.ReferenceTight, By = ["priority"] },
        policy: ReplayFixtures.Reference));

    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "slaengine-html-" + Guid.NewGuid().ToString("N"));

    public AttainmentHtmlBrowserTests() => Directory.CreateDirectory(_scratch);

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    private string Page()
    {
        var path = Path.Combine(_scratch, "report.html");
        File.WriteAllText(path, AttainmentHtmlWriter.ToHtml(Report.Value));
        return path;
    }

    [ChromiumFact]
    public void Chromium_renders_every_chart_with_one_bar_per_group_and_policy()
    {
        var (exit, dom, error) = Chromium.Run(Page(), "--dump-dom");

        exit.Should().Be(0, error);
        var report = Report.Value;
        var clocks = report.Policies[0].Clocks.Select(c => c.Clock).ToList();
        foreach (var clock in clocks)
        {
            var weeks = report.Policies.SelectMany(p => p.ClockFor(clock)!.ByWeek.Select(g => g.Key)).Distinct().Count();
            var owners = report.Policies.SelectMany(p => p.ClockFor(clock)!.ByOwner.Select(g => g.Key)).Distinct().Count();
            Bars(dom, "attainment-by-week", clock).Should().Be(weeks * 2, $"{clock}: {weeks} weeks, two policies");
            Bars(dom, "breaches-by-owner", clock).Should().Be(owners * 2);
            Bars(dom, "ratio-distribution", clock).Should().Be(AttainmentHtmlWriter.DistributionBins * 2);
        }

        Regex.Count(dom, "<svg class=\"chart ").Should().Be(clocks.Count * 3);
        dom.Should().Contain("<title>2026-W02: ");
        error.Should().NotContain("Uncaught").And.NotMatchRegex("CONSOLE\\(\\d+\\)");
    }

    [ChromiumFact]
    public void Chromium_takes_a_screenshot_of_the_page_kept_with_the_build_artifacts()
    {
        var folder = Path.Combine(TestFiles.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var screenshot = Path.Combine(folder, "attainment-report.png");
        File.Delete(screenshot);

        var (exit, _, error) = Chromium.Run(Page(), "--screenshot=" + screenshot, "--window-size=1200,2600", "--hide-scrollbars");

        exit.Should().Be(0, error);
        var bytes = File.ReadAllBytes(screenshot);
        bytes.Take(8).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "a PNG");
        bytes.Length.Should().BeGreaterThan(20_000, "a page with charts, not a blank one");
    }

    /// <summary>The bars of one chart in the serialized DOM.</summary>
    private static int Bars(string dom, string kind, string clock)
    {
        var match = Regex.Match(dom, $"<svg class=\"chart {kind}\" data-clock=\"{clock}\"[^>]*>(.*?)</svg>", RegexOptions.Singleline);
        match.Success.Should().BeTrue($"the page has a {kind} chart for {clock}");
        return Regex.Count(match.Groups[1].Value, "<rect class=\"bar\"");
    }
}
