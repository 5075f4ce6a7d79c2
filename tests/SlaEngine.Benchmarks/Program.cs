using BenchmarkDotNet.Running;

namespace SlaEngine.Benchmarks;

/// <summary>
/// Runs the benchmarks. <c>dotnet run -c Release --project tests/SlaEngine.Benchmarks -- --filter '*'</c> runs all
/// of them; add <c>--job dry</c> for a quick smoke run, or <c>--job short</c> for the quick mode.
/// </summary>
public static class Program
{
    /// <summary>Entry point: BenchmarkDotNet's switcher over every benchmark class in this assembly.</summary>
    /// <param name="args">BenchmarkDotNet arguments such as <c>--filter</c> and <c>--job</c>.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
