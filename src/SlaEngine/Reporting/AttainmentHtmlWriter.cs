using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using SlaEngine.Evaluation;
using SlaEngine.Replay;

namespace SlaEngine.Reporting;

/// <summary>
/// Writes an <see cref="AttainmentReport"/> as one self-contained HTML page for a director: no script, no network,
/// charts drawn on the server as inline SVG (attainment by ISO week per clock, breaches by owner team, the elapsed ÷
/// target distribution), each policy in its own colour when two are compared, and the figures as tables. The same
/// report gives the same bytes.
/// </summary>
/// <remarks>
/// Every chart is an <c>&lt;svg class="chart KIND"&gt;</c> whose bars are <c>&lt;rect class="bar"&gt;</c>, one per
/// group and policy, with a <c>&lt;title&gt;</c> giving the figure, so the page reads in any browser, in a mail client
/// and with a screen reader.
/// </remarks>
public static class AttainmentHtmlWriter
{
    /// <summary>The bins of the distribution chart: 0.1 of the target wide up to twice the target, then one for beyond.</summary>
    public const int DistributionBins = 21;

    private static readonly string[] Colours = ["#2563eb", "#ea580c"];

    /// <summary>The report as an HTML page.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The page.</returns>
    public static string ToHtml(AttainmentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder(64 * 1024);
        var names = report.Policies.Select(p => p.PolicyVersion is null ? p.PolicyId : $"{p.PolicyId} {p.PolicyVersion}").ToList();
        var title = $"SLA attainment: {string.Join(" vs ", names)}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(E(title)).Append("</h1>\n");
        var h = report.History;
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">At {E(SlaJson.FormatInstant(report.At))}. {h.Rows:N0} rows replayed, {h.Tickets:N0} tickets");
        if (h.BadRows > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $", {h.BadRows:N0} bad rows skipped");
        }

        if (report.Shard is { } shard)
        {
            html.Append(CultureInfo.InvariantCulture, $". Shard {shard}: a partial result");
        }

        html.Append(".</p>\n");
        if (report.IsComparison)
        {
            html.Append("<p class=\"legend\">");
            for (var p = 0; p < report.Policies.Length; p++)
            {
                html.Append(CultureInfo.InvariantCulture, $"<span><svg width=\"12\" height=\"12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"{Colours[p]}\"/></svg> {E(names[p])}</span> ");
            }

            html.Append("</p>\n");
        }

        foreach (var clock in report.Policies[0].Clocks)
        {
            var clocks = report.Policies.Select(p => p.ClockFor(clock.Clock)).ToList();
            html.Append("<section class=\"clock\">\n<h2>Clock <code>").Append(E(clock.Clock)).Append("</code></h2>\n");
            TotalsTable(html, report, clocks, names);
            html.Append("<h3>Attainment by ISO week</h3>\n");
            WeekChart(html, clock.Clock, clocks);
            html.Append("<h3>Breaches by owner team</h3>\n");
            OwnerChart(html, clock.Clock, clocks);
            html.Append("<h3>Elapsed ÷ target of ended cycles</h3>\n");
            DistributionChart(html, clock.Clock, clocks);
            GroupTables(html, clocks, names);
            html.Append("</section>\n");
        }

        Escalations(html, report, names);
        if (report.IsComparison)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>Tickets judged differently</h2>\n<p>{report.DifferenceCount:N0} ticket cycles have another owner or outcome under {E(names[1])}");
            html.Append(report.DifferenceCount > report.Differences.Length ? $"; the first {report.Differences.Length}:</p>\n" : ".</p>\n");
            if (report.Differences.Length > 0)
            {
                html.Append("<table class=\"differences\"><thead><tr><th>ticket</th><th>clock</th><th>cycle</th><th>").Append(E(names[0])).Append("</th><th>").Append(E(names[1])).Append("</th></tr></thead><tbody>\n");
                foreach (var d in report.Differences)
                {
                    html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(d.Ticket)}</td><td>{E(d.Clock)}</td><td>{d.Cycle}</td><td>{E(AttainmentTextWriter.Describe(d.Owner, d.Outcome))}</td><td>{E(AttainmentTextWriter.Describe(d.OtherOwner, d.OtherOutcome))}</td></tr>\n");
                }

                html.Append("</tbody></table>\n");
            }
        }

        if (h.FirstBadRows.Length > 0)
        {
            html.Append("<h2>Bad rows skipped</h2>\n<ul class=\"bad-rows\">\n");
            foreach (var error in h.FirstBadRows)
            {
                html.Append("<li>").Append(E(error.ToString())).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<p class=\"note\">Attainment = met ÷ (met + breached); cancelled cycles are neither. Elapsed ÷ target percentiles come from fixed buckets 0.01 wide below four times the target.</p>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private const string Style = """
        body { font: 14px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 1100px; color: #1f2937; padding: 0 1rem; }
        h1 { font-size: 1.5rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #e5e7eb; } h3 { font-size: 1rem; margin-bottom: .25rem; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-variant-numeric: tabular-nums; }
        th, td { padding: .2rem .6rem; border-bottom: 1px solid #f3f4f6; text-align: right; } th:first-child, td:first-child { text-align: left; }
        .meta, .note { color: #4b5563; } .legend span { margin-right: 1.5rem; }
        svg.chart { display: block; max-width: 100%; height: auto; } svg.chart text { font-size: 11px; fill: #374151; }
        details { margin: .5rem 0; }

        """;

    private static void TotalsTable(StringBuilder html, AttainmentReport report, List<ClockAttainment?> clocks, List<string> names)
    {
        html.Append("<table class=\"totals\"><thead><tr><th>policy</th><th>met</th><th>breached</th><th>cancelled</th><th>reset</th><th>running</th><th>not started</th><th>attainment</th><th>p50</th><th>p90</th><th>max</th></tr></thead><tbody>\n");
        for (var p = 0; p < clocks.Count; p++)
        {
            var f = clocks[p]?.Total;
            if (f is null)
            {
                continue;
            }

            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(names[p])}</td><td>{f.Met:N0}</td><td>{f.Breached:N0}</td><td>{f.Cancelled:N0}</td><td>{f.Reset:N0}</td><td>{f.Running:N0}</td><td>{f.NotStarted:N0}</td><td>{AttainmentTextWriter.Percent(f.Attainment)}</td><td>{AttainmentTextWriter.Ratio(f.Ratio.P50)}</td><td>{AttainmentTextWriter.Ratio(f.Ratio.P90)}</td><td>{AttainmentTextWriter.Ratio(f.Ratio.Max)}</td></tr>\n");
        }

        if (report.IsComparison && clocks.Count > 1)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"change\"><td>change</td><td colspan=\"6\"></td><td>{AttainmentTextWriter.Points(clocks[0]?.Total.Attainment, clocks[1]?.Total.Attainment)}</td><td colspan=\"3\"></td></tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    /// <summary>Bars of attainment per ISO week, one per policy per week.</summary>
    private static void WeekChart(StringBuilder html, string clock, List<ClockAttainment?> clocks)
    {
        var weeks = clocks.SelectMany(c => c?.ByWeek.Select(g => g.Key) ?? []).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
        var series = clocks.Select(c => c?.ByWeek.ToDictionary(g => g.Key, g => g.Figures.Attainment) ?? []).ToList();
        var values = weeks.Select(w => series.Select(s => s.GetValueOrDefault(w)).ToArray()).ToList();
        BarChart(html, "attainment-by-week", clock, weeks, values, 1.0, v => AttainmentTextWriter.Percent(v), percentAxis: true);
    }

    /// <summary>Bars of breached cycles per owner team, one per policy per team.</summary>
    private static void OwnerChart(StringBuilder html, string clock, List<ClockAttainment?> clocks)
    {
        var teams = clocks.SelectMany(c => c?.ByOwner.Select(g => g.Key) ?? []).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
        var series = clocks.Select(c => c?.ByOwner.ToDictionary(g => g.Key, g => (double?)g.Figures.Breached) ?? []).ToList();
        var values = teams.Select(t => series.Select(s => s.GetValueOrDefault(t) ?? 0).Select(v => (double?)v).ToArray()).ToList();
        var max = Math.Max(1, values.SelectMany(v => v).Max(v => v ?? 0));
        BarChart(html, "breaches-by-owner", clock, teams, values, max, v => v is { } x ? x.ToString("N0", CultureInfo.InvariantCulture) + " breached" : "-", percentAxis: false);
    }

    /// <summary>A histogram of elapsed ÷ target in bins 0.1 wide up to 2, then one bin for 2 and beyond.</summary>
    private static void DistributionChart(StringBuilder html, string clock, List<ClockAttainment?> clocks)
    {
        var labels = Enumerable.Range(0, DistributionBins).Select(i => i < DistributionBins - 1 ? (i / 10.0).ToString("0.0", CultureInfo.InvariantCulture) : "≥2").ToList();
        var counts = clocks.Select(c =>
        {
            var bins = new double[DistributionBins];
            foreach (var bucket in c?.Total.Ratio.Buckets ?? [])
            {
                var lower = RatioDistribution.LowerBoundOf(bucket.Index);
                var bin = lower >= 2 ? DistributionBins - 1 : Math.Min((int)(bucket.Index / 10), DistributionBins - 2);
                bins[bin] += bucket.Count;
            }

            return bins;
        }).ToList();
        var values = Enumerable.Range(0, DistributionBins).Select(i => counts.Select(c => (double?)c[i]).ToArray()).ToList();
        var max = Math.Max(1, values.SelectMany(v => v).Max(v => v ?? 0));
        BarChart(html, "ratio-distribution", clock, labels, values, max, v => v is { } x ? x.ToString("N0", CultureInfo.InvariantCulture) + " cycles" : "-", percentAxis: false, marker: 10);
    }

    private static void BarChart(StringBuilder html, string kind, string clock, List<string> labels, List<double?[]> values, double max, Func<double?, string> describe, bool percentAxis, int marker = -1)
    {
        const int height = 190, top = 10, left = 64, bottom = 56;
        var policies = values.Count > 0 ? values[0].Length : 1;
        var groupWidth = labels.Count == 0 ? 20 : Math.Clamp(900 / labels.Count, 10, 60);
        var barWidth = Math.Max(3, (groupWidth - 2) / policies);
        var width = left + Math.Max(1, labels.Count) * groupWidth + 10;
        var plot = height - top - bottom;
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart {kind}\" data-clock=\"{E(clock)}\" role=\"img\" aria-label=\"{E(kind.Replace('-', ' '))} for {E(clock)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">\n");
        for (var t = 0; t <= 4; t++)
        {
            var y = top + plot - (plot * t / 4.0);
            var tick = percentAxis ? $"{t * 25}%" : (max * t / 4).ToString(max >= 8 ? "N0" : "0.#", CultureInfo.InvariantCulture);
            html.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{width - 10}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#e5e7eb\"/><text x=\"{left - 4}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{E(tick)}</text>\n");
        }

        if (marker >= 0 && marker <= labels.Count)
        {
            var x = left + (marker * groupWidth);
            html.Append(CultureInfo.InvariantCulture, $"<line class=\"target\" x1=\"{x}\" x2=\"{x}\" y1=\"{top}\" y2=\"{top + plot}\" stroke=\"#dc2626\" stroke-dasharray=\"4 3\"/><text x=\"{x + 3}\" y=\"{top + 10}\">target</text>\n");
        }

        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / 26.0));
        for (var i = 0; i < labels.Count; i++)
        {
            for (var p = 0; p < policies; p++)
            {
                var value = values[i][p];
                var h = value is { } v ? Math.Max(0, plot * Math.Min(v, max) / max) : 0;
                var x = left + (i * groupWidth) + 1 + (p * barWidth);
                html.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" data-series=\"{p}\" x=\"{x}\" y=\"{top + plot - h:0.##}\" width=\"{barWidth - 1}\" height=\"{h:0.##}\" fill=\"{Colours[p % Colours.Length]}\"><title>{E(labels[i])}: {E(describe(value))}</title></rect>\n");
            }

            if (i % every == 0)
            {
                var lx = left + (i * groupWidth) + (groupWidth / 2.0);
                var ly = top + plot + 12;
                html.Append(CultureInfo.InvariantCulture, $"<text x=\"{lx:0.#}\" y=\"{ly}\" text-anchor=\"end\" transform=\"rotate(-45 {lx:0.#} {ly})\">{E(labels[i])}</text>\n");
            }
        }

        html.Append("</svg>\n");
    }

    private static void GroupTables(StringBuilder html, List<ClockAttainment?> clocks, List<string> names)
    {
        var first = clocks[0]!;
        var sections = new List<(string Title, Func<ClockAttainment, IEnumerable<AttainmentGroup>> Groups)>
        {
            ("by owner team", c => c.ByOwner),
            ("by ISO week", c => c.ByWeek),
        };
        sections.AddRange(first.ByField.Select(f => ($"by {f.Field}", (Func<ClockAttainment, IEnumerable<AttainmentGroup>>)(c => c.ByField.FirstOrDefault(x => x.Field == f.Field)?.Groups ?? []))));
        foreach (var (title, groups) in sections)
        {
            html.Append("<details><summary>Figures ").Append(E(title)).Append("</summary>\n<table><thead><tr><th></th>");
            foreach (var name in names)
            {
                html.Append("<th>met</th><th>breached</th><th>attainment</th><th>p90</th>");
            }

            html.Append("</tr></thead><tbody>\n");
            var keys = clocks.SelectMany(c => c is null ? [] : groups(c).Select(g => g.Key)).Distinct().OrderBy(k => k, StringComparer.Ordinal);
            foreach (var key in keys)
            {
                html.Append("<tr><td>").Append(E(key)).Append("</td>");
                foreach (var clock in clocks)
                {
                    var f = clock is null ? null : groups(clock).FirstOrDefault(g => g.Key == key)?.Figures;
                    html.Append(CultureInfo.InvariantCulture, $"<td>{(f is null ? "-" : f.Met.ToString("N0", CultureInfo.InvariantCulture))}</td><td>{(f is null ? "-" : f.Breached.ToString("N0", CultureInfo.InvariantCulture))}</td><td>{AttainmentTextWriter.Percent(f?.Attainment)}</td><td>{AttainmentTextWriter.Ratio(f?.Ratio.P90)}</td>");
                }

                html.Append("</tr>\n");
            }

            html.Append("</tbody></table>\n</details>\n");
        }
    }

    private static void Escalations(StringBuilder html, AttainmentReport report, List<string> names)
    {
        var keys = report.Policies.SelectMany(p => p.Escalations.Select(e => (e.Team, e.Clock))).Distinct().OrderBy(k => k.Team, StringComparer.Ordinal).ThenBy(k => k.Clock, StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return;
        }

        html.Append("<h2>Escalations fired, per notified team</h2>\n<table class=\"escalations\"><thead><tr><th>team</th><th>clock</th>");
        foreach (var name in names)
        {
            html.Append("<th>").Append(E(name)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var (team, clock) in keys)
        {
            html.Append("<tr><td>").Append(E(team)).Append("</td><td>").Append(E(clock)).Append("</td>");
            foreach (var policy in report.Policies)
            {
                var count = policy.Escalations.FirstOrDefault(e => e.Team == team && e.Clock == clock)?.Count ?? 0;
                html.Append(CultureInfo.InvariantCulture, $"<td>{count:N0}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
