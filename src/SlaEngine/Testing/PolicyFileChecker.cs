using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Loading;
using SlaEngine.Yaml;

namespace SlaEngine.Testing;

/// <summary>
/// Checks a repository of policy files the way <c>slaengine check</c> does: finds the YAML files under folders,
/// tells test suites (a top-level <c>tests:</c> key) from policies, loads and lints each policy, and checks each suite
/// without running it: the suite loads, the policy it names loads, every case's event (or a timeline's first entry) is
/// read by that policy's event schema, and every clock the case names exists.
/// </summary>
/// <remarks>
/// Whether a case's expectations hold is not checked here: that is what running the suite does
/// (<see cref="PolicyTestRunner"/>). A policy named by suites is loaded once per checker (cached by its full path).
/// Never throws for bad files. Thread-safe.
/// </remarks>
/// <example>
/// <code>
/// var checker = new PolicyFileChecker();
/// foreach (var file in PolicyFileChecker.FindFiles(["policies/"]))
/// {
///     foreach (var diagnostic in checker.Check(file).Diagnostics)
///     {
///         Console.WriteLine(diagnostic); // policies/service-desk.tests.yaml:12:7: error SLA5005: ...
///     }
/// }
/// </code>
/// </example>
public sealed class PolicyFileChecker
{
    private readonly PolicyTestRunner _runner = new();

    /// <summary>
    /// Finds the files to check under the given paths: a directory is searched recursively for <c>*.yaml</c> and
    /// <c>*.yml</c> files, leaving out mappings of ticketing payloads (<c>*.mapping.yaml</c>, checked against their
    /// policy by <c>slaengine map</c>), folders whose name starts with a dot (<c>.git</c>, <c>.github</c>) and build
    /// output folders (<c>bin</c>, <c>obj</c>, which hold copies); any other path is taken as a file as it is (a
    /// missing one then fails to load with a diagnostic).
    /// </summary>
    /// <param name="paths">Files and directories.</param>
    /// <returns>The files, without duplicates, each directory's files in ordinal order of their paths.</returns>
    public static IReadOnlyList<string> FindFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var found = Directory.Exists(path) ? YamlFilesUnder(path).Order(StringComparer.Ordinal) : Enumerable.Repeat(path, 1);
            foreach (var file in found)
            {
                if (seen.Add(Path.GetFullPath(file)))
                {
                    files.Add(file);
                }
            }
        }

        return files;
    }

    /// <summary>
    /// Whether a file is a policy test suite: its top-level mapping has a <c>tests</c> key, or, when it cannot be read
    /// as YAML, its name ends with <c>.tests.yaml</c>.
    /// </summary>
    /// <param name="path">The file's path.</param>
    /// <returns>True for a test suite; false for anything else, which is checked as a policy.</returns>
    public static bool IsTestSuite(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var byName = path.EndsWith(PolicyTestSuite.FileSuffix, StringComparison.Ordinal);
        if (!BoundedFile.TryRead(path, PolicyTestSuite.MaxFileBytes, out var bytes, out _, out _))
        {
            return byName;
        }

        var root = YamlTreeReader.Read(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'), path, new DiagnosticBag());
        return root is YamlMapping map
            ? map.Entries.Any(e => e.Key.Value == "tests")
            : byName;
    }

    /// <summary>Checks one file: a test suite when <see cref="IsTestSuite"/> says so, a policy otherwise.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>What kind of file it is and every diagnostic found, errors and warnings, sorted by position.</returns>
    public PolicyFileCheckResult Check(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!IsTestSuite(path))
        {
            // Loaded as given, so that its diagnostics name the file as the caller did.
            return new PolicyFileCheckResult(path, isTestSuite: false, PolicyLoader.LoadFile(path).Diagnostics);
        }

        var diagnostics = new DiagnosticBag();
        var load = PolicyTestSuite.Load(path);
        foreach (var diagnostic in load.Diagnostics)
        {
            diagnostics.Add(diagnostic);
        }

        if (load.Success)
        {
            CheckSuite(load.Suite, diagnostics);
        }

        return new PolicyFileCheckResult(path, isTestSuite: true, diagnostics.ToImmutable());
    }

    private static IEnumerable<string> YamlFilesUnder(string directory)
    {
        var pending = new Stack<string>();
        pending.Push(directory);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(current))
            {
                // A mapping of ticketing payloads belongs to a policy it does not name: it is checked against that
                // policy with 'slaengine map', not here.
                if ((file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal))
                    && !file.EndsWith(".mapping.yaml", StringComparison.Ordinal) && !file.EndsWith(".mapping.yml", StringComparison.Ordinal))
                {
                    yield return file;
                }
            }

            foreach (var sub in Directory.EnumerateDirectories(current))
            {
                var name = Path.GetFileName(sub);
                if (!name.StartsWith('.') && name is not "bin" and not "obj")
                {
                    pending.Push(sub);
                }
            }
        }
    }

    private void CheckSuite(PolicyTestSuite suite, DiagnosticBag diagnostics)
    {
        var policyLoad = _runner.LoadPolicy(suite.PolicyPath);
        if (!policyLoad.Success)
        {
            var errors = policyLoad.Errors;
            diagnostics.Error(
                DiagnosticCodes.TestedPolicyFailsToLoad,
                suite.PolicyLocation,
                $"the policy {suite.PolicyPath} does not load ({errors.Length} error(s)); the first: {errors[0]}");
            return;
        }

        var policy = policyLoad.Policy;
        foreach (var testCase in suite.Cases)
        {
            foreach (var unknown in PolicyTestRunner.UnknownClocks(policy, testCase))
            {
                diagnostics.Add(unknown);
            }

            if (testCase.ExpectsError)
            {
                continue;
            }

            var (read, mapping) = PolicyTestRunner.ReadFirstEvent(policy, suite, testCase);
            foreach (var error in read.Errors)
            {
                var at = mapping.Entries.FirstOrDefault(e => e.Key.Value == error.Location.Path).Value?.Location ?? mapping.Location;
                diagnostics.Error(
                    DiagnosticCodes.TestEventRefused,
                    at,
                    $"case '{testCase.Name}': the policy refuses the {(testCase.Kind == PolicyTestCaseKind.Event ? "event" : "timeline's first entry")}: {error.Message} (a case that means to show a refusal says so with 'expect: {{ error: ... }}')");
            }
        }
    }
}
