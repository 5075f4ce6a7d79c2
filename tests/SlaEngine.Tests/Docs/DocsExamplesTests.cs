using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using FluentAssertions;
using SlaEngine.Diagnostics;
using SlaEngine.Testing;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace SlaEngine.Tests.Docs;

/// <summary>
/// The examples in README.md and docs/*.md are true: every policy shown loads (or fails with the code it is shown
/// failing with, marked <c>&lt;!-- fails: CODE --&gt;</c>), every test suite shown parses (and passes, when its policy is
/// shown on the same page), other YAML is well-formed, every C# snippet marked <c>&lt;!-- snippet: name --&gt;</c> is
/// the text of a sample that the solution builds, and every diagnostic code is documented.
/// </summary>
public sealed partial class DocsExamplesTests
{
    private const string PolicyFormatLine = "format: slaengine/v1";

    public static IEnumerable<object[]> YamlBlocks() =>
        MarkdownBlock.All().Where(b => b.Language == "yaml").Select(b => new object[] { b.File, b.Line });

    public static IEnumerable<object[]> Snippets() =>
        MarkdownBlock.All().Where(b => b.Marker?.StartsWith("snippet:", StringComparison.Ordinal) == true)
            .Select(b => new object[] { b.File, b.Line });

    [Theory]
    [MemberData(nameof(YamlBlocks))]
    public void A_yaml_example_loads_as_shown(string file, int line)
    {
        var block = Block(file, line);
        var name = block.ToString();
        var fails = block.Marker is { } marker && marker.StartsWith("fails:", StringComparison.Ordinal) ? marker["fails:".Length..].Trim() : null;

        if (block.FirstContentLine == PolicyFormatLine)
        {
            var result = PolicyLoader.Load(block.Text, name);
            if (fails is null)
            {
                result.Errors.Should().BeEmpty($"the policy at {name} is shown as valid");
            }
            else
            {
                result.Success.Should().BeFalse($"the policy at {name} is shown failing with {fails}");
                result.Errors.Select(d => d.Code).Should().Contain(fails, $"the policy at {name} is shown failing with {fails}");
            }
        }
        else if (block.FirstContentLine == "format: slaengine-mapping/v1")
        {
            fails.Should().BeNull("only policies are shown failing");
            var result = SlaEngine.Ingestion.MappingLoader.Load(block.Text, PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath), name);
            result.Diagnostics.Should().BeEmpty($"the mapping at {name} loads against the reference policy");
        }
        else if (block.FirstContentLine.StartsWith("tests:", StringComparison.Ordinal))
        {
            fails.Should().BeNull("only policies are shown failing");
            var suite = PolicyTestSuite.Parse(block.Text, name, Path.GetTempPath());
            suite.Diagnostics.Where(d => d.IsError).Should().BeEmpty($"the test suite at {name} parses");
        }
        else
        {
            fails.Should().BeNull("only policies are shown failing");
            var act = () => new YamlStream().Load(new StringReader(block.Text));
            act.Should().NotThrow($"the YAML at {name} is well-formed");
        }
    }

    [Fact]
    public void A_test_suite_shown_beside_its_policy_passes_against_it()
    {
        var checkedSuites = 0;
        foreach (var page in MarkdownBlock.DocumentFiles())
        {
            var yaml = MarkdownBlock.Read(page).Where(b => b.Language == "yaml" && b.Marker is null).ToList();
            var policies = yaml.Where(b => b.FirstContentLine == PolicyFormatLine)
                .Select(b => (Block: b, Id: TopLevelValue(b.Text, "policy")))
                .Where(p => p.Id is not null)
                .ToList();
            foreach (var suite in yaml.Where(b => b.FirstContentLine.StartsWith("tests:", StringComparison.Ordinal)))
            {
                var policyFile = TopLevelValue(suite.Text, "policy");
                var policy = policies.FirstOrDefault(p => p.Id + ".yaml" == policyFile);
                if (policy.Block is null)
                {
                    continue;
                }

                var dir = Directory.CreateTempSubdirectory("slaengine-docs-").FullName;
                try
                {
                    File.WriteAllText(Path.Combine(dir, policyFile!), policy.Block.Text);
                    var suitePath = Path.Combine(dir, "shown.tests.yaml");
                    File.WriteAllText(suitePath, suite.Text);
                    var report = new PolicyTestRunner().Run([suitePath]);
                    var failures = report.Results.Where(r => !r.Passed).Select(r =>
                    {
                        using var text = new StringWriter();
                        TestReportWriter.WriteFailure(r, text);
                        return text.ToString();
                    });
                    report.FailedCount.Should().Be(0, $"the cases shown at {suite} hold for the policy shown at {policy.Block}:\n{string.Join("\n", failures)}");
                    report.PassedCount.Should().BePositive();
                    checkedSuites++;
                }
                finally
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }

        checkedSuites.Should().BePositive("the README shows a policy and a suite that tests it");
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void A_csharp_snippet_is_the_code_of_a_sample_that_builds(string file, int line)
    {
        var block = Block(file, line);
        var name = block.Marker!["snippet:".Length..].Trim();
        var samples = SampleSnippets();

        samples.Should().ContainKey(name, $"the snippet at {block} is marked '{name}' and a sample holds '// <snippet:{name}>' … '// </snippet:{name}>'");
        Dedent(block.Text).Should().Be(samples[name], $"the snippet at {block} is the sample's code verbatim (copy it from the sample after editing the sample)");
    }

    [Fact]
    public void The_readme_shows_evaluating_dependency_injection_tracking_and_policy_tests_from_the_samples()
    {
        var names = MarkdownBlock.Read("README.md").Select(b => b.Marker).OfType<string>()
            .Where(m => m.StartsWith("snippet:", StringComparison.Ordinal)).Select(m => m["snippet:".Length..].Trim());

        names.Should().Contain(["evaluate", "di", "track", "xunit"]);
        MarkdownBlock.Read("README.md").Where(b => b.Language == "csharp").Should()
            .OnlyContain(b => b.Marker != null && b.Marker.StartsWith("snippet:", StringComparison.Ordinal), "every C# block of the README comes from a sample that builds");
    }

    [Fact]
    public void Every_diagnostic_code_is_documented_in_the_policy_format_page()
    {
        var page = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "docs", "policy-format.md"));
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => ((string)f.GetRawConstantValue()!, f.Name)).ToList();

        codes.Should().NotBeEmpty();
        codes.Where(c => !page.Contains($"| {c.Item1} |", StringComparison.Ordinal) || !page.Contains($"`{c.Name}`", StringComparison.Ordinal))
            .Should().BeEmpty("every code has a row in the table of docs/policy-format.md");
    }

    [Fact]
    public void Every_failing_example_names_a_real_code()
    {
        var codes = typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();
        var shown = MarkdownBlock.All().Where(b => b.Marker?.StartsWith("fails:", StringComparison.Ordinal) == true).ToList();

        shown.Should().NotBeEmpty();
        shown.Select(b => b.Marker!["fails:".Length..].Trim()).Should().OnlyContain(code => codes.Contains(code));
    }

    private static MarkdownBlock Block(string file, int line) => MarkdownBlock.Read(file).Single(b => b.Line == line);

    private static string? TopLevelValue(string yaml, string key)
    {
        var match = Regex.Match(yaml, $@"^{key}:\s*(\S+)", RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>The marked regions of the samples' C# files, by name, without their common indentation.</summary>
    private static Dictionary<string, string> SampleSnippets()
    {
        var snippets = new Dictionary<string, string>(StringComparer.Ordinal);
        var samples = Path.Combine(TestFiles.RepositoryRoot, "samples");
        foreach (var path in Directory.EnumerateFiles(samples, "*.cs", SearchOption.AllDirectories)
                     .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                              && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
            foreach (Match m in SnippetRegion().Matches(text))
            {
                snippets.Add(m.Groups["name"].Value, Dedent(m.Groups["body"].Value + "\n"));
            }
        }

        return snippets;
    }

    private static string Dedent(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"^[ \t]*// <snippet:(?<name>[\w-]+)>\n(?<body>.*?)\n[ \t]*// </snippet:\k<name>>", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex SnippetRegion();
}
