using System;
using System.Collections.Immutable;
using System.Linq;
using SlaEngine.Diagnostics;
using SlaEngine.Evaluation;

namespace SlaEngine.Testing;

/// <summary>
/// The result of one test case: passed or failed, and for a failure every difference (key, expected, actual) and
/// any message that explains it (a refused event, a policy that failed to load). Immutable.
/// </summary>
public sealed class PolicyTestResult
{
    internal PolicyTestResult(
        string suiteName,
        string suiteFile,
        string caseName,
        SourceLocation location,
        string? policyPath,
        ImmutableArray<PolicyTestMismatch> mismatches,
        ImmutableArray<string> messages,
        DecisionTrace? trace,
        TimeSpan elapsed = default)
    {
        Elapsed = elapsed;
        SuiteName = suiteName;
        SuiteFile = suiteFile;
        CaseName = caseName;
        Location = location;
        PolicyPath = policyPath;
        Mismatches = mismatches;
        Messages = messages;
        Trace = trace;
    }

    /// <summary>The suite's name.</summary>
    public string SuiteName { get; }

    /// <summary>The test file.</summary>
    public string SuiteFile { get; }

    /// <summary>The case's name (for a test file that failed to load: <c>the test file loads</c>).</summary>
    public string CaseName { get; }

    /// <summary>Where the case is written.</summary>
    public SourceLocation Location { get; }

    /// <summary>The full path of the policy under test, or null when the test file did not load.</summary>
    public string? PolicyPath { get; }

    /// <summary>
    /// How long the case took to run, its policy's first load included (the runner caches the policy for the cases that
    /// follow); zero for a test file that did not load. Reported as JUnit's <c>time</c>.
    /// </summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Whether the case passed.</summary>
    public bool Passed => Mismatches.IsEmpty && Messages.IsEmpty;

    /// <summary>The expected values that differ from the actual ones, in the order the case wrote them.</summary>
    public ImmutableArray<PolicyTestMismatch> Mismatches { get; }

    /// <summary>Why the case failed when it is not a difference of values: the event was refused or accepted against the expectation, or the policy or the test file has errors (one diagnostic a line).</summary>
    public ImmutableArray<string> Messages { get; }

    /// <summary>Which rules matched and decided what for the case's event (the decision at <c>at</c> for a timeline); null when there was no decision.</summary>
    public DecisionTrace? Trace { get; }

    /// <summary>A one-line summary of why the case failed (the first message or difference, and how many more); empty when it passed.</summary>
    public string FailureSummary
    {
        get
        {
            var lines = Messages.Concat(Mismatches.Select(m => m.ToString().Replace('\n', ' '))).ToList();
            return lines.Count switch
            {
                0 => string.Empty,
                1 => lines[0],
                _ => $"{lines[0]} (and {lines.Count - 1} more)",
            };
        }
    }

    /// <summary>The same result, timed.</summary>
    internal PolicyTestResult WithElapsed(TimeSpan elapsed) =>
        new(SuiteName, SuiteFile, CaseName, Location, PolicyPath, Mismatches, Messages, Trace, elapsed);

    /// <summary>Returns <c>PASS suite › case</c> or <c>FAIL suite › case</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{(Passed ? "PASS" : "FAIL")} {SuiteName} › {CaseName}";
}
