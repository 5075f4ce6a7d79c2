using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Tracking;
using SlaEngine.Loading;

namespace SlaEngine.Testing;

/// <summary>
/// Runs policy test suites: loads each policy once (cached by full path for the runner's lifetime), evaluates each
/// case's event or tracks its timeline, and compares the outcome with the case's <c>expect</c>.
/// </summary>
/// <remarks>
/// A case whose event is refused passes only when it expects <c>error</c> and the refusal message contains it
/// (ordinal comparison); an <c>error</c> case whose event is accepted fails. A policy that fails to load fails every
/// case of its suites with the policy's diagnostics; a test file that fails to load is one failed result named
/// <c>the test file loads</c>. Never throws for bad test or policy files. Thread-safe; create one per run so edited
/// policies are read afresh.
/// </remarks>
/// <example>
/// <code>
/// var report = new PolicyTestRunner().Run(["policies/"]);
/// TestReportWriter.WriteText(report, Console.Out);
/// return report.AllPassed ? 0 : 1;
/// </code>
/// </example>
public sealed class PolicyTestRunner
{
    /// <summary>The case name given to the result of a test file that failed to load.</summary>
    public const string TestFileLoadsCaseName = "the test file loads";

    private readonly ConcurrentDictionary<string, PolicyLoadResult> _policies = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates a runner that times each case (for <see cref="PolicyTestResult.Elapsed"/>) with the system's clock.</summary>
    public PolicyTestRunner()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Creates a runner that times each case with <paramref name="timeProvider"/> (a fake one in tests).</summary>
    /// <param name="timeProvider">The clock read before and after each case.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    public PolicyTestRunner(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
    }

    /// <summary>Finds every <c>*.tests.yaml</c> under the paths (see <see cref="PolicyTestSuite.FindFiles"/>), loads and runs them.</summary>
    /// <param name="paths">Test files and directories.</param>
    /// <param name="filter">When given, only cases whose name contains this text (ignoring case) run.</param>
    /// <returns>The report.</returns>
    public PolicyTestReport Run(IEnumerable<string> paths, string? filter = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var results = ImmutableArray.CreateBuilder<PolicyTestResult>();
        foreach (var file in PolicyTestSuite.FindFiles(paths))
        {
            try
            {
                var load = PolicyTestSuite.Load(file);
                if (load.Success)
                {
                    results.AddRange(RunSuite(load.Suite, filter));
                }
                else
                {
                    results.Add(TestFileFailure(file, load.Diagnostics));
                }
            }
#pragma warning disable CA1031 // One suite's fault must not stop the others (nor lose their report): it fails that suite.
            catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                var fault = new DiagnosticBag();
                fault.Error(DiagnosticCodes.InvalidTestCase, new SourceLocation(file, 1, 1), $"the suite could not be run because of a fault in SlaEngine ({ex.GetType().Name}: {ex.Message.Split('\n')[0]}); please report it with its files");
                results.Add(TestFileFailure(file, fault.ToImmutable()));
            }
        }

        return Report(results.ToImmutable());
    }

    /// <summary>Runs loaded suites.</summary>
    /// <param name="suites">The suites.</param>
    /// <param name="filter">When given, only cases whose name contains this text (ignoring case) run.</param>
    /// <returns>The report.</returns>
    public PolicyTestReport Run(IEnumerable<PolicyTestSuite> suites, string? filter = null)
    {
        ArgumentNullException.ThrowIfNull(suites);
        return Report([.. suites.SelectMany(s => RunSuite(s, filter))]);
    }

    /// <summary>Runs the cases of one suite.</summary>
    /// <param name="suite">The suite.</param>
    /// <param name="filter">When given, only cases whose name contains this text (ignoring case) run.</param>
    /// <returns>One result per case run, in file order.</returns>
    public ImmutableArray<PolicyTestResult> RunSuite(PolicyTestSuite suite, string? filter = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        return [.. suite.Cases.Where(c => Matches(c, filter)).Select(c => RunCase(suite, c))];
    }

    /// <summary>Runs one case of a suite.</summary>
    /// <param name="suite">The suite the case belongs to (it names the policy).</param>
    /// <param name="testCase">The case.</param>
    /// <returns>The result.</returns>
    public PolicyTestResult RunCase(PolicyTestSuite suite, PolicyTestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(testCase);
        var start = _time.GetUtcNow();
        var result = Check(suite, testCase);
        var elapsed = _time.GetUtcNow() - start;
        return result.WithElapsed(elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed);
    }

    private PolicyTestResult Check(PolicyTestSuite suite, PolicyTestCase testCase)
    {
        var load = LoadPolicy(suite.PolicyPath);
        if (!load.Success)
        {
            var lines = new List<string> { $"{suite.PolicyLocation}: the policy {suite.PolicyPath} failed to load:" };
            lines.AddRange(load.Errors.Select(d => d.ToString()));
            return Result(suite, testCase, [], [.. lines], null);
        }

        var policy = load.Policy;
        if (UnknownClocks(policy, testCase) is { Length: > 0 } unknown)
        {
            return Result(suite, testCase, [], [.. unknown.Select(d => d.ToString())], null);
        }

        string? refusal;
        ActualOutcome? outcome;
        try
        {
            (outcome, refusal) = Execute(policy, suite, testCase);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            // A fault of the engine, not of the case: report it on the case instead of stopping the run.
            return Result(suite, testCase, [], [$"the policy could not evaluate the case: {ex.GetType().Name}: {ex.Message}"], null);
        }

        if (refusal is not null)
        {
            if (testCase.ExpectedError is not { } expectedError)
            {
                return Result(suite, testCase, [], [$"the event was refused: {refusal}"], null);
            }

            return refusal.Contains(expectedError, StringComparison.Ordinal)
                ? Result(suite, testCase, [], [], null)
                : Result(suite, testCase, [new PolicyTestMismatch("error", $"a refusal naming '{expectedError}'", refusal)], [], null);
        }

        if (testCase.ExpectedError is { } error)
        {
            return Result(suite, testCase, [], [$"expected an error naming '{error}', but the event was accepted"], outcome!.Decision.Trace);
        }

        var mismatches = new List<PolicyTestMismatch>();
        try
        {
            foreach (var check in testCase.Checks)
            {
                check.Compare(outcome!, mismatches);
            }
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            // As above: a fault in comparing or showing values fails this case, never the run.
            return Result(suite, testCase, [.. mismatches], [$"the case's expectations could not be compared: {ex.GetType().Name}: {ex.Message}"], outcome!.Decision.Trace);
        }

        return Result(suite, testCase, [.. mismatches], [], outcome!.Decision.Trace);
    }

    /// <summary>Loads a policy file, or returns the result of loading it earlier in this runner.</summary>
    /// <param name="path">The policy file's path; cached by its full path.</param>
    /// <returns>The load result.</returns>
    public PolicyLoadResult LoadPolicy(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return _policies.GetOrAdd(Path.GetFullPath(path), PolicyLoader.LoadFile);
    }

    /// <summary>
    /// The clock names the case's expectations refer to that the policy does not define, each as a diagnostic
    /// at the name's position: a misspelt clock must fail, never pass as "no deadline".
    /// </summary>
    internal static ImmutableArray<Diagnostic> UnknownClocks(Policy policy, PolicyTestCase testCase)
    {
        if (testCase.ClockReferences.IsEmpty)
        {
            return [];
        }

        var names = policy.Clocks.Select(c => c.Name).ToList();
        var lines = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var reference in testCase.ClockReferences)
        {
            if (policy.FindClock(reference.Clock) is null)
            {
                var known = names.Count == 0 ? "it has none" : "its clocks are " + string.Join(", ", names);
                lines.Add(new Diagnostic(
                    DiagnosticCodes.InvalidExpectation,
                    DiagnosticSeverity.Error,
                    $"'{reference.Path}' names no clock of policy '{policy.Id}'{SuggestionFinder.DidYouMean(reference.Clock, names)}; {known}",
                    reference.Location));
            }
        }

        return lines.ToImmutable();
    }

    private static bool Matches(PolicyTestCase testCase, string? filter) =>
        string.IsNullOrEmpty(filter) || testCase.Name.Contains(filter, StringComparison.OrdinalIgnoreCase);

    private static (ActualOutcome? Outcome, string? Refusal) Execute(Policy policy, PolicyTestSuite suite, PolicyTestCase testCase)
    {
        if (testCase.Kind == PolicyTestCaseKind.Event)
        {
            var read = EventReader.FromYaml(policy.Schema, testCase.EventFields!);
            return read.Success ? (new ActualOutcome(policy, policy.Evaluate(read.Event), null), null) : (null, read.ErrorMessage);
        }

        var steps = testCase.Timeline;
        if (steps[0].At is null)
        {
            // The submission's 'at' is submittedAt: the event reader says what is wrong with it, as for an event.
            var values = new List<KeyValuePair<string, RawValue>> { new(EventSchema.SubmittedAtField, RawValue.String(steps[0].AtText)) };
            values.AddRange(Fields(steps[0]));
            return (null, $"timeline entry 0: {EventReader.Read(policy.Schema, values, suite.File).ErrorMessage}");
        }

        var timeline = Timeline.Empty;
        for (var i = 0; i < steps.Length; i++)
        {
            if (steps[i].At is not { } at)
            {
                return (null, $"timeline entry {i} ({steps[i].Location}): 'at': {steps[i].AtError}");
            }

            timeline = timeline.Add(new TimelineEntry(steps[i].Id, at, [.. Fields(steps[i])]));
        }

        var tracked = policy.Track(timeline);
        if (!tracked.Success)
        {
            return (null, tracked.Error.Message);
        }

        var ticket = tracked.Ticket;
        var status = ticket.StatusAt(testCase.At!.Value);
        return (new ActualOutcome(policy, status.Decision, status), null);
    }

    /// <summary>Reads a case's event, or its timeline's first entry, with the policy's event schema; and the mapping it came from.</summary>
    internal static (EventReadResult Read, SlaEngine.Yaml.YamlMapping Mapping) ReadFirstEvent(Policy policy, PolicyTestSuite suite, PolicyTestCase testCase)
    {
        if (testCase.Kind == PolicyTestCaseKind.Event)
        {
            return (EventReader.FromYaml(policy.Schema, testCase.EventFields!), testCase.EventFields!);
        }

        var first = testCase.Timeline[0];
        var values = new List<KeyValuePair<string, RawValue>> { new(EventSchema.SubmittedAtField, RawValue.String(first.AtText)) };
        values.AddRange(Fields(first));
        return (EventReader.Read(policy.Schema, values, suite.File), first.Set);
    }

    private static IEnumerable<KeyValuePair<string, RawValue>> Fields(TimelineStep step) =>
        step.Set.Entries.Select(e => new KeyValuePair<string, RawValue>(e.Key.Value, EventReader.FromYamlValue(e.Value)));

    private static PolicyTestResult Result(PolicyTestSuite suite, PolicyTestCase testCase, ImmutableArray<PolicyTestMismatch> mismatches, ImmutableArray<string> messages, Evaluation.DecisionTrace? trace) =>
        new(suite.Name, suite.File, testCase.Name, testCase.Location, suite.PolicyPath, mismatches, messages, trace);

    private static PolicyTestResult TestFileFailure(string file, ImmutableArray<Diagnostic> diagnostics)
    {
        var name = Path.GetFileName(file);
        if (name.EndsWith(PolicyTestSuite.FileSuffix, StringComparison.Ordinal))
        {
            name = name[..^PolicyTestSuite.FileSuffix.Length];
        }

        var errors = diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToImmutableArray();
        return new PolicyTestResult(name, file, TestFileLoadsCaseName, new SourceLocation(file, 1, 1), null, [], errors, null);
    }

    private PolicyTestReport Report(ImmutableArray<PolicyTestResult> results)
    {
        var coverage = ImmutableArray.CreateBuilder<PolicyCoverage>();
        foreach (var group in results.Where(r => r.PolicyPath is not null).GroupBy(r => r.PolicyPath!, StringComparer.Ordinal))
        {
            if (_policies.TryGetValue(group.Key, out var load) && load.Success)
            {
                coverage.Add(PolicyCoverage.Compute(load.Policy, group.Key, group.Select(r => r.Trace).OfType<Evaluation.DecisionTrace>()));
            }
        }

        return new PolicyTestReport(results, coverage.ToImmutable());
    }
}
