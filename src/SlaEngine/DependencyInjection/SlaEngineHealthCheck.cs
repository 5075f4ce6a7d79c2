using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SlaEngine.DependencyInjection;

/// <summary>
/// A health check of the policy in force: <em>healthy</em> while the latest policy loaded, <em>degraded</em> while the
/// last good policy stands in for a changed file that was refused (errors, a missing or unreadable file), and the
/// registration's failure status (<em>unhealthy</em> by default) when there is no policy at all because the first load
/// failed. The result's data name the policy and carry the diagnostics of the failure.
/// </summary>
/// <remarks>
/// <para>
/// Register it with the host's health checks (package <c>Microsoft.Extensions.Diagnostics.HealthChecks</c>, or
/// ASP.NET Core's): <c>services.AddHealthChecks().AddCheck&lt;SlaEngineHealthCheck&gt;("slaengine")</c>. Resolved from
/// the container it reads the <see cref="IPolicySource"/> at each check, so a first load that failed is tried again,
/// and reported healthy once the file is fixed.
/// </para>
/// <para>
/// Data keys: <c>policy</c> (id, version and generation, as <see cref="PolicySnapshot.ToString"/>), <c>policyId</c>,
/// <c>policyVersion</c>, <c>digest</c>, <c>generation</c>, <c>file</c> (for a <see cref="FilePolicySource"/>), and
/// <c>diagnostics</c>: a <c>string[]</c> of <c>file:line:col: severity CODE: message</c> lines of the failed load
/// (present when degraded or unhealthy). Thread-safe.
/// </para>
/// </remarks>
public sealed class SlaEngineHealthCheck : IHealthCheck
{
    private readonly Func<IPolicySource> _source;

    /// <summary>Creates the check over the container's <see cref="IPolicySource"/>, resolved at each check.</summary>
    /// <param name="services">The container; its <see cref="IPolicySource"/> is resolved when checking, not now.</param>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    [ActivatorUtilitiesConstructor]
    public SlaEngineHealthCheck(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _source = services.GetRequiredService<IPolicySource>;
    }

    /// <summary>Creates the check over a policy source made without a container.</summary>
    /// <param name="source">The policy source.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public SlaEngineHealthCheck(IPolicySource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = () => source;
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IPolicySource source;
        try
        {
            source = _source();
        }
        catch (PolicyLoadException ex)
        {
            var status = context?.Registration?.FailureStatus ?? HealthStatus.Unhealthy;
            var data = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["diagnostics"] = ex.Diagnostics.Select(d => d.ToString()).ToArray(),
            };
            return Task.FromResult(new HealthCheckResult(
                status, $"no policy is in force: the policy did not load ({ex.Diagnostics.Count(d => d.IsError)} error(s))", exception: null, data));
        }

        var snapshot = source.Snapshot;
        var failure = source.LastFailure;
        var facts = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["policy"] = snapshot.ToString(),
            ["policyId"] = snapshot.Policy.Id,
            ["policyVersion"] = snapshot.Policy.Version ?? string.Empty,
            ["digest"] = snapshot.Policy.Digest,
            ["generation"] = snapshot.Generation,
        };
        if (source is FilePolicySource file)
        {
            facts["file"] = file.FilePath;
        }

        if (failure is null)
        {
            return Task.FromResult(HealthCheckResult.Healthy($"policy {snapshot} in force", facts));
        }

        facts["diagnostics"] = failure.Diagnostics.Select(d => d.ToString()).ToArray();
        return Task.FromResult(HealthCheckResult.Degraded(
            $"the changed policy was refused ({failure.Diagnostics.Count(d => d.IsError)} error(s)); the last good policy {snapshot} stays in force", exception: null, facts));
    }
}
