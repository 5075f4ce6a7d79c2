using System;
using System.CommandLine;
using System.IO;
using SlaEngine.Cli.Commands;

namespace SlaEngine.Cli;

/// <summary>Builds the command tree and runs it against given writers, so tests can run the CLI in process.</summary>
public static class CliApp
{
    /// <summary>Exit code: success.</summary>
    public const int Ok = 0;

    /// <summary>Exit code: a policy has errors, a test failed, or the input was bad.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: the command line itself was wrong.</summary>
    public const int UsageError = 2;

    /// <summary>Runs the command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Where results go.</param>
    /// <param name="stderr">Where usage errors go.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = new RootCommand("SlaEngine: rules of engagement between IT and the contact center, as code.\nExit codes: 0 ok; 1 a policy has errors, a test failed or the input was bad; 2 the command line was wrong.")
        {
            CalendarCommand.Create(stdout, stderr),
            CheckCommand.Create(stdout),
            DiffCommand.Create(stdout, stderr),
            EvaluateCommand.Create(stdout, stderr, explain: false),
            EvaluateCommand.Create(stdout, stderr, explain: true),
            MapCommand.Create(stdout, stderr),
            SchemaCommand.Create(stdout),
            TestCommand.Create(stdout),
            SimulateCommand.Create(stdout, stderr),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine(error.Message);
            }

            stderr.WriteLine("Run 'slaengine --help' for usage.");
            return UsageError;
        }

        // No stack trace for a user, whatever the input: a fault that escapes a command is one line and exit 1.
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return parsed.Invoke(configuration);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not StackOverflowException)
        {
            stderr.WriteLine($"slaengine: internal error ({ex.GetType().Name}): {ex.Message.Split('\n')[0]}");
            stderr.WriteLine("This is a bug in slaengine, not in your files: please report it with the command line and the files.");
            return Failed;
        }
    }
}
