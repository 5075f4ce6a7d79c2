using System;
using System.IO;
using System.Linq;
using FluentAssertions;
using Xunit;
using static SlaEngine.Cli.Tests.CliRunner;

namespace SlaEngine.Cli.Tests;

/// <summary>The command output pasted in the README is what the tool prints today.</summary>
public sealed class ReadmeExamplesTests
{
    [Fact]
    public void The_explain_output_shown_in_the_readme_is_what_explain_prints()
    {
        const string Command = "`slaengine explain samples/policies/contact-center.yaml --event samples/events/routing-change.json` prints:";
        var lines = File.ReadAllLines(Path.Combine(Root, "README.md"));
        var at = Array.IndexOf(lines, Command);
        at.Should().BeGreaterThan(0, "the README shows explain's output after that line");
        var block = lines.Skip(at + 1).SkipWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal));

        var (exit, output, _) = Run("explain", Sample("policies", "contact-center.yaml"), "--event", Sample("events", "routing-change.json"));

        exit.Should().Be(CliApp.Ok);
        output.TrimEnd('\n').Should().Be(string.Join("\n", block));
    }
}
