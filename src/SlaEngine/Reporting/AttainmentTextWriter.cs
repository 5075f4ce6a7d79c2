using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using SlaEngine.Evaluation;
using SlaEngine.Replay;

namespace SlaEngine.Reporting;

/// <summary>
/// Writes an <see cref="AttainmentReport"/> as plain-text tables for a terminal or a CI log: per clock, the total
/// then each owner team, ISO week and field value; with a comparison, both policies side by side with the
/// difference in attainment; then escalations per notified team, and the rows skipped.
/// </summary>
public static class AttainmentTextWriter
{
    /// <summary>The report as text.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string ToText(AttainmentReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var policies = report.Policies;
        var names = string.Join(" vs ", policies.Select(p => p.PolicyVersion is null ? p.PolicyId : $"{p.PolicyId} {p.PolicyVersion}"));
        text.Append(CultureInfo.InvariantCulture, $"SLA attainment at {SlaJson.FormatInstant(report.At)}: {names}");
        if (report.Shard is { } shard)
        {
            text.Append(CultureInfo.InvariantCulture, $" (shard {shard}, a partial result)");
        }

        text.Append('\n');
        var h = report.History;
        text.Append(CultureInfo.InvariantCulture, $"history: {h.Rows:N0} rows replayed, {h.Tickets:N0} tickets");
        if (h.BadRows > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {h.BadRows:N0} bad rows skipped");
        }

        if (h.RowsAfterEnd > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {h.RowsAfterEnd:N0} rows after a ticket's clocks ended");
        }

        if (h.RowsAfterAt > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {h.RowsAfterAt:N0} rows after the report's instant");
        }

        if (h.DuplicateRows > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $", {h.DuplicateRows:N0} repeated entries");
        }

        text.Append('\n');
        foreach (var clock in policies[0].Clocks)
        {
            var others = policies.Skip(1).Select(p => p.ClockFor(clock.Clock)).ToList();
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"clock {clock.Clock}\n");
            var rows = new List<(string Label, AttainmentFigures? Figures, AttainmentFigures? Other)>
            {
                ("total", clock.Total, others.FirstOrDefault()?.Total),
            };
            rows.AddRange(Pair("owner ", clock.ByOwner, others.FirstOrDefault()?.ByOwner));
            rows.AddRange(Pair("week ", clock.ByWeek, others.FirstOrDefault()?.ByWeek));
            foreach (var field in clock.ByField)
            {
                var other = others.FirstOrDefault()?.ByField.FirstOrDefault(f => f.Field == field.Field)?.Groups;
                rows.AddRange(Pair($"{field.Field}=", field.Groups, other));
            }

            text.Append(report.IsComparison ? CompareTable(rows) : Table(rows));
        }

        if (policies.Any(p => p.Escalations.Length > 0))
        {
            text.Append("\nescalations fired, per notified team\n");
            var labels = policies.Select(p => p.PolicyVersion ?? p.PolicyId).ToList();
            var table = new List<string[]> { report.IsComparison ? ["team", "clock", labels[0], labels[1], "change"] : ["team", "clock", "steps"] };
            var keys = policies.SelectMany(p => p.Escalations.Select(e => (e.Team, e.Clock))).Distinct().OrderBy(k => k.Team, StringComparer.Ordinal).ThenBy(k => k.Clock, StringComparer.Ordinal);
            foreach (var (team, clockName) in keys)
            {
                var counts = policies.Select(p => p.Escalations.FirstOrDefault(e => e.Team == team && e.Clock == clockName)?.Count ?? 0).ToList();
                table.Add(report.IsComparison
                    ? [team, clockName, Count(counts[0]), Count(counts[1]), Signed(counts[1] - counts[0])]
                    : [team, clockName, Count(counts[0])]);
            }

            text.Append(Render(table));
        }

        if (report.IsComparison)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{report.DifferenceCount:N0} ticket cycles judged differently (owner or outcome)");
            text.Append(report.DifferenceCount > report.Differences.Length ? $", the first {report.Differences.Length}:\n" : report.DifferenceCount > 0 ? ":\n" : "\n");
            foreach (var d in report.Differences)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {d.Ticket} {d.Clock}#{d.Cycle}: {Describe(d.Owner, d.Outcome)} -> {Describe(d.OtherOwner, d.OtherOutcome)}\n");
            }
        }

        if (h.FirstBadRows.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nbad rows skipped: {h.BadRows:N0}{(h.BadRows > h.FirstBadRows.Length ? $", the first {h.FirstBadRows.Length}" : string.Empty)}\n");
            foreach (var error in h.FirstBadRows)
            {
                text.Append("  ").Append(error.ToString()).Append('\n');
            }
        }

        text.Append("\nattainment = met / (met + breached); ratio = elapsed / target of ended cycles (p50, p90 to 0.01 below 4x).\n");
        return text.ToString();
    }

    /// <summary>Writes the report as text.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(AttainmentReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(ToText(report));
    }

    private static IEnumerable<(string, AttainmentFigures?, AttainmentFigures?)> Pair(string prefix, System.Collections.Immutable.ImmutableArray<AttainmentGroup> groups, System.Collections.Immutable.ImmutableArray<AttainmentGroup>? other)
    {
        var keys = groups.Select(g => g.Key).Concat(other?.Select(g => g.Key) ?? []).Distinct().OrderBy(k => k, StringComparer.Ordinal);
        foreach (var key in keys)
        {
            yield return (prefix + key, groups.FirstOrDefault(g => g.Key == key)?.Figures, other?.FirstOrDefault(g => g.Key == key)?.Figures);
        }
    }

    private static string Table(List<(string Label, AttainmentFigures? Figures, AttainmentFigures? Other)> rows)
    {
        var table = new List<string[]> { new[] { string.Empty, "met", "breached", "cancelled", "reset", "running", "not started", "attainment", "p50", "p90", "max" } };
        foreach (var (label, f, _) in rows)
        {
            if (f is null)
            {
                continue;
            }

            table.Add([label, Count(f.Met), Count(f.Breached), Count(f.Cancelled), Count(f.Reset), Count(f.Running), Count(f.NotStarted), Percent(f.Attainment), Ratio(f.Ratio.P50), Ratio(f.Ratio.P90), Ratio(f.Ratio.Max)]);
        }

        return Render(table);
    }

    private static string CompareTable(List<(string Label, AttainmentFigures? Figures, AttainmentFigures? Other)> rows)
    {
        var table = new List<string[]> { new[] { string.Empty, "met", "breached", "attainment", "p90", "|", "met", "breached", "attainment", "p90", "|", "change" } };
        foreach (var (label, f, o) in rows)
        {
            table.Add([
                label,
                Count(f?.Met), Count(f?.Breached), Percent(f?.Attainment), Ratio(f?.Ratio.P90), "|",
                Count(o?.Met), Count(o?.Breached), Percent(o?.Attainment), Ratio(o?.Ratio.P90), "|",
                Points(f?.Attainment, o?.Attainment),
            ]);
        }

        return Render(table);
    }

    private static string Render(List<string[]> table)
    {
        var widths = new int[table[0].Length];
        foreach (var row in table)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        foreach (var row in table)
        {
            text.Append("  ").Append(row[0].PadRight(widths[0]));
            for (var i = 1; i < row.Length; i++)
            {
                text.Append("  ").Append(row[i].PadLeft(widths[i]));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Count(long? value) => value is { } v ? v.ToString("N0", CultureInfo.InvariantCulture) : "-";

    private static string Signed(long value) => value.ToString("+#,0;-#,0;0", CultureInfo.InvariantCulture);

    /// <summary>An attainment as a percentage with one decimal, or <c>-</c>.</summary>
    internal static string Percent(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";

    /// <summary>A ratio with two decimals, or <c>-</c>.</summary>
    internal static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    /// <summary>The change in attainment in percentage points, or <c>-</c>.</summary>
    internal static string Points(double? from, double? to) =>
        from is { } a && to is { } b ? ((b - a) * 100).ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + " pt" : "-";

    /// <summary>A cycle's outcome and owner, or <c>no target</c>.</summary>
    internal static string Describe(string? owner, CycleOutcome? outcome) =>
        outcome is { } o ? $"{AttainmentJsonWriter.OutcomeName(o)} ({owner ?? "no owner"})" : "no target";
}
