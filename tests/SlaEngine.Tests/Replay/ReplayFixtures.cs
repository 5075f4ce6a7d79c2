using System;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using SlaEngine.Replay;
using SlaEngine.Reporting;

namespace SlaEngine.Tests.Replay;

/// <summary>The hand-computed replay fixtures, and helpers to replay text.</summary>
internal static class ReplayFixtures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Replay", "Fixtures");

    public static Policy Policy { get; } = PolicyLoader.LoadFileOrThrow(Path.Combine(Folder, "replay.yaml"));

    public static Policy Tight { get; } = PolicyLoader.LoadFileOrThrow(Path.Combine(Folder, "replay-tight.yaml"));

    public static Policy Reference { get; } = PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath);

    /// <summary>The reference policy with the contact center's resolve target tightened from 2bd to 1bd (samples/replay).</summary>
    public static Policy ReferenceTight { get; } = PolicyLoader.LoadFileOrThrow(Path.Combine(TestFiles.RepositoryRoot, "samples", "replay", "contact-center-tight-resolve.yaml"));

    public static string JsonLines => File.ReadAllText(Path.Combine(Folder, "replay.jsonl"));

    public static string Csv => File.ReadAllText(Path.Combine(Folder, "replay.csv"));

    /// <summary>Midnight after the last row: T5 has run 10 h, T6 1 h.</summary>
    public static Instant Midnight { get; } = Instant.FromUtc(2026, 11, 25, 0, 0);

    public static SimulationResult Run(string history, SimulationOptions? options = null, HistoryFormat format = HistoryFormat.JsonLines, Policy? policy = null) =>
        HistoryReplay.Simulate(policy ?? Policy, new MemoryStream(Encoding.UTF8.GetBytes(history)), format, options);

    public static AttainmentReport Report(string history, SimulationOptions? options = null, HistoryFormat format = HistoryFormat.JsonLines, Policy? policy = null)
    {
        var result = Run(history, options, format, policy);
        return result.Report ?? throw new InvalidOperationException($"the replay failed: {result.Error}");
    }

    /// <summary>The synthetic history of the reference policy as JSON lines (or CSV).</summary>
    public static string Synthetic(int tickets, int seed = 7, bool sortedByTime = false, bool csv = false)
    {
        var rows = SlaEngine.Benchmarks.Synthetic.SyntheticHistory.Generate(tickets, seed, sortedByTime);
        using var writer = new StringWriter();
        if (csv)
        {
            SlaEngine.Benchmarks.Synthetic.SyntheticHistory.WriteCsv(rows, writer);
        }
        else
        {
            SlaEngine.Benchmarks.Synthetic.SyntheticHistory.WriteJsonLines(rows, writer);
        }

        return writer.ToString();
    }

    public static string Json(AttainmentReport report) => AttainmentJsonWriter.ToJson(report);

    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    public static string WithoutLine(string text, int line) => string.Join("\n", text.Split('\n').Where((_, i) => i != line - 1));
}
