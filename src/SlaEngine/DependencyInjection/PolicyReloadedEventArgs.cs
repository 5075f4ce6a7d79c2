using System;
using System.Collections.Immutable;
using SlaEngine.Diagnostics;

namespace SlaEngine.DependencyInjection;

/// <summary>Says that a new policy has taken effect: which one, which it replaced, and the loader's warnings.</summary>
public sealed class PolicyReloadedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="previous">The snapshot that was in force before.</param>
    /// <param name="current">The snapshot now in force.</param>
    /// <param name="diagnostics">The diagnostics of the successful load (warnings and information; no errors).</param>
    public PolicyReloadedEventArgs(PolicySnapshot previous, PolicySnapshot current, ImmutableArray<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        Previous = previous;
        Current = current;
        Diagnostics = diagnostics.IsDefault ? [] : diagnostics;
    }

    /// <summary>The snapshot that was in force before the reload.</summary>
    public PolicySnapshot Previous { get; }

    /// <summary>The snapshot now in force.</summary>
    public PolicySnapshot Current { get; }

    /// <summary>The diagnostics of the successful load: warnings and information, never errors.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }
}
