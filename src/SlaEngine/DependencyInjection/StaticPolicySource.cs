using System;
using System.IO;

namespace SlaEngine.DependencyInjection;

/// <summary>
/// A policy source that never changes: a policy given as text, a stream, or already loaded. For policies built into
/// the service (an embedded resource) or kept in a host's own store; use <see cref="FilePolicySource"/> to follow a file.
/// </summary>
/// <remarks>
/// <see cref="Generation"/> is always 1, <see cref="LastFailure"/> always null, and the events are never raised.
/// Thread-safe.
/// </remarks>
public sealed class StaticPolicySource : IPolicySource
{
    /// <summary>Creates a source for a policy already loaded.</summary>
    /// <param name="policy">The policy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    public StaticPolicySource(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        Snapshot = new PolicySnapshot(policy, 1);
    }

    /// <inheritdoc />
    public PolicySnapshot Snapshot { get; }

    /// <inheritdoc />
    public Policy Current => Snapshot.Policy;

    /// <inheritdoc />
    public long Generation => Snapshot.Generation;

    /// <inheritdoc />
    /// <remarks>Always null: a static source never reloads.</remarks>
    public PolicyLoadResult? LastFailure => null;

    /// <inheritdoc />
    /// <remarks>Never raised: a static source never reloads.</remarks>
    public event EventHandler<PolicyReloadedEventArgs>? Reloaded
    {
        add { }
        remove { }
    }

    /// <inheritdoc />
    /// <remarks>Never raised: a static source never reloads.</remarks>
    public event EventHandler<PolicyReloadFailedEventArgs>? ReloadFailed
    {
        add { }
        remove { }
    }

    /// <summary>Loads a policy from YAML text.</summary>
    /// <param name="yaml">The policy text.</param>
    /// <param name="name">The name used in diagnostics.</param>
    /// <returns>The source.</returns>
    /// <exception cref="PolicyLoadException">The policy has errors; the exception carries every diagnostic.</exception>
    public static StaticPolicySource FromText(string yaml, string name = "<policy>")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(name);
        return new StaticPolicySource(PolicyLoader.LoadOrThrow(yaml, name));
    }

    /// <summary>Loads a policy from a stream of UTF-8 YAML, read to its end (at most 4 MiB). The stream is not disposed.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="name">The name used in diagnostics.</param>
    /// <returns>The source.</returns>
    /// <exception cref="PolicyLoadException">
    /// The stream cannot be read, is too large, or the policy has errors; the exception carries every diagnostic.
    /// </exception>
    public static StaticPolicySource FromStream(Stream stream, string name = "<policy>")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(name);
        var result = PolicyBytes.Load(stream, name);
        return new StaticPolicySource(result.Policy ?? throw new PolicyLoadException(result.Diagnostics));
    }
}
