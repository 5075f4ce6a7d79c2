using System;

namespace SlaEngine.DependencyInjection;

/// <summary>
/// One version of the policy in force, with its generation: take one snapshot and use it for both reading an event
/// and evaluating it, so a reload in between can neither throw nor mix two versions. Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var snapshot = evaluator.Snapshot;                 // one read of the current policy
/// var read = snapshot.Policy.ReadEvent(json);        // the event is read against this version...
/// if (read.Success)
/// {
///     var decision = snapshot.Policy.Evaluate(read.Event); // ...and evaluated by the same version
/// }
/// </code>
/// </example>
public sealed class PolicySnapshot
{
    /// <summary>Creates a snapshot.</summary>
    /// <param name="policy">The policy.</param>
    /// <param name="generation">
    /// Its generation: 1 for the policy a source starts with, one more for each successful reload.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="generation"/> is less than 1.</exception>
    public PolicySnapshot(Policy policy, long generation)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThan(generation, 1);
        Policy = policy;
        Generation = generation;
    }

    /// <summary>The compiled policy of this version; never null.</summary>
    public Policy Policy { get; }

    /// <summary>The generation of this version: 1 for the first policy, one more for each successful reload.</summary>
    public long Generation { get; }

    /// <summary>The policy's id, version and generation, for logs.</summary>
    /// <returns>For example <c>contact-center-roe 2026.11 (generation 3)</c>.</returns>
    public override string ToString() =>
        Policy.Version is null ? $"{Policy.Id} (generation {Generation})" : $"{Policy.Id} {Policy.Version} (generation {Generation})";
}
