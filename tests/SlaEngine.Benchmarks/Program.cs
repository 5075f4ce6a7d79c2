using System;
using System.Linq;
using BenchmarkDotNet.Running;

namespace SlaEngine.Benchmarks;

/// <summary>
/// Runs the benchmarks (see docs/performance.md).
/// <list type="bullet">
/// <item>Full: <c>dotnet run -c Release --project tests/SlaEngine.Benchmarks -- --filter '*'</c> (3 warmup and 10
/// measured iterations per benchmark unless <c>--job</c> says otherwise).</item>
/// <item>Quick (under five minutes on 2 cores): add <c>--quick</c>: in-process, 1 warmup and 3 iterations of 100 ms.</item>
/// <item>Smoke (CI): <c>--job dry --inProcess</c>.</item>
/// </list>
/// </summary>
public static class Program
{
    /// <summary>Entry point: BenchmarkDotNet's switcher over every benchmark class in this assembly.</summary>
    /// <param name="args">BenchmarkDotNet arguments such as <c>--filter</c> and <c>--job</c>, plus <c>--quick</c>.</param>
    public static void Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "generate-history")
        {
            GenerateHistory(args[1..]);
            return;
        }

        if (args.Length > 0 && args[0] == "generate-spread-policy")
        {
            GenerateSpreadPolicy(args[1..]);
            return;
        }

        // Expressed as command-line options so that they combine with --inProcess and --filter (a job added to the
        // config would be replaced by the one BenchmarkDotNet builds from the command line).
        if (args.Contains("--quick"))
        {
            args = [.. args.Where(a => a != "--quick"), "--job", "short", "--warmupCount", "1", "--iterationCount", "3", "--iterationTime", "100", "--inProcess"];
        }
        else if (!args.Any(a => a is "--job" or "-j" or "--iterationCount"))
        {
            args = [.. args, "--warmupCount", "3", "--iterationCount", "10"];
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    /// <summary>
    /// <c>generate-history --tickets N [--seed S] [--sorted] [--csv] --out FILE</c>: writes a synthetic history for the
    /// reference policy (see <see cref="Synthetic.SyntheticHistory"/>), for whole-process measurements of <c>simulate</c>.
    /// </summary>
    private static void GenerateHistory(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var tickets = int.Parse(Value("--tickets", "1000"), System.Globalization.CultureInfo.InvariantCulture);
        var seed = int.Parse(Value("--seed", "2026"), System.Globalization.CultureInfo.InvariantCulture);
        var rows = Synthetic.SyntheticHistory.Generate(tickets, seed, sortedByTime: args.Contains("--sorted"));
        using var output = new System.IO.StreamWriter(Value("--out", "history.jsonl"), false, new System.Text.UTF8Encoding(false), 1 << 16);
        if (args.Contains("--csv"))
        {
            Synthetic.SyntheticHistory.WriteCsv(rows, output);
        }
        else
        {
            Synthetic.SyntheticHistory.WriteJsonLines(rows, output);
        }

        Console.Error.WriteLine($"{rows.Count} rows, {tickets} tickets");
    }

    /// <summary>
    /// <c>generate-spread-policy --rules N --events M [--seed S] --out POLICY --events-out EVENTS</c>: writes the large
    /// policy with rules spread over three fields and M random events as JSON lines (see
    /// <see cref="Synthetic.SpreadPolicy"/>), for the whole-process measurement of the rule index.
    /// </summary>
    private static void GenerateSpreadPolicy(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var seed = int.Parse(Value("--seed", "2026"), culture);
        var encoding = new System.Text.UTF8Encoding(false);
        using (var policy = new System.IO.StreamWriter(Value("--out", "big.yaml"), false, encoding, 1 << 16))
        {
            Synthetic.SpreadPolicy.WritePolicy(int.Parse(Value("--rules", "100000"), culture), seed, policy);
        }

        using var events = new System.IO.StreamWriter(Value("--events-out", "events.jsonl"), false, encoding, 1 << 16);
        Synthetic.SpreadPolicy.WriteEvents(int.Parse(Value("--events", "1000"), culture), seed, events);
    }
}
