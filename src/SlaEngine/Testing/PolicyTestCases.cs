using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace SlaEngine.Testing;

/// <summary>
/// Runs a policy test suite's cases from a unit-test framework, one test per case, so policy tests show up in the
/// test explorer and CI next to the C# ones.
/// </summary>
/// <remarks>
/// The rows are plain strings (the suite path and the case name), which xunit serializes, so each case is its own
/// test in discovery and its name appears in the test's display name.
/// </remarks>
/// <example>
/// <code>
/// public sealed class ContactCenterPolicyTests
/// {
///     public static IEnumerable&lt;object[]&gt; Cases =&gt; PolicyTestCases.FromSuite("policies/contact-center.tests.yaml");
///
///     [Theory]
///     [MemberData(nameof(Cases))]
///     public void Policy_case_passes(string suite, string name) =&gt; PolicyTestCases.Run(suite, name);
/// }
/// </code>
/// </example>
public static class PolicyTestCases
{
    /// <summary>
    /// The cases of a test file as theory rows <c>{ suitePath, caseName }</c>. A test file that fails to load gives one
    /// row named <see cref="PolicyTestRunner.TestFileLoadsCaseName"/>, which fails with the file's diagnostics.
    /// </summary>
    /// <remarks>
    /// A test file inside the test assembly's folder (copied to the output, as usual) is named relative to that folder,
    /// so the test's display name reads <c>suite: "policies/contact-center.tests.yaml"</c> on every machine instead of
    /// an absolute build path; <see cref="Run"/> and <see cref="Check"/> find such a path in that folder again.
    /// </remarks>
    /// <param name="path">The test file's path.</param>
    /// <returns>One row per case.</returns>
    public static IEnumerable<object[]> FromSuite(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var shown = Shown(path);
        var load = PolicyTestSuite.Load(path);
        if (!load.Success)
        {
            return [[shown, PolicyTestRunner.TestFileLoadsCaseName]];
        }

        return load.Suite.Cases.Select(c => new object[] { shown, c.Name }).ToList();
    }

    // A path inside the application's folder, relative to it; any other path as given.
    private static string Shown(string path)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(AppContext.BaseDirectory, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    // A relative path that names a file in the application's folder is read there, whatever the current directory.
    private static string Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        var inBase = Path.Combine(AppContext.BaseDirectory, path);
        return File.Exists(inBase) ? inBase : path;
    }

    /// <summary>Runs one case of a test file and returns its result (loads the file and its policy afresh).</summary>
    /// <param name="path">The test file's path.</param>
    /// <param name="caseName">The case's exact name.</param>
    /// <returns>The result; a failed one when the file or its policy does not load or has no such case.</returns>
    public static PolicyTestResult Check(string path, string caseName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(caseName);
        path = Resolve(path);
        var runner = new PolicyTestRunner();
        var load = PolicyTestSuite.Load(path);
        if (!load.Success)
        {
            return runner.Run([path]).Results[0];
        }

        if (load.Suite.FindCase(caseName) is not { } testCase)
        {
            return new PolicyTestResult(
                load.Suite.Name,
                path,
                caseName,
                new Diagnostics.SourceLocation(path, 1, 1),
                load.Suite.PolicyPath,
                [],
                [$"the test file has no case named '{caseName}'"],
                null);
        }

        return runner.RunCase(load.Suite, testCase);
    }

    /// <summary>Runs one case of a test file and throws when it fails.</summary>
    /// <param name="path">The test file's path.</param>
    /// <param name="caseName">The case's exact name.</param>
    /// <exception cref="PolicyTestFailedException">The case failed; the message shows each expected value against the actual one.</exception>
    public static void Run(string path, string caseName)
    {
        var result = Check(path, caseName);
        if (!result.Passed)
        {
            throw new PolicyTestFailedException(result);
        }
    }
}
