using System;
using System.IO;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;

namespace SlaEngine.DependencyInjection;

/// <summary>Registers SlaEngine in a <see cref="IServiceCollection"/>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers an <see cref="ISlaEvaluator"/> over an <see cref="IPolicySource"/> built from the options, both as
    /// singletons, and NodaTime's <see cref="SystemClock.Instance"/> as the <see cref="IClock"/> unless one is
    /// registered already.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Every registration uses <c>TryAdd</c>: a host that registers its own <see cref="IClock"/> (a <c>FakeClock</c> in
    /// tests), <see cref="IPolicySource"/> or <see cref="ISlaEvaluator"/>, before or after this call, keeps it — a
    /// registration made after this call wins on resolve as usual. Calling this method again does not replace the first
    /// policy source.
    /// </para>
    /// <para>
    /// <paramref name="configure"/> runs once, now, and the options are checked now. The policy is loaded when
    /// <see cref="IPolicySource"/> (or <see cref="ISlaEvaluator"/>) is first resolved; a policy that does not load
    /// throws <see cref="PolicyLoadException"/> then, with every diagnostic, so a service does not start on a broken
    /// policy. With <see cref="SlaEngineOptions.PolicyPath"/> the source is a <see cref="FilePolicySource"/> that the
    /// container disposes with itself, on the container's <see cref="TimeProvider"/> when one is registered (the
    /// system's otherwise); otherwise a <see cref="StaticPolicySource"/>.
    /// </para>
    /// </remarks>
    /// <example>
    /// <code>
    /// builder.Services.AddSlaEngine(o => o.PolicyPath = "policies/contact-center.yaml");
    /// // later, in a service:
    /// public sealed class TicketHandler(ISlaEvaluator sla) { ... sla.Evaluate(sla.ReadEvent(json).GetEventOrThrow()) ... }
    /// </code>
    /// </example>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets exactly one policy source and, for a file, the reload timings.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">
    /// No policy source or more than one is set, or a timing is out of range; the message names the setting.
    /// </exception>
    public static IServiceCollection AddSlaEngine(this IServiceCollection services, Action<SlaEngineOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new SlaEngineOptions();
        configure(options);
        return Register(services, options);
    }

    /// <summary>
    /// Registers SlaEngine as <see cref="AddSlaEngine(IServiceCollection, Action{SlaEngineOptions})"/> does, with the
    /// options read from a configuration section (<c>appsettings.json</c>, environment variables, the command line),
    /// then adjusted by <paramref name="configure"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The section's keys are <c>PolicyPath</c>, <c>PolicyText</c>, <c>PolicyName</c>, <c>ReloadDebounce</c> and
    /// <c>PollInterval</c> (any case); the timings are time spans as .NET configuration writes them (<c>"00:00:05"</c>,
    /// <c>"00:00:00.200"</c>), and <c>PollInterval</c> may be <c>"off"</c>. A key that is not one of these (a typo) and
    /// a value that is not usable are refused now, with the key's full path in the message. A missing section leaves
    /// every setting to <paramref name="configure"/> and the defaults.
    /// </para>
    /// <para>
    /// The section is read once, now: the policy file itself is watched and reloaded, but a later change of the
    /// configuration (another <c>PolicyPath</c>) needs a restart. A relative <c>PolicyPath</c> is resolved against the
    /// current directory, which is the content root of a host started from its own folder.
    /// </para>
    /// </remarks>
    /// <example>
    /// <code>
    /// // appsettings.json: { "SlaEngine": { "PolicyPath": "policies/contact-center.yaml", "PollInterval": "00:00:10" } }
    /// builder.Services.AddSlaEngine(builder.Configuration.GetSection("SlaEngine"));
    /// </code>
    /// </example>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section that holds the options.</param>
    /// <param name="configure">Adjusts the options after they are read, or null.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    /// <exception cref="InvalidOperationException">
    /// A key is unknown or its value unusable, no policy source or more than one is set, or a timing is out of range;
    /// the message names the key or the setting.
    /// </exception>
    public static IServiceCollection AddSlaEngine(this IServiceCollection services, IConfiguration configuration, Action<SlaEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SlaEngineOptions();
        SlaEngineConfiguration.Bind(configuration, options);
        configure?.Invoke(options);
        return Register(services, options);
    }

    private static IServiceCollection Register(IServiceCollection services, SlaEngineOptions options)
    {
        options.Validate();

        // Copy what the factory needs, so later changes to the options object have no effect.
        var path = options.PolicyPath;
        var text = options.PolicyText;
        var stream = options.PolicyStream;
        var policy = options.Policy;
        var name = options.EffectiveName;
        var debounce = options.ReloadDebounce;
        var poll = options.PollInterval;

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<IPolicySource>(sp =>
        {
            var logger = sp.GetService<ILoggerFactory>()?.CreateLogger(SlaEngineLog.Category) ?? NullLogger.Instance;
            var origin = path is null ? name : Path.GetFullPath(path);
            IPolicySource source;
            try
            {
                source = Create(sp);
            }
            catch (PolicyLoadException ex) when (logger.IsEnabled(LogLevel.Critical))
            {
                var errors = ex.Diagnostics.Count(d => d.IsError);
                var lines = SlaEngineLog.Lines(ex.Diagnostics);
                SlaEngineLog.PolicyNotLoaded(logger, origin, errors, lines);
                throw;
            }

            SlaEngineLog.PolicyLoaded(logger, source.Snapshot, origin);
            SlaEngineLog.Follow(source, logger, origin);
            return source;
        });
        services.TryAddSingleton<ISlaEvaluator>(sp => new SlaEvaluator(sp.GetRequiredService<IPolicySource>(), sp.GetRequiredService<IClock>()));
        return services;

        IPolicySource Create(IServiceProvider sp)
        {
            if (path is not null)
            {
                return new FilePolicySource(path, debounce, poll, sp.GetService<TimeProvider>() ?? TimeProvider.System);
            }

            if (text is not null)
            {
                return StaticPolicySource.FromText(text, name);
            }

            if (stream is not null)
            {
                using var opened = stream() ?? throw new InvalidOperationException("SlaEngine: SlaEngineOptions.PolicyStream returned null; it must return a readable stream.");
                return StaticPolicySource.FromStream(opened, name);
            }

            return new StaticPolicySource(policy!);
        }
    }
}
