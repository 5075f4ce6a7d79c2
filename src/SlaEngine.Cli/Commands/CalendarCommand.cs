using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine calendar show|export|import</c>: see a policy's calendars, in the terminal or in a calendar app.</summary>
internal static class CalendarCommand
{
    private const int MaxDays = 3_660;

    public static Command Create(TextWriter stdout, TextWriter stderr) =>
        new("calendar", "See a policy's business calendars: per date (show), as an iCalendar file for Outlook and Google Calendar (export), or turn an iCalendar holiday feed into holiday entries (import).")
        {
            CreateShow(stdout, stderr),
            CalendarExportCommand.Create(stdout, stderr),
            CalendarImportCommand.Create(stdout, stderr),
        };

    /// <summary>Loads a policy, printing its errors; null when it does not load.</summary>
    internal static Policy? LoadPolicy(FileInfo file, TextWriter stdout)
    {
        var result = PolicyLoader.LoadFile(file.ToString(), new PolicyLoadOptions { Lint = false });
        if (result.Policy is { } policy)
        {
            return policy;
        }

        foreach (var diagnostic in result.Diagnostics.Where(d => d.IsError))
        {
            stdout.WriteLine(diagnostic.ToString());
        }

        return null;
    }

    /// <summary>Parses a <c>yyyy-MM-dd</c> option value, or reports it.</summary>
    internal static LocalDate? ParseDate(string? text, string option, TextWriter stderr)
    {
        var result = LocalDatePattern.Iso.Parse(text ?? string.Empty);
        if (result.Success)
        {
            return result.Value;
        }

        stderr.WriteLine($"{option} '{text}' is not a date: write yyyy-MM-dd, such as 2027-12-20");
        return null;
    }

    private static Command CreateShow(TextWriter stdout, TextWriter stderr)
    {
        var policyFile = new Argument<FileInfo>("policy") { Description = "The policy file." };
        var calendarId = new Argument<string>("calendar") { Description = "The calendar's id (or 24x7)." };
        var from = new Option<string>("--from") { Description = "The first local date, yyyy-MM-dd.", Required = true };
        var days = new Option<int>("--days") { Description = $"How many dates to show (1 to {MaxDays}; default 14).", DefaultValueFactory = _ => 14 };
        var command = new Command("show", "Print each local date of a calendar with its open intervals in local time and why: weekly hours, an exception, a holiday or an observed holiday, by name.\nExample: slaengine calendar show policies/contact-center.yaml it-hours --from 2026-12-21 --days 14")
        {
            policyFile,
            calendarId,
            from,
            days,
        };
        command.SetAction(parse =>
        {
            var count = parse.GetValue(days);
            if (count is < 1 or > MaxDays)
            {
                stderr.WriteLine($"--days {count} is out of range: show 1 to {MaxDays} dates");
                return CliApp.Failed;
            }

            if (ParseDate(parse.GetValue(from), "--from", stderr) is not { } start)
            {
                return CliApp.Failed;
            }

            if (LoadPolicy(parse.GetValue(policyFile)!, stdout) is not { } policy)
            {
                return CliApp.Failed;
            }

            var id = parse.GetValue(calendarId) ?? string.Empty;
            var calendar = id == BusinessCalendar.AlwaysOpen.Id ? BusinessCalendar.AlwaysOpen : policy.FindCalendar(id);
            if (calendar is null)
            {
                stderr.WriteLine($"policy '{policy.Id}' has no calendar '{id}': its calendars are {string.Join(", ", policy.Calendars.Select(c => c.Id).Append(BusinessCalendar.AlwaysOpen.Id))}");
                return CliApp.Failed;
            }

            IReadOnlyList<CalendarDay> described;
            try
            {
                described = calendar.Describe(start, count);
            }
            catch (ArgumentOutOfRangeException e)
            {
                stderr.WriteLine(e.Message.Split('\n')[0]);
                return CliApp.Failed;
            }

            stdout.WriteLine($"calendar {calendar.Id} ({calendar.Zone.Id}), {described[0].Date:uuuu-MM-dd} to {described[^1].Date:uuuu-MM-dd}, local times");
            foreach (var day in described)
            {
                stdout.WriteLine(day.ToString());
            }

            var open = described.Count(d => d.IsOpenDate);
            stdout.WriteLine($"{open} open date(s), {described.Count - open} closed");
            return CliApp.Ok;
        });
        return command;
    }
}
