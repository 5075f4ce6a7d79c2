using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Microsoft.Extensions.FileSystemGlobbing;
using SlaEngine.Diagnostics;
using SlaEngine.Reporting;
using SlaEngine.Testing;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine check PATH…</c>: load, type-check and lint policies, check test suites; prints diagnostics the way compilers do.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout)
    {
        var paths = new Argument<string[]>("path")
        {
            Arity = ArgumentArity.OneOrMore,
            Description = "Policy files, test suites (files with a 'tests:' key), or directories searched recursively for *.yaml and *.yml.",
        };
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Treat lint warnings as errors (exit 1 when there are any)." };
        var format = new Option<string>("--format") { Description = "Output format: text (file:line:col lines) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var exclude = new Option<string[]>("--exclude")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Leave out the files a glob matches (repeatable): relative to each directory given ('drafts/**', '**/*.wip.yaml'), and to the current directory for files given one by one.",
        };
        var command = new Command("check", "Load, type-check and lint policy files, and check test suites without running them (they load, their policy loads, their events are read by it). Prints 'file:line:col: severity CODE: message' lines; exit 1 on any error.\nExample: slaengine check policies/")
        {
            paths,
            warnAsError,
            format,
            exclude,
        };
        command.SetAction(parse =>
        {
            var files = Find(parse.GetValue(paths) ?? [], parse.GetValue(exclude) ?? []);
            var json = parse.GetValue(format) == "json";
            if (files.Count == 0)
            {
                stdout.WriteLine(json ? "[]" : "no *.yaml or *.yml files found under the given paths");
                return CliApp.Failed;
            }

            var errors = 0;
            var warnings = 0;
            var unlinted = 0;
            var all = new List<Diagnostic>();
            var checker = new PolicyFileChecker();
            foreach (var file in files)
            {
                var result = checker.Check(file);
                all.AddRange(result.Diagnostics);
                if (!json)
                {
                    foreach (var diagnostic in result.Diagnostics)
                    {
                        stdout.WriteLine(diagnostic.ToString());
                    }
                }

                errors += result.ErrorCount;
                warnings += result.WarningCount;
                if (!result.IsTestSuite && result.ErrorCount > 0)
                {
                    unlinted++;
                }
            }

            if (json)
            {
                stdout.WriteLine(DiagnosticJson.ToJson(all));
            }
            else
            {
                if (unlinted > 0)
                {
                    // The lints reason over the compiled policy, which a policy with errors does not have: say so rather
                    // than let its warnings vanish without a word.
                    stdout.WriteLine($"note: {unlinted} polic{(unlinted == 1 ? "y" : "ies")} with errors not linted: the lint warnings (shadowed rules, unused teams and calendars, enum values without an owner, calendars without holidays) appear once the errors are fixed");
                }

                stdout.WriteLine($"{errors} error(s), {warnings} warning(s)");
            }

            return errors > 0 || (parse.GetValue(warnAsError) && warnings > 0) ? CliApp.Failed : CliApp.Ok;
        });
        return command;
    }

    /// <summary>
    /// The files to check under the paths, less those an exclusion glob matches: a file found in a directory is matched
    /// by its path relative to that directory, a file given by itself by its path relative to the current directory.
    /// </summary>
    internal static IReadOnlyList<string> Find(IReadOnlyList<string> paths, IReadOnlyList<string> excluded)
    {
        if (excluded.Count == 0)
        {
            return PolicyFileChecker.FindFiles(paths);
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddIncludePatterns(excluded);
        var kept = new List<string>();
        foreach (var path in paths)
        {
            var root = Directory.Exists(path) ? path : Directory.GetCurrentDirectory();
            kept.AddRange(PolicyFileChecker.FindFiles([path]).Where(file => !matcher.Match(Path.GetFullPath(root), Path.GetFullPath(file)).HasMatches));
        }

        return PolicyFileChecker.FindFiles(kept);
    }
}
