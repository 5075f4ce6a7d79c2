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
        var command = new Command("schema", "Print the JSON Schema (draft 2020-12) of policy files, or with --tests of test files.\nExample: slaengine schema > policy.schema.json, then '# yaml-language-server: $schema=policy.schema.json' atop a policy.")
        {
            tests,
        };
        command.SetAction(parse =>
        {
            stdout.WriteLine(parse.GetValue(tests) ? JsonSchemas.TestFile : JsonSchemas.PolicyFile);
            return CliApp.Ok;
        });
        return command;
    }
}
