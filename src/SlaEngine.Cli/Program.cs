using System;

namespace SlaEngine.Cli;

/// <summary>The entry point of the <c>slaengine</c> command.</summary>
public static class Program
{
    /// <summary>Runs the command line against the console.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code: 0 ok, 1 policy or test failure (or bad input), 2 usage error.</returns>
    public static int Main(string[] args)
    {
        var color = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        if (!color)
        {
            return CliApp.Run(args, Console.Out, Console.Error);
        }

        using var stdout = new ColorLineWriter(Console.Out);
        return CliApp.Run(args, stdout, Console.Error);
    }
}
