using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.Configuration;
using SlaEngine.Diagnostics;

namespace SlaEngine.DependencyInjection;

/// <summary>
/// Reads <see cref="SlaEngineOptions"/> from a configuration section (<c>appsettings.json</c>, environment variables,
/// the command line): the settings a file can hold, each named by its key path when it is wrong.
/// </summary>
/// <remarks>
/// Written by hand over <c>Microsoft.Extensions.Configuration.Abstractions</c> rather than with the configuration
/// binder, so that the library needs only the abstractions, an unknown key (a typo) is refused instead of ignored, and
/// a bad value names its key and says what is expected.
/// </remarks>
internal static class SlaEngineConfiguration
{
    private static readonly string[] Keys =
    [
        nameof(SlaEngineOptions.PolicyPath),
        nameof(SlaEngineOptions.PolicyText),
        nameof(SlaEngineOptions.PolicyName),
        nameof(SlaEngineOptions.ReloadDebounce),
        nameof(SlaEngineOptions.PollInterval),
    ];

    /// <summary>Sets on <paramref name="options"/> every setting present in <paramref name="section"/>.</summary>
    /// <exception cref="InvalidOperationException">A key is unknown or a value unusable; the message names the key path.</exception>
    public static void Bind(IConfiguration section, SlaEngineOptions options)
    {
        foreach (var child in section.GetChildren())
        {
            var key = Keys.FirstOrDefault(k => string.Equals(k, child.Key, StringComparison.OrdinalIgnoreCase));
            if (key is null)
            {
                throw new InvalidOperationException(
                    $"SlaEngine: the configuration key '{child.Path}' is not a setting{SuggestionFinder.DidYouMean(child.Key, Keys)}; the settings are {string.Join(", ", Keys)}.");
            }

            if (child.Value is null)
            {
                throw new InvalidOperationException($"SlaEngine: the configuration key '{child.Path}' must hold a value, not a section.");
            }

            switch (key)
            {
                case nameof(SlaEngineOptions.PolicyPath):
                    options.PolicyPath = child.Value;
                    break;
                case nameof(SlaEngineOptions.PolicyText):
                    options.PolicyText = child.Value;
                    break;
                case nameof(SlaEngineOptions.PolicyName):
                    options.PolicyName = child.Value;
                    break;
                case nameof(SlaEngineOptions.ReloadDebounce):
                    options.ReloadDebounce = Interval(child, allowOff: false);
                    break;
                default:
                    options.PollInterval = Interval(child, allowOff: true);
                    break;
            }
        }
    }

    // A TimeSpan as .NET configuration writes it ("00:00:05", "0.00:00:00.200"), or "off" to turn polling off.
    private static TimeSpan Interval(IConfigurationSection child, bool allowOff)
    {
        var text = child.Value!.Trim();
        if (allowOff && (string.Equals(text, "off", StringComparison.OrdinalIgnoreCase) || string.Equals(text, "infinite", StringComparison.OrdinalIgnoreCase)))
        {
            return Timeout.InfiniteTimeSpan;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var expected = allowOff ? "a time span such as \"00:00:05\" (hh:mm:ss), or \"off\"" : "a time span such as \"00:00:00.200\" (hh:mm:ss.fff)";
        throw new InvalidOperationException($"SlaEngine: the configuration key '{child.Path}' is \"{child.Value}\"; expected {expected}.");
    }
}
