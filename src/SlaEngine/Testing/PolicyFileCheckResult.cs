using System.Collections.Immutable;
using System.Linq;
using SlaEngine.Diagnostics;

namespace SlaEngine.Testing;

/// <summary>What <see cref="PolicyFileChecker.Check"/> found in one file: whether it is a test suite, and its diagnostics.</summary>
public sealed class PolicyFileCheckResult
{
    internal PolicyFileCheckResult(string file, bool isTestSuite, ImmutableArray<Diagnostic> diagnostics)
    {
        File = file;
        IsTestSuite = isTestSuite;
        Diagnostics = diagnostics;
    }

    /// <summary>The file, as given to the checker.</summary>
    public string File { get; }

    /// <summary>Whether the file was checked as a test suite (it has a top-level <c>tests:</c> key) rather than as a policy.</summary>
    public bool IsTestSuite { get; }

    /// <summary>Every diagnostic, errors, warnings and information, each with its <c>file:line:col</c>.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The number of errors.</summary>
    public int ErrorCount => Diagnostics.Count(d => d.IsError);

    /// <summary>The number of warnings.</summary>
    public int WarningCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
}
