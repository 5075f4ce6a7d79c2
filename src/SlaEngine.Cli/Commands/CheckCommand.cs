using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using SlaEngine.Diagnostics;
using SlaEngine.Reporting;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine check POLICY…</c>: load, type-check and lint; prints diagnostics the way compilers do.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter stdout)
    {
        var files = new Argument<FileInfo[]>("policy") { Arity = ArgumentArity.OneOrMore, Description = "Policy files to check." };
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Treat lint warnings as errors (exit 1 when there are any)." };
        var format = new Option<string>("--format") { Description = "Output format: text (file:line:col lines) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("check", "Load, type-check and lint policy files. Prints 'file:line:col: severity CODE: message' lines; exit 1 on any error.\nExample: slaengine check policies/contact-center.yaml")
        {
            files,
            warnAsError,
            format,
        };
        command.SetAction(parse =>
        {
            var errors = 0;
            var warnings = 0;
            var all = new List<Diagnostic>();
            var json = parse.GetValue(format) == "json";
            foreach (var file in parse.GetValue(files) ?? [])
            {
                var result = PolicyLoader.LoadFile(file.ToString());
                all.AddRange(result.Diagnostics);
                if (!json)
                {
                    foreach (var diagnostic in result.Diagnostics)
                    {
                        stdout.WriteLine(diagnostic.ToString());
                    }
                }

                errors += result.Diagnostics.Count(d => d.IsError);
                warnings += result.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
            }

            if (json)
            {
                stdout.WriteLine(DiagnosticJson.ToJson(all));
            }
            else
            {
                stdout.WriteLine($"{errors} error(s), {warnings} warning(s)");
            }

            return errors > 0 || (parse.GetValue(warnAsError) && warnings > 0) ? CliApp.Failed : CliApp.Ok;
        });
        return command;
    }
}
