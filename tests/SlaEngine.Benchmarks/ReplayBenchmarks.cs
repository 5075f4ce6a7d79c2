using System.IO;
using System.Text;
using BenchmarkDotNet.Attributes;
using SlaEngine.Benchmarks.Synthetic;
using SlaEngine.Replay;

namespace SlaEngine.Benchmarks;

/// <summary>
/// Replaying a synthetic history of the reference policy (20,000 tickets, about 100,000 changes, a year of
/// submissions) held in memory: read, parse, track and add up, without writing a report. Grouped by ticket or sorted
/// by time, JSON lines or CSV, on one replay thread or one per processor. The whole-process figure for a million
/// changes is in docs/performance.md.
/// </summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private Policy _policy = null!;
    private byte[] _grouped = [];
    private byte[] _sorted = [];
    private byte[] _csv = [];

    /// <summary>Replay threads: 1, or null for one per processor.</summary>
    [Params(1, null)]
    public int? Threads { get; set; }

    /// <summary>Loads the policy and writes the three histories.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _policy = PolicyLoader.LoadFileOrThrow(Path.Combine("policies", "contact-center.yaml"));
        _grouped = Write(SyntheticHistory.Generate(20_000), csv: false);
        _sorted = Write(SyntheticHistory.Generate(20_000, sortedByTime: true), csv: false);
        _csv = Write(SyntheticHistory.Generate(20_000), csv: true);
    }

    /// <summary>JSON lines grouped by ticket.</summary>
    [Benchmark(Baseline = true)]
    public long GroupedJsonLines() => Replay(_grouped, HistoryFormat.JsonLines);

    /// <summary>JSON lines sorted by time across tickets.</summary>
    [Benchmark]
    public long SortedJsonLines() => Replay(_sorted, HistoryFormat.JsonLines);

    /// <summary>CSV grouped by ticket.</summary>
    [Benchmark]
    public long GroupedCsv() => Replay(_csv, HistoryFormat.Csv);

    private long Replay(byte[] history, HistoryFormat format) =>
        HistoryReplay.Simulate(_policy, new MemoryStream(history), format, new SimulationOptions { Threads = Threads }).Report!.History.Rows;

    private static byte[] Write(System.Collections.Generic.List<SyntheticHistory.Row> rows, bool csv)
    {
        using var writer = new StringWriter();
        if (csv)
        {
            SyntheticHistory.WriteCsv(rows, writer);
        }
        else
        {
            SyntheticHistory.WriteJsonLines(rows, writer);
        }

        return Encoding.UTF8.GetBytes(writer.ToString());
    }
}
