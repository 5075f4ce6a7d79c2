using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Events;
using SlaEngine.Reporting;
using SlaEngine.Tracking;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine evaluate</c> and <c>slaengine explain</c>: decide events (or a ticket's clocks) under a policy.</summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, bool explain)
    {
        var policyArg = new Argument<FileInfo>("policy") { Description = "The policy file." };
        var eventOption = new Option<FileInfo?>("--event") { Description = "A JSON file with one event, a JSON array of events, or JSON lines (one event per line); or a .yaml file with one event." };
        var timelineOption = new Option<FileInfo?>("--timeline") { Description = "A JSON file with a ticket's timeline: [{\"id\"?: …, \"at\": …, \"set\": {…}}, …] in any order (the first entry is the submission; a repeated id is ignored), or a stored ticket." };
        var atOption = new Option<string?>("--at") { Description = "With --timeline: the instant to report the clocks at (ISO-8601 with an offset)." };
        var format = new Option<string>("--format") { Description = "Output format for --event: json (the decision's stable JSON) or text (as 'explain' prints it).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text");
        var name = explain ? "explain" : "evaluate";
        var description = explain
            ? "Explain the decision for an event in plain words, with the rule behind each facet and local times; with --timeline and --at, where every SLA clock stands, when next to look and what escalates next.\nExample: slaengine explain policies/contact-center.yaml --event events/routing.json"
            : "Print the decision for each event as JSON; with --timeline and --at, the status of every SLA clock.\nExample: slaengine evaluate policies/contact-center.yaml --event events/routing.json";
        var command = new Command(name, description) { policyArg, eventOption, timelineOption, atOption };
        if (!explain)
        {
            command.Add(format);
        }

        command.SetAction(parse =>
        {
            var loaded = PolicyLoader.LoadFile(parse.GetValue(policyArg)!.ToString());
            if (!loaded.Success)
            {
                foreach (var d in loaded.Diagnostics)
                {
                    stderr.WriteLine(d);
                }

                return CliApp.Failed;
            }

            var policy = loaded.Policy;
            var eventFile = parse.GetValue(eventOption);
            var timelineFile = parse.GetValue(timelineOption);
            if (eventFile is null == timelineFile is null)
            {
                stderr.WriteLine($"{name}: give exactly one of --event FILE or --timeline FILE --at INSTANT");
                return CliApp.UsageError;
            }

            return timelineFile is not null
                ? Timeline(policy, timelineFile, parse.GetValue(atOption), explain, stdout, stderr)
                : Events(policy, eventFile!, explain || parse.GetValue(format) == "text", stdout, stderr);
        });
        return command;
    }

    private static int Events(Policy policy, FileInfo file, bool explain, TextWriter stdout, TextWriter stderr)
    {
        var text = InputFiles.ReadText(file, stderr);
        if (text is null)
        {
            return CliApp.Failed;
        }

        if (file.Extension is ".yaml" or ".yml")
        {
            var read = policy.ReadEventYaml(text);
            if (!read.Success)
            {
                stderr.WriteLine($"{file}: {read.ErrorMessage}");
                return CliApp.Failed;
            }

            var decision = policy.Evaluate(read.Event);
            stdout.Write(explain ? DecisionExplainer.Explain(policy, decision) : decision.ToJson(indented: true) + Environment.NewLine);
            return CliApp.Ok;
        }

        if (InputFiles.ReadJsonDocuments(text, out var error) is not { } documents)
        {
            stderr.WriteLine($"{file}: {error}");
            return CliApp.Failed;
        }

        var failed = false;
        var number = 0;
        foreach (var document in documents)
        {
            number++;
            var read = policy.ReadEvent(document);
            if (!read.Success)
            {
                failed = true;
                stderr.WriteLine($"{file}: event {number}: {read.ErrorMessage}");
                continue;
            }

            var decision = policy.Evaluate(read.Event);
            if (explain)
            {
                if (number > 1)
                {
                    stdout.WriteLine(new string('-', 60));
                }

                stdout.Write(DecisionExplainer.Explain(policy, decision));
            }
            else
            {
                stdout.WriteLine(decision.ToJson(indented: documents.Count == 1));
            }
        }

        return failed ? CliApp.Failed : CliApp.Ok;
    }

    private static int Timeline(Policy policy, FileInfo file, string? atText, bool explain, TextWriter stdout, TextWriter stderr)
    {
        if (atText is null)
        {
            stderr.WriteLine($"{(explain ? "explain" : "evaluate")}: --timeline needs --at INSTANT");
            return CliApp.UsageError;
        }

        if (!SlaJson.TryParseInstant(atText, out var at, out var atError))
        {
            stderr.WriteLine($"--at: {atError}");
            return CliApp.UsageError;
        }

        var text = InputFiles.ReadText(file, stderr);
        if (text is null)
        {
            return CliApp.Failed;
        }

        var read = policy.ReadTimeline(text);
        if (!read.Success)
        {
            stderr.WriteLine($"{file}: {read.Error}");
            return CliApp.Failed;
        }

        var status = read.Ticket.StatusAt(at);
        stdout.WriteLine(explain ? TicketStatusExplainer.Explain(policy, status).TrimEnd() : SlaJson.ToJson(status, indented: true));
        return CliApp.Ok;
    }
}
