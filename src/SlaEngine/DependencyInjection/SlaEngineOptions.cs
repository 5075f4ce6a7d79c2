using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace SlaEngine.DependencyInjection;

/// <summary>
/// Where <see cref="ServiceCollectionExtensions.AddSlaEngine(Microsoft.Extensions.DependencyInjection.IServiceCollection, System.Action{SlaEngineOptions})"/> gets the policy from, and how a policy file is
/// watched. Set exactly one source: <see cref="PolicyPath"/>, <see cref="PolicyText"/>, <see cref="PolicyStream"/> or
/// <see cref="Policy"/>.
/// </summary>
/// <remarks>
/// Only a <see cref="PolicyPath"/> is reloaded when it changes; the other sources are loaded once. The options are
/// read once, when <see cref="ServiceCollectionExtensions.AddSlaEngine(Microsoft.Extensions.DependencyInjection.IServiceCollection, System.Action{SlaEngineOptions})"/> runs; changing them afterwards has no
/// effect. Not thread-safe: configure it from one thread.
/// </remarks>
/// <example>
/// <code>
/// services.AddSlaEngine(o =>
/// {
///     o.PolicyPath = "/etc/slaengine/contact-center.yaml";
///     o.ReloadDebounce = TimeSpan.FromMilliseconds(500);
/// });
/// </code>
/// </example>
public sealed class SlaEngineOptions
{
    /// <summary>The default <see cref="ReloadDebounce"/>: 200 ms.</summary>
    public static readonly TimeSpan DefaultReloadDebounce = TimeSpan.FromMilliseconds(200);

    /// <summary>The default <see cref="PollInterval"/>: 5 s.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The path of a policy file, watched and reloaded when it changes (see <see cref="FilePolicySource"/>). A relative
    /// path is resolved against the current directory when the source is created.
    /// </summary>
    public string? PolicyPath { get; set; }

    /// <summary>The YAML text of a policy, loaded once. Use <see cref="PolicyName"/> to name it in diagnostics.</summary>
    public string? PolicyText { get; set; }

    /// <summary>
    /// A factory for a stream holding the policy's UTF-8 YAML (an embedded resource, for example), called once when the
    /// policy source is created; the stream is disposed after reading. Use <see cref="PolicyName"/> to name it in diagnostics.
    /// </summary>
    public Func<Stream>? PolicyStream { get; set; }

    /// <summary>An already loaded policy, used as is.</summary>
    public Policy? Policy { get; set; }

    /// <summary>
    /// The name used in diagnostics for <see cref="PolicyText"/> and <see cref="PolicyStream"/>; <c>&lt;policy&gt;</c>
    /// when not set. A <see cref="PolicyPath"/> is always named by its path.
    /// </summary>
    public string? PolicyName { get; set; }

    /// <summary>
    /// How long a policy file must stay quiet after a change before it is read, so that a file written in several
    /// steps is read once, whole. Zero reads at the first change notification. Default <see cref="DefaultReloadDebounce"/>.
    /// </summary>
    public TimeSpan ReloadDebounce { get; set; } = DefaultReloadDebounce;

    /// <summary>
    /// How often the policy file is checked even without a change notification (notifications can be missed: network
    /// shares, containers, a full notification buffer, a file replaced through a symbolic link). Each check compares
    /// the file's last-write time, length and content hash with the last ones read, so it reads the file (at most
    /// 4 MiB). <see cref="Timeout.InfiniteTimeSpan"/> turns polling off. Default <see cref="DefaultPollInterval"/>.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;

    // The longest interval a System.Threading.Timer takes.
    private static readonly TimeSpan MaxInterval = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    /// <summary>The name used in diagnostics for text and stream sources.</summary>
    internal string EffectiveName => string.IsNullOrEmpty(PolicyName) ? "<policy>" : PolicyName;

    /// <summary>Checks that exactly one source is set and the timings are usable.</summary>
    /// <exception cref="InvalidOperationException">The options are not usable; the message says which setting to fix.</exception>
    internal void Validate()
    {
        var set = new List<string>(4);
        if (PolicyPath is not null)
        {
            set.Add(nameof(PolicyPath));
        }

        if (PolicyText is not null)
        {
            set.Add(nameof(PolicyText));
        }

        if (PolicyStream is not null)
        {
            set.Add(nameof(PolicyStream));
        }

        if (Policy is not null)
        {
            set.Add(nameof(Policy));
        }

        if (set.Count == 0)
        {
            throw new InvalidOperationException(
                "SlaEngine: no policy source is configured. Set exactly one of SlaEngineOptions.PolicyPath, PolicyText, PolicyStream or Policy in AddSlaEngine(o => ...).");
        }

        if (set.Count > 1)
        {
            throw new InvalidOperationException(
                $"SlaEngine: more than one policy source is configured ({string.Join(", ", set)}). Set exactly one of SlaEngineOptions.PolicyPath, PolicyText, PolicyStream or Policy.");
        }

        if (PolicyPath is not null && PolicyPath.Trim().Length == 0)
        {
            throw new InvalidOperationException("SlaEngine: SlaEngineOptions.PolicyPath is empty; give the path of the policy file.");
        }

        if (ReloadDebounce < TimeSpan.Zero || ReloadDebounce > MaxInterval)
        {
            throw new InvalidOperationException($"SlaEngine: SlaEngineOptions.ReloadDebounce must be zero or positive, and at most about 49 days (it is {ReloadDebounce}).");
        }

        if (PollInterval != Timeout.InfiniteTimeSpan && (PollInterval <= TimeSpan.Zero || PollInterval > MaxInterval))
        {
            throw new InvalidOperationException(
                $"SlaEngine: SlaEngineOptions.PollInterval must be positive and at most about 49 days, or Timeout.InfiniteTimeSpan to turn polling off (it is {PollInterval}).");
        }
    }
}
