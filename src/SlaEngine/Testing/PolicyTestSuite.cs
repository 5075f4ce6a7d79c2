using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using SlaEngine.Diagnostics;
using SlaEngine.Yaml;
using SlaEngine.Loading;

namespace SlaEngine.Testing;

/// <summary>
/// A policy test file (<c>*.tests.yaml</c>, described in docs/cli.md under <c>slaengine test</c>): a suite name, the policy under test and named cases.
/// Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// tests: contact-center
/// policy: ../policies/contact-center.yaml   # relative to this file
/// cases:
///   - name: a routing change is the contact center's
///     event: { submittedAt: "2026-11-24T10:00:00-05:00", category: routing }
///     expect: { owner: cc-ops }
/// </code>
/// </example>
public sealed class PolicyTestSuite
{
    /// <summary>The file name suffix of policy test files.</summary>
    public const string FileSuffix = ".tests.yaml";

    /// <summary>The largest test file accepted: 4 MiB, like a policy.</summary>
    public const int MaxFileBytes = PolicyLoader.MaxFileBytes;

    internal PolicyTestSuite(string name, string file, string policyPath, SourceLocation policyLocation, ImmutableArray<PolicyTestCase> cases)
    {
        Name = name;
        File = file;
        PolicyPath = policyPath;
        PolicyLocation = policyLocation;
        Cases = cases;
    }

    /// <summary>The suite's name (the <c>tests:</c> key; the file name without <c>.tests.yaml</c> when not given).</summary>
    public string Name { get; }

    /// <summary>The test file, as given to <see cref="Load(string)"/> (or the display name given to <see cref="Parse"/>).</summary>
    public string File { get; }

    /// <summary>The policy under test: the <c>policy:</c> key resolved against the test file's directory, as a full path.</summary>
    public string PolicyPath { get; }

    /// <summary>Where the <c>policy:</c> key's value is in the test file.</summary>
    public SourceLocation PolicyLocation { get; }

    /// <summary>The cases, in file order.</summary>
    public ImmutableArray<PolicyTestCase> Cases { get; }

    /// <summary>Finds a case by its exact name.</summary>
    /// <param name="name">The case's name.</param>
    /// <returns>The case, or null.</returns>
    public PolicyTestCase? FindCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Cases.FirstOrDefault(c => c.Name == name);
    }

    /// <summary>
    /// Loads a test file. Never throws for bad content or a missing file: every problem is a diagnostic with the
    /// line and column of the offending token (unknown keys come with a suggestion).
    /// </summary>
    /// <param name="path">The test file's path; the policy path in it is resolved against this file's directory.</param>
    /// <returns>The suite, or the diagnostics that prevented it.</returns>
    public static PolicyTestSuiteLoadResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var diagnostics = new DiagnosticBag();
        if (!SourceText.TryReadFile(path, MaxFileBytes, "test file", "split it", diagnostics, out var bytes)
            || !SourceText.TryDecode(bytes, path, "test file", diagnostics, out var text))
        {
            return new PolicyTestSuiteLoadResult(null, diagnostics.ToImmutable());
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        return Parse(text, path, directory);
    }

    /// <summary>Reads a test suite from YAML text.</summary>
    /// <param name="yaml">The test file's text.</param>
    /// <param name="fileName">The name used in diagnostics and as <see cref="File"/>.</param>
    /// <param name="baseDirectory">The directory the <c>policy:</c> path is relative to.</param>
    /// <returns>The suite, or the diagnostics that prevented it.</returns>
    public static PolicyTestSuiteLoadResult Parse(string yaml, string fileName, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        yaml = SourceText.WithoutBom(yaml);
        var diagnostics = new DiagnosticBag();
        var root = YamlTreeReader.Read(yaml, fileName, diagnostics);
        var suite = TestSuiteReader.Read(root, fileName, baseDirectory, diagnostics);
        return new PolicyTestSuiteLoadResult(diagnostics.HasErrors ? null : suite, diagnostics.ToImmutable());
    }

    /// <summary>
    /// Finds the test files under the given paths: a directory is searched recursively for <c>*.tests.yaml</c>;
    /// any other path is taken as a test file as it is (a missing one then fails to load with a diagnostic).
    /// </summary>
    /// <param name="paths">Files and directories.</param>
    /// <returns>The test files, without duplicates, each directory's files in ordinal order.</returns>
    public static IReadOnlyList<string> FindFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = SuiteFilesUnder(path)
                    .Where(f => f.EndsWith(FileSuffix, StringComparison.Ordinal))
                    .OrderBy(f => f, StringComparer.Ordinal);
                foreach (var file in found)
                {
                    if (seen.Add(Path.GetFullPath(file)))
                    {
                        files.Add(file);
                    }
                }
            }
            else if (seen.Add(Path.GetFullPath(path)))
            {
                files.Add(path);
            }
        }

        return files;
    }

    /// <summary>
    /// The test files under a directory, following directory links but visiting each real directory once: a link back
    /// to a parent (or any cycle) would otherwise run the same suites again at every level, until the path is too long.
    /// An unreadable subdirectory is skipped.
    /// </summary>
    private static List<string> SuiteFilesUnder(string root)
    {
        var files = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<(string Shown, string Real)>();
        pending.Push((root, RealDirectory(Path.GetFullPath(root))));
        while (pending.Count > 0)
        {
            var (shown, real) = pending.Pop();
            if (!visited.Add(real))
            {
                continue;
            }

            try
            {
                files.AddRange(Directory.EnumerateFiles(shown, "*" + FileSuffix, SearchOption.TopDirectoryOnly));
                foreach (var sub in Directory.EnumerateDirectories(shown))
                {
                    pending.Push((sub, RealDirectory(Path.Combine(real, Path.GetFileName(sub)))));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A directory that cannot be listed holds no suite we can run; the others still run.
            }
        }

        return files;
    }

    /// <summary>The directory a path leads to once its last component's links are followed (its parents are real already).</summary>
    private static string RealDirectory(string path)
    {
        try
        {
            return Directory.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        }
        catch (IOException)
        {
            // A dangling or looping link: treated as its own path, and listing it fails harmlessly.
            return path;
        }
    }
}
