using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using SlaEngine.Diagnostics;

namespace SlaEngine;

/// <summary>
/// The outcome of loading a policy: the compiled <see cref="Policy"/> when there were no errors, and every
/// diagnostic found (errors, lint warnings, information), sorted by position.
/// </summary>
public sealed class PolicyLoadResult
{
    internal PolicyLoadResult(Policy? policy, ImmutableArray<Diagnostic> diagnostics)
    {
        Diagnostics = diagnostics;
        Policy = diagnostics.Any(d => d.IsError) ? null : policy;
    }

    /// <summary>The compiled policy; null when any diagnostic is an error.</summary>
    public Policy? Policy { get; }

    /// <summary>All diagnostics, sorted by line and column.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Whether the policy loaded (no diagnostic is an error).</summary>
    [MemberNotNullWhen(true, nameof(Policy))]
    public bool Success => Policy is not null;

    /// <summary>The diagnostics that are errors.</summary>
    public ImmutableArray<Diagnostic> Errors => [.. Diagnostics.Where(d => d.IsError)];
}
