using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using Xunit;

namespace SlaEngine.Tests.Reporting;

/// <summary>
/// A headless Chromium (Debian's <c>chromium</c>, installed by .ci/run), or why there is none. Set
/// <c>SLAENGINE_CHROMIUM</c> to use another binary.
/// </summary>
internal static class Chromium
{
    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The browser's path, or null.</summary>
    public static string? Path => Found.Value;

    /// <summary>Why browser tests are skipped.</summary>
    public const string Missing = "no Chromium found (install Debian's chromium, as .ci/run does, or set SLAENGINE_CHROMIUM): the HTML report is not checked in a browser";

    /// <summary>Runs the browser headless on a file and returns what it printed.</summary>
    public static (int Exit, string Out, string Error) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException(Missing))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + System.IO.Path.Combine(System.IO.Path.GetTempPath(), "slaengine-chromium-" + Guid.NewGuid().ToString("N")) }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add(new Uri(file).AbsoluteUri);
        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => error.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("Chromium did not finish within two minutes");
        }

        process.WaitForExit();
        return (process.ExitCode, output.ToString(), error.ToString());
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("SLAENGINE_CHROMIUM") is { Length: > 0 } given && File.Exists(given))
        {
            return given;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome" })
        {
            foreach (var dir in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = System.IO.Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

/// <summary>A fact that needs a headless Chromium; skipped, with the reason, where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = Chromium.Missing;
        }
    }
}
