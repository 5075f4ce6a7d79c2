using System;

namespace SlaEngine.DependencyInjection;

/// <summary>
/// Supplies the policy in force and tells when it changes: the seam between where a policy comes from (a watched
/// file, text, a stream, a policy already loaded, or a host's own store) and the <see cref="ISlaEvaluator"/>.
/// </summary>
/// <remarks>
/// <para>
/// Contract for implementations: <see cref="Current"/> is never null once the source is constructed (a source whose
/// initial policy does not load throws <see cref="PolicyLoadException"/> from its constructor: a service must not
/// start on a broken policy). A new policy replaces the old one atomically, as one <see cref="PolicySnapshot"/>;
/// a policy that fails to load never replaces the one in force, it is reported through <see cref="LastFailure"/> and
/// <see cref="ReloadFailed"/> instead. Reading <see cref="Snapshot"/>, <see cref="Current"/> and
/// <see cref="Generation"/> is thread-safe and lock-free.
/// </para>
/// <para>
/// Events are raised on the thread that reloaded (a timer thread for <see cref="FilePolicySource"/>), after the new
/// snapshot is in force; handlers should return quickly.
/// </para>
/// </remarks>
public interface IPolicySource
{
    /// <summary>The policy in force with its generation, read in one step.</summary>
    PolicySnapshot Snapshot { get; }

    /// <summary>The policy in force; never null. Same as <c>Snapshot.Policy</c>.</summary>
    Policy Current { get; }

    /// <summary>The generation of the policy in force: 1 at start, one more for each successful reload.</summary>
    long Generation { get; }

    /// <summary>
    /// The result (with its diagnostics) of the latest reload that failed, while the previous policy stays in force;
    /// null when the latest reload succeeded or none has failed.
    /// </summary>
    PolicyLoadResult? LastFailure { get; }

    /// <summary>Raised after a new policy has taken effect.</summary>
    event EventHandler<PolicyReloadedEventArgs>? Reloaded;

    /// <summary>Raised when a changed policy failed to load; the previous policy stays in force.</summary>
    event EventHandler<PolicyReloadFailedEventArgs>? ReloadFailed;
}
