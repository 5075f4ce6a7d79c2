using System;
using System.Collections.Generic;
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
    /// <param name="path">The test file's path.</param>
    /// <returns>One row per case.</returns>
    public static IEnumerable<object[]> FromSuite(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var load = PolicyTestSuite.Load(path);
        if (!load.Success)
        {
            return [[path, PolicyTestRunner.TestFileLoadsCaseName]];
        }

        return load.Suite.Cases.Select(c => new object[] { path, c.Name }).ToList();
    }

    /// <summary>Runs one case of a test file and returns its result (loads the file and its policy afresh).</summary>
    /// <param name="path">The test file's path.</param>
    /// <param name="caseName">The case's exact name.</param>
    /// <returns>The result; a failed one when the file or its policy does not load or has no such case.</returns>
    public static PolicyTestResult Check(string path, string caseName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(caseName);
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
