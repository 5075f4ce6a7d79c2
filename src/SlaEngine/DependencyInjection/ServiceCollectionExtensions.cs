using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        });
        services.TryAddSingleton<ISlaEvaluator>(sp => new SlaEvaluator(sp.GetRequiredService<IPolicySource>(), sp.GetRequiredService<IClock>()));
        return services;
    }
}
