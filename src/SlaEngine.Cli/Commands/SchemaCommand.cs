using System.CommandLine;
using System.IO;
using SlaEngine.Loading;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine schema</c>: prints the JSON Schema of policy files (or of test files), for editors.</summary>
internal static class SchemaCommand
{
    public static Command Create(TextWriter stdout)
    {
        var tests = new Option<bool>("--tests") { Description = "Print the schema of *.tests.yaml files instead of policy files." };
        var mapping = new Option<bool>("--mapping") { Description = "Print the schema of *.mapping.yaml files instead of policy files." };
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of policy files, with --tests of test files, with --mapping of mapping files.\nExample: slaengine schema > policy.schema.json, then '# yaml-language-server: $schema=policy.schema.json' atop a policy.")
        {
            tests,
            mapping,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(tests) && parse.GetValue(mapping))
            {
                stdout.WriteLine("schema: give at most one of --tests and --mapping");
                return CliApp.UsageError;
            }

            stdout.WriteLine(parse.GetValue(tests) ? JsonSchemas.TestFile : parse.GetValue(mapping) ? JsonSchemas.MappingFile : JsonSchemas.PolicyFile);
            return CliApp.Ok;
        });
        return command;
    }
}
