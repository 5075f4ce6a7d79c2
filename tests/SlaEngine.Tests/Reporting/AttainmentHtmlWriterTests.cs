using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using SlaEngine.Replay;
using SlaEngine.Reporting;
using SlaEngine.Tests.Replay;
using Xunit;

namespace SlaEngine.Tests.Reporting;

public sealed class AttainmentHtmlWriterTests
{
    [Fact]
    public void A_year_of_the_reference_policy_compared_gives_a_page_light_enough_to_mail()
    {
        var report = ReplayFixtures.Report(ReplayFixtures.Synthetic(5000, seed: 3), new SimulationOptions { Compare = ReplayFixtures.ReferenceTight, By = ["priority", "category"] }, policy: ReplayFixtures.Reference);

        var html = AttainmentHtmlWriter.ToHtml(report);

        report.Policies[0].ClockFor("resolve")!.ByWeek.Length.Should().BeGreaterThanOrEqualTo(52);
        Encoding.UTF8.GetByteCount(html).Should().BeLessThan(1_000_000);
        html.Should().NotContain("<script").And.NotContain("src=").And.NotContain("href=").And.NotContain("url(");
    }

    [Fact]
    public void Names_from_the_history_are_escaped()
    {
        var history = ReplayFixtures.Lines("""{"ticket": "<b>T1</b>", "at": "2026-11-24T09:00:00Z", "category": "app"}""");

        var html = AttainmentHtmlWriter.ToHtml(ReplayFixtures.Report(history, new SimulationOptions { Compare = ReplayFixtures.Tight }));

        html.Should().NotContain("<b>T1</b>");
    }

    [Fact]
    public void The_hand_computed_history_draws_a_bar_per_week_owner_and_bin()
    {
        var html = AttainmentHtmlWriter.ToHtml(ReplayFixtures.Report(ReplayFixtures.JsonLines, new SimulationOptions { At = ReplayFixtures.Midnight }));

        var resolveOwners = Regex.Match(html, "<svg class=\"chart breaches-by-owner\" data-clock=\"resolve\".*?</svg>", RegexOptions.Singleline).Value;
        Regex.Count(resolveOwners, "<rect class=\"bar\"").Should().Be(2, "desk and infra");
        resolveOwners.Should().Contain("<title>desk: 1 breached</title>").And.Contain("<title>infra: 1 breached</title>");
        html.Should().Contain("<title>2026-W48: 60.0%</title>");
    }
}
