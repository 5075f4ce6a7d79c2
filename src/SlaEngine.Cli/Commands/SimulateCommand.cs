using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Replay;
using SlaEngine.Reporting;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine simulate</c>: replay a ticket history through a policy and report SLA attainment; <c>simulate merge</c>: combine shards.</summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var policyArg = new Argument<FileInfo>("policy") { Description = "The policy file." };
        var history = new Option<FileInfo>("--history") { Description = "The history: JSON lines, or CSV (.csv) with a header row; one row per ticket change (ticket, at, optional id, field values).", Required = true };
        var at = new Option<string?>("--at") { Description = "Report at this instant (ISO-8601 with an offset); rows after it are left out. Default: the history's last instant." };
        var compare = new Option<FileInfo?>("--compare") { Description = "A second policy: replay the same history under it and show every figure side by side." };
        var by = new Option<string?>("--by") { Description = "Enum, bool or team fields to break the figures down by, comma-separated (such as priority,category)." };
        var format = FormatOption();
        var output = new Option<FileInfo?>("--out") { Description = "Write the report to this file instead of standard output." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Also write one CSV row per ticket, clock and cycle to this file." };
        var skipBad = new Option<bool>("--skip-bad") { Description = "Skip bad rows (counted, the first 20 listed in the report) instead of stopping at the first." };
        var shard = new Option<string?>("--shard") { Description = "i/n: replay only the tickets whose stable hash modulo n is i, and write a partial result for 'simulate merge' (use --format json)." };
        var threads = new Option<int?>("--threads") { Description = "How many threads replay tickets besides the one reading (default: one per processor; the report is the same whatever the number)." };
        var command = new Command(
            "simulate",
            "Replay a ticket history through a policy and report SLA attainment per clock, owner team, ISO week and field; with --compare, against a second policy.\n"
            + "Example: slaengine simulate policies/contact-center.yaml --history history.jsonl --compare proposed.yaml --format html --out report.html")
        {
            policyArg, history, at, compare, by, format, output, csv, skipBad, shard, threads, Merge(stdout, stderr),
        };
        command.SetAction(parse =>
        {
            var policy = Load(parse.GetValue(policyArg)!, stderr);
            if (policy is null)
            {
                return CliApp.Failed;
            }

            Instant? reportAt = null;
            if (parse.GetValue(at) is { } atText)
            {
                if (!SlaJson.TryParseInstant(atText, out var instant, out var why))
                {
                    stderr.WriteLine($"simulate: --at: {why}");
                    return CliApp.UsageError;
                }

                reportAt = instant;
            }

            SimulationShard? part = null;
            if (parse.GetValue(shard) is { } shardText)
            {
                if (!SimulationShard.TryParse(shardText, out var s))
                {
                    stderr.WriteLine($"simulate: --shard: expected i/n with 0 <= i < n, such as 0/4; got '{shardText}'");
                    return CliApp.UsageError;
                }

                part = s;
            }

            Policy? other = null;
            if (parse.GetValue(compare) is { } compareFile)
            {
                other = Load(compareFile, stderr);
                if (other is null)
                {
                    return CliApp.Failed;
                }
            }

            var byFields = (parse.GetValue(by) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var historyFile = parse.GetValue(history)!;
            var csvFile = parse.GetValue(csv);
            StreamWriter? csvWriter = null;
            CycleCsvWriter? cycles = null;
            Progress? progress = Progress.ForTerminal(stderr);
            try
            {
                if (csvFile is not null)
                {
                    csvWriter = new StreamWriter(csvFile.FullName, false, new UTF8Encoding(false), 1 << 16);
                    cycles = new CycleCsvWriter(csvWriter);
                }

                var options = new SimulationOptions
                {
                    SkipBad = parse.GetValue(skipBad),
                    At = reportAt,
                    Compare = other,
                    Shard = part,
                    Threads = parse.GetValue(threads) is { } n && n > 0 ? n : null,
                    By = [.. byFields],
                    OnCycle = cycles is null ? null : cycles.Write,
                    OnProgress = progress is null ? null : progress.Report,
                    SourceName = historyFile.ToString(),
                };
                SimulationResult result;
                using (var stream = new FileStream(historyFile.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                {
                    result = HistoryReplay.Simulate(policy, stream, HistoryReplay.FormatOf(historyFile.Name), options);
                }

                progress?.Done();
                if (result.Error is { } error)
                {
                    stderr.WriteLine($"{historyFile}:{error.Line}: {error.Message}");
                    stderr.WriteLine("simulate: stopped at the first bad row; --skip-bad skips and counts bad rows instead.");
                    return CliApp.Failed;
                }

                return WriteReport(result.Report!, parse.GetValue(format)!, parse.GetValue(output), stdout, stderr);
            }
            catch (ArgumentException ex)
            {
                stderr.WriteLine($"simulate: --by: {ex.Message.Split(" (Parameter")[0]}");
                return CliApp.UsageError;
            }
            catch (IOException ex)
            {
                stderr.WriteLine($"simulate: {ex.Message}");
                return CliApp.Failed;
            }
            catch (UnauthorizedAccessException ex)
            {
                stderr.WriteLine($"simulate: {ex.Message}");
                return CliApp.Failed;
            }
            finally
            {
                csvWriter?.Dispose();
            }
        });
        return command;
    }

    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "text (tables), json (every figure, mergeable) or html (one self-contained page with charts).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "html");
        return format;
    }

    private static Command Merge(TextWriter stdout, TextWriter stderr)
    {
        var parts = new Argument<FileInfo[]>("parts") { Description = "The partial results (JSON) of every shard.", Arity = ArgumentArity.OneOrMore };
        var format = FormatOption();
        var output = new Option<FileInfo?>("--out") { Description = "Write the report to this file instead of standard output." };
        var command = new Command("merge", "Combine the partial results of 'simulate --shard i/n --format json' into the report one run gives.\nExample: slaengine simulate merge part-*.json --format html --out report.html")
        {
            parts, format, output,
        };
        command.SetAction(parse =>
        {
            var reports = new List<AttainmentReport>();
            foreach (var file in parse.GetValue(parts)!)
            {
                var text = InputFiles.ReadText(file, stderr);
                if (text is null)
                {
                    return CliApp.Failed;
                }

                if (!AttainmentMerge.TryReadJson(text, out var report, out var why))
                {
                    stderr.WriteLine($"{file}: {why}");
                    return CliApp.Failed;
                }

                reports.Add(report!);
            }

            AttainmentReport merged;
            try
            {
                merged = AttainmentMerge.Merge(reports);
            }
            catch (ArgumentException ex)
            {
                stderr.WriteLine($"simulate merge: {ex.Message.Split(" (Parameter")[0]}");
                return CliApp.Failed;
            }

            return WriteReport(merged, parse.GetValue(format)!, parse.GetValue(output), stdout, stderr);
        });
        return command;
    }

    private static int WriteReport(AttainmentReport report, string format, FileInfo? output, TextWriter stdout, TextWriter stderr)
    {
        var bytes = format switch
        {
            "json" => Encoding.UTF8.GetBytes(AttainmentJsonWriter.ToJson(report)),
            "html" => Encoding.UTF8.GetBytes(AttainmentHtmlWriter.ToHtml(report)),
            _ => Encoding.UTF8.GetBytes(AttainmentTextWriter.ToText(report)),
        };
        if (output is null)
        {
            stdout.Write(Encoding.UTF8.GetString(bytes));
            return CliApp.Ok;
        }

        try
        {
            File.WriteAllBytes(output.FullName, bytes);
            return CliApp.Ok;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"{output}: cannot write: {ex.Message}");
            return CliApp.Failed;
        }
    }

    private static Policy? Load(FileInfo file, TextWriter stderr)
    {
        // Only errors are printed here and the lint gives warnings only: skip it (`check` is where warnings are shown).
        var loaded = PolicyLoader.LoadFile(file.ToString(), new PolicyLoadOptions { Lint = false });
        if (loaded.Success)
        {
            return loaded.Policy;
        }

        foreach (var d in loaded.Diagnostics.Where(d => d.IsError))
        {
            stderr.WriteLine(d);
        }

        return null;
    }

    /// <summary>A progress line on standard error (rows, tickets, rate), only when it is a terminal.</summary>
    private sealed class Progress
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly TextWriter _stderr;
        private long _shownAt = -1000;

        private Progress(TextWriter stderr) => _stderr = stderr;

        public static Progress? ForTerminal(TextWriter stderr) =>
            ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? new Progress(stderr) : null;

        public void Report(SimulationProgress progress)
        {
            var now = _clock.ElapsedMilliseconds;
            if (now - _shownAt < 250)
            {
                return;
            }

            _shownAt = now;
            var rate = now > 0 ? progress.Rows * 1000 / now : 0;
            _stderr.Write(string.Create(CultureInfo.InvariantCulture, $"\r{progress.Rows:N0} rows read, {progress.Tickets:N0} tickets done, {progress.OpenTickets:N0} open, {rate:N0} rows/s   "));
        }

        public void Done() => _stderr.Write("\r" + new string(' ', 78) + "\r");
    }
}
