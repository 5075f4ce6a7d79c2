using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.Json;
using SlaEngine.Evaluation;
using SlaEngine.Text;

namespace SlaEngine.Replay;

/// <summary>
/// Combines the partial reports of shards (<c>simulate --shard i/n</c>, written as JSON) into exactly the report one
/// run over the whole history gives: counts add up, bucketed distributions add up, maxima take the larger, and the
/// listed rows and differences are the first ones of the union.
/// </summary>
public static class AttainmentMerge
{
    /// <summary>Merges the partial reports of every shard of one replay.</summary>
    /// <param name="parts">One partial report per shard, in any order.</param>
    /// <returns>The whole report.</returns>
    /// <exception cref="ArgumentException">The parts are not every shard of one replay (a shard missing or repeated, another instant, other policies or breakdowns); the message says which.</exception>
    public static AttainmentReport Merge(IEnumerable<AttainmentReport> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("no partial report to merge", nameof(parts));
        }

        var first = list[0];
        var count = first.Shard?.Count ?? throw new ArgumentException("the first report is not a shard's partial report (it has no shard)", nameof(parts));
        var seen = new bool[count];
        foreach (var part in list)
        {
            if (part.Shard is not { } shard || shard.Count != count)
            {
                throw new ArgumentException($"every part must be a shard of {count}; one is {(part.Shard?.ToString() ?? "a whole report")}", nameof(parts));
            }

            if (seen[shard.Index])
            {
                throw new ArgumentException($"shard {shard} is given twice", nameof(parts));
            }

            seen[shard.Index] = true;
            if (part.At != first.At)
            {
                throw new ArgumentException($"shard {shard} is made at {InstantText.Format(part.At)}, shard {first.Shard} at {InstantText.Format(first.At)}: replay every shard with the same --at and history", nameof(parts));
            }

            if (!part.By.SequenceEqual(first.By) || !part.Policies.Select(p => (p.PolicyId, p.PolicyVersion)).SequenceEqual(first.Policies.Select(p => (p.PolicyId, p.PolicyVersion))))
            {
                throw new ArgumentException($"shard {shard} was replayed with other policies or --by fields than shard {first.Shard}", nameof(parts));
            }
        }

        var missing = Enumerable.Range(0, count).Where(i => !seen[i]).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"shard{(missing.Count > 1 ? "s" : string.Empty)} {string.Join(", ", missing.Select(i => $"{i}/{count}"))} {(missing.Count > 1 ? "are" : "is")} missing", nameof(parts));
        }

        var builder = new ReportBuilder(first.Policies.Select(p => (p.PolicyId, p.PolicyVersion, p.Clocks.Select(c => c.Clock))), first.By);
        foreach (var part in list)
        {
            builder.Add(part);
        }

        return builder.Build(first.At, null);
    }

    /// <summary>Reads a report written by <c>AttainmentJsonWriter</c> (format <c>slaengine/attainment-v1</c>).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="report">The report, when it could be read.</param>
    /// <param name="error">Why it could not, otherwise.</param>
    /// <returns>Whether the report was read.</returns>
    public static bool TryReadJson(string json, out AttainmentReport? report, out string error)
    {
        ArgumentNullException.ThrowIfNull(json);
        report = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            report = AttainmentReportReader.Read(document.RootElement);
            error = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            error = $"not an attainment report in JSON ({AttainmentReport.FormatName}): {ex.Message}";
            return false;
        }
    }
}
