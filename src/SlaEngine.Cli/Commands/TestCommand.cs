using System;
using System.CommandLine;
using System.IO;
using SlaEngine.Testing;

namespace SlaEngine.Cli.Commands;

/// <summary><c>slaengine test PATH…</c>: runs every <c>*.tests.yaml</c> under the paths; one line per case, totals last.</summary>
internal static class TestCommand
{
    public static Command Create(TextWriter stdout)
    {
        var paths = new Argument<string[]>("path") { Arity = ArgumentArity.OneOrMore, Description = "Test files, or directories searched recursively for *.tests.yaml." };
        var junit = new Option<FileInfo?>("--junit") { Description = "Also write the results as JUnit XML to this file." };
        var coverage = new Option<bool>("--coverage") { Description = "List, per policy, the rules no case matched and the facets of each rule that never decided anything." };
        var filter = new Option<string?>("--filter") { Description = "Run only the cases whose name contains this text (ignoring case)." };
        var command = new Command("test", "Run policy test suites (*.tests.yaml). Prints 'PASS suite › case' or 'FAIL …' with expected against actual, then 'N passed, N failed'; exit 1 on any failure.\nExample: slaengine test policies/ --junit results.xml")
        {
            paths,
            junit,
            coverage,
            filter,
        };
        command.SetAction(parse =>
        {
            var files = PolicyTestSuite.FindFiles(parse.GetValue(paths) ?? []);
            if (files.Count == 0)
            {
                stdout.WriteLine($"no *{PolicyTestSuite.FileSuffix} files found under the given paths");
                stdout.WriteLine("0 passed, 0 failed");
                return CliApp.Failed;
            }

            var report = new PolicyTestRunner().Run(files, parse.GetValue(filter));
            if (parse.GetValue(junit) is { } junitFile)
            {
                try
                {
                    TestReportWriter.WriteJUnitFile(report, junitFile.FullName);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    stdout.WriteLine($"cannot write {junitFile}: {ex.Message}");
                    TestReportWriter.WriteText(report, stdout, parse.GetValue(coverage));
                    return CliApp.Failed;
                }
            }

            TestReportWriter.WriteText(report, stdout, parse.GetValue(coverage));
            return report.AllPassed ? CliApp.Ok : CliApp.Failed;
        });
        return command;
    }
}
