using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using SlaEngine.Events;

namespace SlaEngine.Replay;

/// <summary>
/// Replays a history of ticket changes through a policy (and optionally a second one) and reports SLA attainment:
/// the library behind <c>slaengine simulate</c>.
/// </summary>
/// <remarks>
/// <para>The history is streamed: a ticket is held in memory from its first row until every clock of it has ended for
/// good (then its figures are added up and it is dropped), or until the end of the file. So memory is bounded by the
/// tickets open at a point in the file, whether the rows come grouped by ticket or sorted by time. Later rows of a
/// ticket whose clocks have all ended cannot change any figure; they are counted and passed over.</para>
/// <para>The same history and options give the same report, whatever the order of the tickets: every figure is a count
/// or a maximum, and every list is sorted. Thread-safe: each call has its own state.</para>
/// </remarks>
/// <example>
/// <code>
/// using var history = File.OpenRead("history.jsonl");
/// var result = HistoryReplay.Simulate(policy, history, HistoryFormat.JsonLines, new SimulationOptions { Compare = proposed });
/// var resolve = result.Report!.Policies[0].ClockFor("resolve")!.Total.Attainment;
/// </code>
/// </example>
public static class HistoryReplay
{
    /// <summary>Replays a history and reports attainment.</summary>
    /// <param name="policy">The policy to replay the history under.</param>
    /// <param name="history">The history (read to its end, then disposed).</param>
    /// <param name="format">How the history is written.</param>
    /// <param name="options">What to report; null for the defaults.</param>
    /// <returns>The report, or the first bad row (without <see cref="SimulationOptions.SkipBad"/>).</returns>
    /// <exception cref="ArgumentException">A <see cref="SimulationOptions.By"/> name is not an enum, bool or team field of the policy.</exception>
    public static SimulationResult Simulate(Policy policy, Stream history, HistoryFormat format, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(history);
        options ??= new SimulationOptions();
        var by = options.By.IsDefault ? [] : options.By;
        foreach (var name in by)
        {
            var field = policy.Schema.Find(name);
            if (field is null || field.Type is not (FieldType.Enum or FieldType.Bool or FieldType.Team))
            {
                var candidates = policy.Schema.Fields.Where(f => f.Type is FieldType.Enum or FieldType.Bool or FieldType.Team).Select(f => f.Name).ToList();
                throw new ArgumentException($"'{name}' is not an enum, bool or team field of policy {policy.Id}: figures can be broken down by {string.Join(", ", candidates)}", nameof(options));
            }
        }

        using var reader = HistoryReader.Open(history, format, policy.Schema);
        ImmutableArray<Policy> policies = options.Compare is null ? [policy] : [policy, options.Compare];
        return new Replayer(policies, options, by).Run(reader);
    }

    /// <summary>The format a history file's name implies: <c>.csv</c> is CSV, anything else JSON lines.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The format.</returns>
    public static HistoryFormat FormatOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? HistoryFormat.Csv : HistoryFormat.JsonLines;
    }
}
