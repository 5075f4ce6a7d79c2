using System;
using System.Linq;
using BenchmarkDotNet.Configs;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

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
        var quick = args.Contains("--quick");
        args = [.. args.Where(a => a != "--quick")];
        var config = DefaultConfig.Instance;
        if (quick)
        {
            config = config.AddJob(Job.ShortRun
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithIterationTime(TimeInterval.FromMilliseconds(100))
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId("Quick"));
        }
        else if (!args.Contains("--job") && !args.Contains("-j"))
        {
            config = config.AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithId("Full"));
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
