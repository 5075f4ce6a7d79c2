using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Text.Json;
using SlaEngine.Ingestion;
using SlaEngine.Reporting;

namespace SlaEngine.Cli.Commands;

/// <summary>
/// <c>slaengine map MAPPING --policy POLICY --payload FILE…</c>: turns ticketing tools' payloads into history rows,
/// one JSON line per accepted payload on standard output; ignored payloads and errors go to standard error.
/// </summary>
internal static class MapCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var mappingArg = new Argument<FileInfo>("mapping") { Description = "The mapping file (*.mapping.yaml)." };
        var policyOption = new Option<FileInfo>("--policy") { Description = "The policy whose fields the mapping sets.", Required = true };
        var payloadOption = new Option<FileInfo[]>("--payload")
        {
            Description = "Payload files: each one JSON payload, or JSON lines (one payload per line).",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command(
            "map",
            "Map ticketing tools' payloads (webhook bodies) to timeline entries: one JSON line {ticket, at, id, set} per accepted payload, a history row for 'simulate'. Ignored payloads are noted on standard error; exit 1 when a payload cannot be mapped.\nExample: slaengine map mappings/jira-service-management.mapping.yaml --policy policies/contact-center.yaml --payload payloads/*.json")
        {
            mappingArg,
            policyOption,
            payloadOption,
        };
        command.SetAction(parse =>
        {
            // Only errors are printed here and the lint gives warnings only: skip it (`check` is where warnings are shown).
            var loaded = PolicyLoader.LoadFile(parse.GetValue(policyOption)!.ToString(), new PolicyLoadOptions { Lint = false });
            if (!loaded.Success)
            {
                foreach (var d in loaded.Diagnostics)
                {
                    stderr.WriteLine(d);
                }

                return CliApp.Failed;
            }

            var mapping = MappingLoader.LoadFile(parse.GetValue(mappingArg)!.ToString(), loaded.Policy);
            if (!mapping.Success)
            {
                foreach (var d in mapping.Diagnostics)
                {
                    stderr.WriteLine(d);
                }

                return CliApp.Failed;
            }

            var failed = false;
            foreach (var file in parse.GetValue(payloadOption) ?? [])
            {
                var text = InputFiles.ReadText(file, stderr);
                if (text is null)
                {
                    failed = true;
                    continue;
                }

                var payloads = Split(text);
                for (var i = 0; i < payloads.Count; i++)
                {
                    var where = payloads.Count == 1 ? file.ToString() : $"{file}: line {payloads[i].Line}";
                    var result = mapping.Mapping.Map(payloads[i].Text);
                    switch (result.Outcome)
                    {
                        case MappingOutcome.Mapped:
                            stdout.WriteLine(HistoryRowJson.ToJson(result.Entry!));
                            foreach (var note in result.Notes)
                            {
                                stderr.WriteLine($"{where}: note: {note.Message}; the optional field is skipped");
                            }

                            break;
                        case MappingOutcome.Ignored:
                            stderr.WriteLine($"{where}: ignored: {result.IgnoredBecause}");
                            break;
                        default:
                            failed = true;
                            foreach (var error in result.Errors)
                            {
                                stderr.WriteLine($"{where}: error {error}");
                            }

                            break;
                    }
                }
            }

            return failed ? CliApp.Failed : CliApp.Ok;
        });
        return command;
    }

    /// <summary>The payloads of a file: the whole text when it is one JSON document, else each non-blank line.</summary>
    private static List<(string Text, int Line)> Split(string text)
    {
        if (!text.Contains('\n', StringComparison.Ordinal) || IsOneDocument(text))
        {
            return [(text, 1)];
        }

        var lines = text.Split('\n');
        if (Array.Find(lines, l => l.Trim().Length > 0) is not { } first || !IsOneDocument(first))
        {
            // A broken multi-line document, not JSON lines: one error for the file, not one per line.
            return [(text, 1)];
        }

        var payloads = new List<(string, int)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                payloads.Add((lines[i], i + 1));
            }
        }

        return payloads;
    }

    private static bool IsOneDocument(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = PayloadMapping.MaxPayloadDepth });
            return true;
        }
        catch (JsonException)
        {
            // Not one document: JSON lines, or malformed (then the first line's error is as good as the file's).
            return false;
        }
    }
}
