using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using SlaEngine.Evaluation;
using SlaEngine.Text;

namespace SlaEngine.Replay;

/// <summary>Reads back the JSON of an attainment report (the counts and buckets; derived figures are recomputed).</summary>
internal static class AttainmentReportReader
{
    public static AttainmentReport Read(JsonElement root)
    {
        if (root.GetProperty("format").GetString() != AttainmentReport.FormatName)
        {
            throw new FormatException($"the format is not {AttainmentReport.FormatName}");
        }

        if (!InstantText.TryParse(root.GetProperty("at").GetString() ?? string.Empty, out var at, out var why))
        {
            throw new FormatException($"at: {why}");
        }

        SimulationShard? shard = null;
        if (root.GetProperty("shard").ValueKind == JsonValueKind.String)
        {
            shard = SimulationShard.TryParse(root.GetProperty("shard").GetString(), out var s) ? s : throw new FormatException("shard: expected i/n");
        }

        var by = root.GetProperty("by").EnumerateArray().Select(e => e.GetString()!).ToImmutableArray();
        var h = root.GetProperty("history");
        var bad = h.GetProperty("firstBadRows").EnumerateArray()
            .Select(e => new HistoryError(e.GetProperty("line").GetInt64(), Text(e, "ticket"), Text(e, "field"), e.GetProperty("message").GetString()!))
            .ToImmutableArray();
        var history = new HistorySummary(
            h.GetProperty("rows").GetInt64(),
            h.GetProperty("tickets").GetInt64(),
            h.GetProperty("badRows").GetInt64(),
            bad,
            h.GetProperty("rowsAfterEnd").GetInt64(),
            h.GetProperty("rowsAfterAt").GetInt64(),
            h.GetProperty("duplicateRows").GetInt64());
        var policies = root.GetProperty("policies").EnumerateArray().Select(ReadPolicy).ToImmutableArray();
        long differenceCount = 0;
        var differences = ImmutableArray<OutcomeDifference>.Empty;
        if (root.TryGetProperty("differences", out var d))
        {
            differenceCount = d.GetProperty("count").GetInt64();
            differences = [.. d.GetProperty("first").EnumerateArray().Select(e => new OutcomeDifference(
                e.GetProperty("ticket").GetString()!,
                e.GetProperty("clock").GetString()!,
                e.GetProperty("cycle").GetInt32(),
                Text(e, "owner"),
                Outcome(Text(e, "outcome")),
                Text(e, "otherOwner"),
                Outcome(Text(e, "otherOutcome"))))];
        }

        return new AttainmentReport(at, shard, by, history, policies, differenceCount, differences);
    }

    private static PolicyAttainment ReadPolicy(JsonElement p)
    {
        var clocks = p.GetProperty("clocks").EnumerateArray().Select(c => new ClockAttainment(
            c.GetProperty("clock").GetString()!,
            Figures(c.GetProperty("total")),
            Groups(c.GetProperty("byOwner")),
            Groups(c.GetProperty("byWeek")),
            [.. c.GetProperty("byField").EnumerateArray().Select(f => new FieldAttainment(f.GetProperty("field").GetString()!, Groups(f.GetProperty("groups"))))])).ToImmutableArray();
        var escalations = p.GetProperty("escalations").EnumerateArray()
            .Select(e => new EscalationCount(e.GetProperty("team").GetString()!, e.GetProperty("clock").GetString()!, e.GetProperty("count").GetInt64()))
            .ToImmutableArray();
        return new PolicyAttainment(p.GetProperty("policy").GetString()!, Text(p, "version"), clocks, escalations);
    }

    private static ImmutableArray<AttainmentGroup> Groups(JsonElement array) =>
        [.. array.EnumerateArray().Select(g => new AttainmentGroup(g.GetProperty("key").GetString()!, Figures(g)))];

    private static AttainmentFigures Figures(JsonElement f)
    {
        var ratio = f.GetProperty("ratio");
        var buckets = ratio.GetProperty("buckets").EnumerateArray().Select(b => new RatioBucket(b[0].GetInt32(), b[1].GetInt64())).ToImmutableArray();
        double? max = ratio.GetProperty("max").ValueKind == JsonValueKind.Number ? ratio.GetProperty("max").GetDouble() : null;
        return new AttainmentFigures(
            f.GetProperty("met").GetInt64(),
            f.GetProperty("breached").GetInt64(),
            f.GetProperty("cancelled").GetInt64(),
            f.GetProperty("reset").GetInt64(),
            f.GetProperty("running").GetInt64(),
            f.GetProperty("notStarted").GetInt64(),
            new RatioDistribution(ratio.GetProperty("count").GetInt64(), max, buckets));
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static CycleOutcome? Outcome(string? name) => name switch
    {
        null => null,
        "met" => CycleOutcome.Met,
        "breached" => CycleOutcome.Breached,
        "cancelled" => CycleOutcome.Cancelled,
        "reset" => CycleOutcome.Reset,
        "running" => CycleOutcome.Running,
        "not-started" => CycleOutcome.NotStarted,
        _ => throw new FormatException($"'{name}' is not an outcome"),
    };
}
