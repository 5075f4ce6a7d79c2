using System;
using System.Collections.Immutable;
using SlaEngine.Diagnostics;

namespace SlaEngine.DependencyInjection;

/// <summary>Says that a changed policy failed to load, why, and which policy stays in force.</summary>
public sealed class PolicyReloadFailedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="failure">The failed load, with its diagnostics.</param>
    /// <param name="inForce">The snapshot that stays in force.</param>
    public PolicyReloadFailedEventArgs(PolicyLoadResult failure, PolicySnapshot inForce)
    {
        ArgumentNullException.ThrowIfNull(failure);
        ArgumentNullException.ThrowIfNull(inForce);
        Failure = failure;
        InForce = inForce;
    }

    /// <summary>The failed load; <see cref="PolicyLoadResult.Policy"/> is null.</summary>
    public PolicyLoadResult Failure { get; }

    /// <summary>The errors (and other diagnostics) that refused the new policy, with file, line and column.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Failure.Diagnostics;

    /// <summary>The last good policy, which stays in force.</summary>
    public PolicySnapshot InForce { get; }
}
