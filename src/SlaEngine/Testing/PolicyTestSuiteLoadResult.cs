using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using SlaEngine.Diagnostics;

namespace SlaEngine.Testing;

/// <summary>The outcome of loading a test file: the suite when it has no errors, and every diagnostic, sorted by position.</summary>
public sealed class PolicyTestSuiteLoadResult
{
    internal PolicyTestSuiteLoadResult(PolicyTestSuite? suite, ImmutableArray<Diagnostic> diagnostics)
    {
        Suite = suite;
        Diagnostics = diagnostics;
    }

    /// <summary>The suite; null when any diagnostic is an error.</summary>
    public PolicyTestSuite? Suite { get; }

    /// <summary>All diagnostics (<c>file:line:col</c>), sorted by line and column.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Whether the test file loaded.</summary>
    [MemberNotNullWhen(true, nameof(Suite))]
    public bool Success => Suite is not null;
}
