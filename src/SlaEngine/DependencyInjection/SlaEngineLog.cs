using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;
using SlaEngine.Diagnostics;

namespace SlaEngine.DependencyInjection;

/// <summary>
/// The log messages of the policy sources that <see cref="ServiceCollectionExtensions.AddSlaEngine(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{SlaEngineOptions})"/>
/// creates. Each names the policy (id, version, generation) and where it comes from, and lists the diagnostics one per
/// line as <c>file:line:col: severity CODE: message</c>; never the policy's text.
/// </summary>
internal static partial class SlaEngineLog
{
    /// <summary>The log category: the policy source's interface.</summary>
    public const string Category = "SlaEngine.DependencyInjection.IPolicySource";

    [LoggerMessage(EventId = 1, EventName = "PolicyLoaded", Level = LogLevel.Information,
        Message = "SlaEngine policy {Policy} loaded from {Source}")]
    public static partial void PolicyLoaded(ILogger logger, PolicySnapshot policy, string source);

    [LoggerMessage(EventId = 2, EventName = "PolicyNotLoaded", Level = LogLevel.Critical,
        Message = "SlaEngine policy from {Source} did not load, there is no policy in force: {ErrorCount} error(s){Diagnostics}")]
    public static partial void PolicyNotLoaded(ILogger logger, string source, int errorCount, string diagnostics);

    [LoggerMessage(EventId = 3, EventName = "PolicyReloaded", Level = LogLevel.Information,
        Message = "SlaEngine policy reloaded from {Source}: {Previous} replaced by {Current}, {WarningCount} warning(s){Diagnostics}")]
    public static partial void PolicyReloaded(ILogger logger, string source, PolicySnapshot previous, PolicySnapshot current, int warningCount, string diagnostics);

    [LoggerMessage(EventId = 4, EventName = "PolicyRefused", Level = LogLevel.Error,
        Message = "SlaEngine policy change in {Source} refused, {InForce} stays in force: {ErrorCount} error(s){Diagnostics}")]
    public static partial void PolicyRefused(ILogger logger, string source, PolicySnapshot inForce, int errorCount, string diagnostics);

    [LoggerMessage(EventId = 5, EventName = "PolicyReloadFailed", Level = LogLevel.Error,
        Message = "SlaEngine policy in {Source} could not be read or loaded, {InForce} stays in force{Diagnostics}")]
    public static partial void PolicyReloadFailed(ILogger logger, string source, PolicySnapshot inForce, string diagnostics);

    /// <summary>Logs every reload and failed reload of <paramref name="source"/> from now on.</summary>
    public static void Follow(IPolicySource source, ILogger logger, string name)
    {
        source.Reloaded += (_, e) =>
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                var warnings = e.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
                var lines = Lines(e.Diagnostics);
                PolicyReloaded(logger, name, e.Previous, e.Current, warnings, lines);
            }
        };
        source.ReloadFailed += (_, e) =>
        {
            if (!logger.IsEnabled(LogLevel.Error))
            {
                return;
            }

            // A file that cannot be read (missing, locked) or a fault inside the loader is a failure of the
            // deployment or of SlaEngine; anything else is a policy whose author has errors to fix.
            var lines = Lines(e.Diagnostics);
            if (e.Diagnostics.Any(d => d.Code is DiagnosticCodes.UnreadableFile or DiagnosticCodes.LoadFault))
            {
                PolicyReloadFailed(logger, name, e.InForce, lines);
            }
            else
            {
                var errors = e.Diagnostics.Count(d => d.IsError);
                PolicyRefused(logger, name, e.InForce, errors, lines);
            }
        };
    }

    /// <summary>The diagnostics, each on its own indented line after a colon; empty when there are none.</summary>
    public static string Lines(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = string.Join(Environment.NewLine, diagnostics.Select(d => "  " + d));
        return lines.Length == 0 ? string.Empty : ":" + Environment.NewLine + lines;
    }
}
