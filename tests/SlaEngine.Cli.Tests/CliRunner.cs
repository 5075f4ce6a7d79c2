using System;
using System.IO;

namespace SlaEngine.Cli.Tests;

/// <summary>Runs the CLI in process and finds the repository's samples and the shared acceptance folder.</summary>
internal static class CliRunner
{
    public static (int Exit, string Out, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString().Replace("\r\n", "\n", StringComparison.Ordinal), stderr.ToString());
    }

    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SlaEngine.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("The tests must run inside the repository.");
        }
    }

    public static string Sample(params string[] parts) => Path.Combine([Root, "samples", .. parts]);

    public static string Acceptance(params string[] parts) => Path.GetFullPath(Path.Combine([Root, "..", "shared", "acceptance", .. parts]));
}
