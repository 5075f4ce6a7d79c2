using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using NodaTime.Text;
using SlaEngine.Analysis;
using SlaEngine.Events;
using SlaEngine.Reporting;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine diff OLD NEW</c>: every class of events the two versions decide differently, with a witness event.</summary>
internal static class DiffCommand
{
    /// <summary>Exit code when the versions differ.</summary>
    private const int Different = 1;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var oldArg = new Argument<FileInfo>("old") { Description = "The policy in force." };
        var newArg = new Argument<FileInfo>("new") { Description = "The proposed policy." };
        var from = new Option<string?>("--from") { Description = "The first date (YYYY-MM-DD) calendars are compared on, for 24 months; also the date of witness events. Default: today (UTC)." };
        var events = new Option<FileInfo?>("--events") { Description = "Real events (JSON lines, a JSON array or one object) to evaluate under both versions; each decided differently is listed." };
        var format = new Option<string>("--format") { Description = "Output format: text, json or markdown (for a pull-request comment).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var command = new Command("diff", "Compare two versions of a policy: which requests now go to someone else or get another deadline, calendar dates that change, and changed clocks, freezes, fields and teams. Exit 0 same, 1 different, 2 bad command line or a version that does not load.\nExample: slaengine diff policies/contact-center.yaml proposed/contact-center.yaml --format markdown")
        {
            oldArg,
            newArg,
            from,
            events,
            format,
        };
        command.SetAction(parse =>
        {
            var options = PolicyDiffOptions.Default;
            if (parse.GetValue(from) is { } fromText)
            {
                var date = LocalDatePattern.Iso.Parse(fromText);
                if (!date.Success)
                {
                    stderr.WriteLine($"--from: '{fromText}' is not a date (YYYY-MM-DD)");
                    return CliApp.UsageError;
                }

                options = options with { From = date.Value };
            }

            var policies = new Policy?[2];
            var loaded = true;
            foreach (var (i, file) in new[] { (0, parse.GetValue(oldArg)!), (1, parse.GetValue(newArg)!) })
            {
                var result = PolicyLoader.LoadFile(file.ToString(), new PolicyLoadOptions { Lint = false });
                if (!result.Success)
                {
                    loaded = false;
                    foreach (var d in result.Errors)
                    {
                        stderr.WriteLine(d);
                    }

                    stderr.WriteLine($"diff: {file} does not load");
                }

                policies[i] = result.Policy;
            }

            if (!loaded)
            {
                return CliApp.UsageError;
            }

            if (parse.GetValue(events) is { } eventsFile)
            {
                var text = InputFiles.ReadText(eventsFile, stderr);
                if (text is null)
                {
                    return CliApp.UsageError;
                }

                if (!EventFiles.TrySplit(text, out var documents, out var error))
                {
                    stderr.WriteLine($"{eventsFile}: {error.Message}");
                    return CliApp.UsageError;
                }

                options = options with { Events = documents };
            }

            var diff = PolicyDiff.Compare(policies[0]!, policies[1]!, options);
            var kind = parse.GetValue(format) switch
            {
                "json" => DiffReportFormat.Json,
                "markdown" => DiffReportFormat.Markdown,
                _ => DiffReportFormat.Text,
            };
            stdout.Write(DiffReportWriter.Write(diff, kind));
            return diff.AreEquivalent ? CliApp.Ok : Different;
        });
        return command;
    }
}
