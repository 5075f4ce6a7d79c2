using System.Collections.Immutable;
using System.Linq;

namespace SlaEngine.Testing;

/// <summary>The results of a test run: one per case (and one per test file that failed to load), and the rule coverage of each policy tested. Immutable.</summary>
public sealed class PolicyTestReport
{
    internal PolicyTestReport(ImmutableArray<PolicyTestResult> results, ImmutableArray<PolicyCoverage> coverage)
    {
        Results = results;
        Coverage = coverage;
        PassedCount = results.Count(r => r.Passed);
        FailedCount = results.Length - PassedCount;
    }

    /// <summary>The results, suite by suite, in case order.</summary>
    public ImmutableArray<PolicyTestResult> Results { get; }

    /// <summary>The rule coverage of each policy that loaded, by the cases that ran against it.</summary>
    public ImmutableArray<PolicyCoverage> Coverage { get; }

    /// <summary>How many cases passed.</summary>
    public int PassedCount { get; }

    /// <summary>How many cases failed (a test file that failed to load counts as one).</summary>
    public int FailedCount { get; }

    /// <summary>Whether every case passed.</summary>
    public bool AllPassed => FailedCount == 0;
}
