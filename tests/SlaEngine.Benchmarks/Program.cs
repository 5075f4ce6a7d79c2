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
}
