using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Diagnostics;
using SlaEngine.Evaluation;
using SlaEngine.Events;
using SlaEngine.Reporting;
using SlaEngine.Tracking;
using YamlDotNet.RepresentationModel;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine evaluate</c> and <c>slaengine explain</c>: decide events (or a ticket's clocks) under a policy.</summary>
internal static class EvaluateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, bool explain)
    {
        var policyArg = new Argument<FileInfo>("policy") { Description = "The policy file." };
        var eventOption = new Option<FileInfo?>("--event") { Description = "A JSON file with one event, a JSON array of events, or JSON lines (one event per line); or a .yaml file with one event." };
        var timelineOption = new Option<FileInfo?>("--timeline") { Description = "A JSON file with a ticket's timeline: [{\"at\": …, \"set\": {…}}, …]; the first entry is the submission." };
        var atOption = new Option<string?>("--at") { Description = "With --timeline: the instant to report the clocks at (ISO-8601 with an offset)." };
        var zoneOption = new Option<string?>("--zone") { Description = "Show every instant of the text in this IANA time zone (such as Europe/Dublin). Default: each calendar's own zone, and the zone the event was submitted from for 24x7 clocks." };
        var format = new Option<string>("--format") { Description = "Output format: json (the stable JSON of the decision or of the clocks' status) or text (as 'explain' prints it).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "text");
        var name = explain ? "explain" : "evaluate";
        var description = explain
            ? "Explain the decision for an event in plain words, with the rule behind each facet and local times; with --timeline and --at, where every SLA clock stands, when next to look and what escalates next.\nExample: slaengine explain policies/contact-center.yaml --event events/routing.json --zone Europe/Dublin"
            : "Print the decision for each event as JSON; with --timeline and --at, the status of every SLA clock.\nExample: slaengine evaluate policies/contact-center.yaml --event events/routing.json";
        var command = new Command(name, description) { policyArg, eventOption, timelineOption, atOption, zoneOption };
        if (!explain)
        {
            command.Add(format);
        }

        command.SetAction(parse =>
        {
            var text = explain || parse.GetValue(format) == "text";
            DateTimeZone? zone = null;
            if (parse.GetValue(zoneOption) is { } zoneId)
            {
                if (!text)
                {
                    stderr.WriteLine($"{name}: --zone applies to text (explain, or --format text); JSON instants are always UTC");
                    return CliApp.UsageError;
                }

                zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
                if (zone is null)
                {
                    stderr.WriteLine($"--zone: unknown time zone '{zoneId}': use an IANA zone id such as Europe/Dublin");
                    return CliApp.UsageError;
                }
            }

            var eventFile = parse.GetValue(eventOption);
            var timelineFile = parse.GetValue(timelineOption);
            if (eventFile is null == timelineFile is null)
            {
                stderr.WriteLine($"{name}: give exactly one of --event FILE or --timeline FILE --at INSTANT");
                return CliApp.UsageError;
            }

            // Only errors are printed here and the lint gives warnings only: skip it (`check` is where warnings are shown).
            var loaded = PolicyLoader.LoadFile(parse.GetValue(policyArg)!.ToString(), new PolicyLoadOptions { Lint = false });
            if (!loaded.Success)
            {
                foreach (var d in loaded.Diagnostics)
                {
                    stderr.WriteLine(d);
                }

                return CliApp.Failed;
            }

            var output = new Output(name, loaded.Policy, text, zone, stdout, stderr);
            return timelineFile is not null
                ? Timeline(output, timelineFile, parse.GetValue(atOption))
                : Events(output, eventFile!);
        });
        return command;
    }

    /// <summary>Where and how results are written: text or JSON, and the zone chosen for text.</summary>
    private sealed record Output(string Name, Policy Policy, bool Text, DateTimeZone? Zone, TextWriter Stdout, TextWriter Stderr)
    {
        /// <summary>The explanation's options: the chosen zone, and for 24x7 clocks the zone the event was submitted from.</summary>
        public ExplainOptions Options(string? submittedAtText) => new()
        {
            Zone = Zone,
            AlwaysOpenZone = submittedAtText is not null && OffsetDateTimePattern.ExtendedIso.Parse(submittedAtText.Trim()) is { Success: true } parsed
                ? DateTimeZone.ForOffset(parsed.Value.Offset)
                : null,
        };

        /// <summary>Writes the notes of an event read (SLA4003, a field the policy does not read) to standard error.</summary>
        public void Notes(string where, EventReadResult read)
        {
            foreach (var note in read.Event?.Notes ?? [])
            {
                Stderr.WriteLine(Note(where, note));
            }
        }

        /// <summary>The line that reports a note of an event read.</summary>
        public static string Note(string where, Diagnostic note) => $"{where}: {note.Severity.ToString().ToLowerInvariant()} {note.Code}: {note.Message}";
    }

    private static int Events(Output output, FileInfo file)
    {
        var policy = output.Policy;
        var stdout = output.Stdout;
        var stderr = output.Stderr;
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

            output.Notes(file.ToString(), read);
            var decision = policy.Evaluate(read.Event);
            stdout.Write(output.Text ? DecisionExplainer.Explain(policy, decision, output.Options(YamlSubmittedAt(text))) : decision.ToJson(indented: true) + Environment.NewLine);
            return CliApp.Ok;
        }

        if (!EventFiles.TrySplit(text, out var documents, out var error))
        {
            stderr.WriteLine($"{file}: {error.Message}");
            return CliApp.Failed;
        }

        // Events are decided in parallel (a policy evaluates on any number of threads) and written in file order,
        // a batch at a time so that a large file is never held as text whole.
        var failed = false;
        const int Batch = 512;
        var results = new DocumentResult[Math.Min(Batch, documents.Length)];
        for (var first = 0; first < documents.Length; first += Batch)
        {
            var count = Math.Min(Batch, documents.Length - first);
            Parallel.For(0, count, i => results[i] = Decide(output, file, documents, first + i));
            for (var i = 0; i < count; i++)
            {
                var result = results[i];
                foreach (var line in result.Errors)
                {
                    stderr.WriteLine(line);
                }

                if (result.Output is null)
                {
                    failed = true;
                    continue;
                }

                if (output.Text && first + i > 0)
                {
                    stdout.WriteLine(new string('-', 60));
                }

                stdout.Write(result.Output);
            }
        }

        return failed ? CliApp.Failed : CliApp.Ok;
    }

    /// <summary>What one event of a file gives: the lines for standard error, and its output (null when it could not be read).</summary>
    private readonly record struct DocumentResult(List<string> Errors, string? Output);

    private static DocumentResult Decide(Output output, FileInfo file, ImmutableArray<JsonElement> documents, int index)
    {
        var policy = output.Policy;
        var number = index + 1;
        var document = documents[index];
        var where = documents.Length == 1 ? file.ToString() : $"{file}: event {number}";
        var errors = new List<string>();
        var read = policy.ReadEvent(document);
        if (!read.Success)
        {
            errors.Add($"{file}: event {number}: {read.ErrorMessage}");
            return new DocumentResult(errors, null);
        }

        foreach (var note in read.Event.Notes)
        {
            errors.Add(Output.Note(where, note));
        }

        var decision = policy.Evaluate(read.Event);
        return new DocumentResult(
            errors,
            output.Text
                ? DecisionExplainer.Explain(policy, decision, output.Options(JsonSubmittedAt(document)))
                : decision.ToJson(indented: documents.Length == 1) + Environment.NewLine);
    }

    private static int Timeline(Output output, FileInfo file, string? atText)
    {
        var stderr = output.Stderr;
        if (atText is null)
        {
            stderr.WriteLine($"{output.Name}: --timeline needs --at INSTANT");
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

        var read = output.Policy.ReadTimeline(text);
        if (!read.Success)
        {
            stderr.WriteLine($"{file}: {read.Error.Message}");
            return CliApp.Failed;
        }

        var status = read.Ticket.StatusAt(at);
        if (output.Text)
        {
            output.Stdout.WriteLine(TicketStatusExplainer.Explain(output.Policy, status, output.Options(TimelineSubmittedAt(text))).TrimEnd());
        }
        else
        {
            output.Stdout.WriteLine(SlaJson.ToJson(status, indented: true));
        }

        return CliApp.Ok;
    }

    /// <summary>The <c>submittedAt</c> text of a JSON event, or null.</summary>
    private static string? JsonSubmittedAt(JsonElement document) =>
        document.ValueKind == JsonValueKind.Object && document.TryGetProperty(EventSchema.SubmittedAtField, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>The <c>at</c> text of a timeline's first entry (the submission), or null.</summary>
    private static string? TimelineSubmittedAt(string json)
    {
        return EventFiles.TrySplit(json, out var entries, out _) && entries.Length > 0 && entries[0].ValueKind == JsonValueKind.Object && entries[0].TryGetProperty("at", out var at) && at.ValueKind == JsonValueKind.String
            ? at.GetString()
            : null;
    }

    /// <summary>The <c>submittedAt</c> text of a YAML event, or null.</summary>
    private static string? YamlSubmittedAt(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map
                && map.Children.TryGetValue(new YamlScalarNode(EventSchema.SubmittedAtField), out var node) && node is YamlScalarNode scalar
                ? scalar.Value
                : null;
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return null;
        }
    }
}
