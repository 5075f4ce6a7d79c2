using System;
using System.CommandLine;
using System.IO;
using System.Text;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Reporting;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine calendar export</c>: a policy's calendars as an iCalendar file (the library's <see cref="CalendarExporter"/>).</summary>
internal static class CalendarExportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var policyFile = new Argument<FileInfo>("policy") { Description = "The policy file." };
        var calendars = new Option<string[]>("--calendar") { Description = "A calendar id to export (repeat for more); default: every calendar.", AllowMultipleArgumentsPerToken = true };
        var from = new Option<string>("--from") { Description = "The first local date, yyyy-MM-dd.", Required = true };
        var to = new Option<string>("--to") { Description = "The last local date, yyyy-MM-dd, inclusive.", Required = true };
        var stamp = new Option<string>("--stamp") { Description = "The DTSTAMP of every event, such as 2026-12-01T00:00:00Z; fix it to get the same bytes for the same policy (default: now)." };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Write the file here instead of to standard output." };
        var noFreezes = new Option<bool>("--no-freezes") { Description = "Leave the freeze windows out." };
        var command = new Command("export", "Write an iCalendar (RFC 5545) file of a policy's holidays, observed days, exceptions and freezes, for Outlook and Google Calendar.\nExample: slaengine calendar export policies/contact-center.yaml --from 2026-11-01 --to 2027-12-31 --stamp 2026-11-01T00:00:00Z -o calendars.ics")
        {
            policyFile,
            calendars,
            from,
            to,
            stamp,
            output,
            noFreezes,
        };
        command.SetAction(parse =>
        {
            if (CalendarCommand.ParseDate(parse.GetValue(from), "--from", stderr) is not { } first
                || CalendarCommand.ParseDate(parse.GetValue(to), "--to", stderr) is not { } last)
            {
                return CliApp.Failed;
            }

            Instant when;
            if (parse.GetValue(stamp) is { } stampText)
            {
                var parsed = InstantPattern.ExtendedIso.Parse(stampText);
                if (!parsed.Success)
                {
                    stderr.WriteLine($"--stamp '{stampText}' is not an instant: write it in UTC, such as 2026-12-01T00:00:00Z");
                    return CliApp.Failed;
                }

                when = parsed.Value;
            }
            else
            {
                when = SystemClock.Instance.GetCurrentInstant();
            }

            if (CalendarCommand.LoadPolicy(parse.GetValue(policyFile)!, stdout) is not { } policy)
            {
                return CliApp.Failed;
            }

            string text;
            try
            {
                text = CalendarExporter.Export(policy, new CalendarExportOptions(first, last, when)
                {
                    Calendars = [.. parse.GetValue(calendars) ?? []],
                    IncludeFreezes = !parse.GetValue(noFreezes),
                });
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine(e.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
                return CliApp.Failed;
            }

            if (parse.GetValue(output) is { } file)
            {
                File.WriteAllText(file.FullName, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            else
            {
                stdout.Write(text);
            }

            return CliApp.Ok;
        });
        return command;
    }
}
