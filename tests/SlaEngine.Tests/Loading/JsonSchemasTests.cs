using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using FluentAssertions;
using Json.Schema;
using SlaEngine.Diagnostics;
using SlaEngine.Yaml;
using SlaEngine.Loading;
using SlaEngine.Testing;
using SlaEngine.Tests.Docs;
using Xunit;

namespace SlaEngine.Tests.Loading;

/// <summary>
/// The JSON Schemas an editor checks policy and test files with agree with the loader: every file the loader accepts
/// (in the repository, in the docs and in the shared acceptance cases) is valid, and a misspelt key that the loader
/// refuses is refused by the schema too. Validated with a full draft 2020-12 validator (JsonSchema.Net).
/// </summary>
public sealed class JsonSchemasTests
{
    private static readonly JsonSchema Policy = JsonSchema.FromText(JsonSchemas.PolicyFile);

    private static readonly JsonSchema Tests = JsonSchema.FromText(JsonSchemas.TestFile);

    private static readonly JsonSchema Mappings = JsonSchema.FromText(JsonSchemas.MappingFile);

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private static readonly EvaluationOptions FlagOnly = new() { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };

    private static string SamplePolicies => Path.Combine(TestFiles.RepositoryRoot, "samples", "policies");

    private static string Fixtures => Path.Combine(TestFiles.RepositoryRoot, "tests", "SlaEngine.Tests", "Testing", "Fixtures");

    public static TheoryData<string> RepositoryFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in PolicyFileChecker.FindFiles([SamplePolicies, Fixtures]))
        {
            data.Add(Path.GetRelativePath(TestFiles.RepositoryRoot, file).Replace('\\', '/'));
        }

        return data;
    }

    public static TheoryData<string> SharedFiles()
    {
        var data = new TheoryData<string>();
        var shared = Path.GetDirectoryName(TestFiles.SharedAcceptance)!;
        foreach (var file in PolicyFileChecker.FindFiles([shared]))
        {
            // The broken policies are refused by design; a file of a format version the loader does not read yet is
            // left out too: the schema follows the loader, not ahead of it.
            var relative = Path.GetRelativePath(shared, file).Replace('\\', '/');
            if (!relative.Contains("bad-policies/", StringComparison.Ordinal) && LoaderAccepts(file))
            {
                data.Add(relative);
            }
        }

        return data;
    }

    public static TheoryData<string, int> DocsBlocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var block in MarkdownBlock.All().Where(b => b.Language == "yaml" && b.Marker is null))
        {
            if (block.FirstContentLine == "format: slaengine/v1" || block.FirstContentLine.StartsWith("tests:", StringComparison.Ordinal))
            {
                data.Add(block.File, block.Line);
            }
        }

        return data;
    }

    [Fact]
    public void Both_schemas_are_valid_draft_2020_12_schemas_with_descriptions()
    {
        foreach (var text in new[] { JsonSchemas.PolicyFile, JsonSchemas.TestFile, JsonSchemas.MappingFile })
        {
            var node = JsonNode.Parse(text)!;
            node["$schema"]!.GetValue<string>().Should().Be("https://json-schema.org/draft/2020-12/schema");
            node["definitions"].Should().BeNull("draft 2020-12 keeps reusable schemas under $defs");
            Errors(MetaSchemas.Draft202012, node).Should().BeEmpty();
            node["description"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        }

        JsonNode.Parse(JsonSchemas.PolicyFile)!["properties"]!["rules"]!["description"]!.GetValue<string>().Should().NotBeNullOrEmpty();
    }

    [Theory]
    [MemberData(nameof(RepositoryFiles))]
    public void A_file_of_the_repository_that_loads_is_valid_against_its_schema(string relativePath)
    {
        var path = Path.Combine(TestFiles.RepositoryRoot, relativePath);

        ShouldLoadAndValidate(path);
    }

    [SharedTheory]
    [MemberData(nameof(SharedFiles))]
    public void A_shared_file_the_loader_accepts_is_valid_against_its_schema(string relativePath)
    {
        var path = Path.Combine(Path.GetDirectoryName(TestFiles.SharedAcceptance)!, relativePath);

        Errors(SchemaFor(path), ToJson(File.ReadAllText(path))).Should().BeEmpty($"the loader accepts {relativePath}");
    }

    [SharedFact]
    public void The_shared_reference_policy_suite_and_minimal_policy_load_and_validate()
    {
        var shared = Path.GetDirectoryName(TestFiles.SharedAcceptance)!;
        foreach (var relative in new[] { "acceptance/good-minimal.yaml", "acceptance/contact-center.tests.yaml", "examples/contact-center.yaml" })
        {
            ShouldLoadAndValidate(Path.Combine(shared, relative));
        }
    }

    [Theory]
    [MemberData(nameof(DocsBlocks))]
    public void A_policy_or_suite_shown_in_the_docs_is_valid_against_its_schema(string file, int line)
    {
        var block = MarkdownBlock.All().Single(b => b.File == file && b.Line == line);
        var schema = block.FirstContentLine.StartsWith("tests:", StringComparison.Ordinal) ? Tests : Policy;

        Errors(schema, ToJson(block.Text)).Should().BeEmpty($"the docs show {block} as valid");
    }

    [Theory]
    [InlineData("notice: none")]
    [InlineData("targets: { resolve: none }")]
    [InlineData("notice: { to: [ops], before: scheduledStart, atLeast: 2bd, unless: emergency }")]
    public void A_waiver_is_valid_against_the_policy_schema(string facet)
    {
        var yaml = "format: slaengine/v1\npolicy: p\nrules:\n  - id: r\n    " + facet + "\n";

        Errors(Policy, ToJson(yaml)).Should().BeEmpty();
    }

    [Fact]
    public void A_clock_expected_to_have_no_status_is_valid_as_the_runner_reads_it()
    {
        var suite = "tests: t\npolicy: p.yaml\ncases:\n  - name: no respond clock\n    timeline:\n      - at: \"2026-11-24T10:00:00Z\"\n    at: \"2026-11-24T11:00:00Z\"\n    expect:\n      clocks: { respond: null, resolve: { state: running } }\n";

        Errors(Tests, ToJson(suite)).Should().BeEmpty();
    }

    [Fact]
    public void Every_misspelt_key_the_loader_refuses_in_the_sample_policies_and_suites_is_refused_by_the_schema()
    {
        var checkedKeys = 0;
        var missed = new List<string>();
        var tried = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in PolicyFileChecker.FindFiles([SamplePolicies, Fixtures]))
        {
            var text = File.ReadAllText(file);
            var isSuite = PolicyFileChecker.IsTestSuite(file);
            foreach (var (key, path) in Keys(text))
            {
                // One typo per key and the key above its parent ("teams.*.name", "rules[].owner"), not per occurrence;
                // the loader is the judge of which keys are keys of the format and which are names (a team, a clock).
                var parts = path.Split('.');
                if (!tried.Add((isSuite ? "suite:" : "policy:") + (parts.Length > 2 ? parts[^3] : string.Empty) + ".*." + parts[^1]))
                {
                    continue;
                }

                // "owner" becomes "ownerr": a typo the loader must name as an unknown key where it stands.
                var mutated = text.Insert(key.StartIndex + key.Value.Length, key.Value[^1..]);
                var at = $"{key.Location.Line}:{key.Location.Column}";
                var loaderRefuses = LoaderDiagnostics(mutated, file, isSuite, lint: false)
                    .Any(d => d.Code == DiagnosticCodes.UnknownKey && $"{d.Location.Line}:{d.Location.Column}" == at);
                if (!loaderRefuses)
                {
                    continue;
                }

                checkedKeys++;
                if ((isSuite ? Tests : Policy).Evaluate(ToJson(mutated), FlagOnly).IsValid)
                {
                    missed.Add($"{Path.GetFileName(file)}:{at} '{key.Value}' ({path})");
                }
            }
        }

        missed.Should().BeEmpty("the schema refuses every misspelt key the loader refuses");
        checkedKeys.Should().BeGreaterThan(60, "nearly every key of both formats appears in the samples");
    }

    [Theory]
    [InlineData("    owner: cc-ops\n", "    ownr: cc-ops\n", "/rules/2/ownr")]
    [InlineData("      resolve: { within: 2bd }\n", "      resolve: { withn: 2bd }\n", "/rules/2/targets/resolve/withn")]
    [InlineData("format: slaengine/v1\n", "format: slaengine/v1\nformats: x\n", "/formats")]
    public void A_misspelt_key_of_the_reference_policy_is_refused_where_it_stands(string original, string typo, string location)
    {
        var yaml = File.ReadAllText(TestFiles.ReferencePolicyPath);
        yaml.Should().Contain(original);

        var errors = Errors(Policy, ToJson(yaml.Replace(original, typo, StringComparison.Ordinal)));

        errors.Should().Contain(e => e.StartsWith(location + ": ", StringComparison.Ordinal), "the error is at {0}", location);
    }

    private const string HolidayRules = """
        format: slaengine/v1
        policy: p
        holidaySets:
          uk:
            - { yearly: "12-25", name: Christmas Day }
            - { easter: -2, name: Good Friday, from: 2020 }
        calendars:
          c:
            zone: Europe/London
            hours: { mon-fri: "08:00-18:00" }
            holidays:
              - { set: uk, observed: next-weekday }
              - { yearly: "05/mon>=18", name: Victoria Day }
              - { easter: 1, church: orthodox }
              - { yearly: "06-19", from: 2021, until: 2030, observed: nearest-weekday }
              - 2026-07-03
        """;

    [Fact]
    public void Holiday_rules_and_holiday_sets_are_valid_against_the_policy_schema()
    {
        PolicyLoader.Load(HolidayRules, "p.yaml").Errors.Should().BeEmpty();
        Errors(Policy, ToJson(HolidayRules)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("{ easter: 1, church: orthodox }", "{ easter: 200 }")]
    [InlineData("{ easter: 1, church: orthodox }", "{ easter: 1, observed: next-weekday }")]
    [InlineData("2026-07-03", "{ date: 2026-07-03, from: 2020 }")]
    [InlineData("{ set: uk, observed: next-weekday }", "{ set: uk, observed: monday }")]
    public void A_holiday_the_loader_refuses_is_flagged_by_the_schema(string valid, string invalid)
    {
        var yaml = HolidayRules.Replace(valid, invalid, StringComparison.Ordinal);

        PolicyLoader.Load(yaml, "p.yaml").Errors.Should().NotBeEmpty();
        Errors(Policy, ToJson(yaml)).Should().NotBeEmpty();
    }

    [Fact]
    public void The_sample_mappings_are_valid_against_the_mapping_schema_and_a_misspelt_key_is_flagged()
    {
        var files = Directory.GetFiles(Path.Combine(TestFiles.RepositoryRoot, "samples", "mappings"), "*.mapping.yaml");

        files.Should().HaveCount(5);
        foreach (var file in files)
        {
            Errors(Mappings, ToJson(File.ReadAllText(file))).Should().BeEmpty(file);
        }

        var misspelt = File.ReadAllText(files[0]).Replace("ticket:", "tickte:", StringComparison.Ordinal);
        Errors(Mappings, ToJson(misspelt)).Should().Contain(e => e.Contains("tickte", StringComparison.Ordinal));
    }

    [Fact]
    public void A_misspelt_key_of_a_suite_is_refused()
    {
        var suite = File.ReadAllText(Path.Combine(SamplePolicies, "service-desk.tests.yaml"));

        Errors(Tests, ToJson(suite.Replace("    expect:\n", "    expected:\n", StringComparison.Ordinal))).Should().NotBeEmpty();
        Errors(Tests, ToJson(suite.Replace("      owner: ", "      ownr: ", StringComparison.Ordinal))).Should().NotBeEmpty();
    }

    private static void ShouldLoadAndValidate(string path)
    {
        var diagnostics = LoaderDiagnostics(File.ReadAllText(path), path, PolicyFileChecker.IsTestSuite(path));
        diagnostics.Where(d => d.IsError).Should().BeEmpty($"{path} loads");

        Errors(SchemaFor(path), ToJson(File.ReadAllText(path))).Should().BeEmpty($"the loader accepts {path}");
    }

    private static bool LoaderAccepts(string path) =>
        !LoaderDiagnostics(File.ReadAllText(path), path, PolicyFileChecker.IsTestSuite(path)).Any(d => d.IsError);

    private static IEnumerable<Diagnostic> LoaderDiagnostics(string text, string path, bool isSuite, bool lint = true) =>
        isSuite
            ? PolicyTestSuite.Parse(text, path, Path.GetDirectoryName(path)!).Diagnostics
            : PolicyLoader.Load(text, path, new PolicyLoadOptions { Lint = lint }).Diagnostics;

    private static JsonSchema SchemaFor(string path) => PolicyFileChecker.IsTestSuite(path) ? Tests : Policy;

    /// <summary>Every schema error as "instance location: message", empty when the instance is valid.</summary>
    private static List<string> Errors(JsonSchema schema, JsonNode? instance)
    {
        var result = schema.Evaluate(instance, Options);
        return result.IsValid
            ? []
            : [.. result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }

    /// <summary>The plain mapping keys of a YAML text, each with its path (list indices left out: <c>rules[].owner</c>).</summary>
    private static IEnumerable<(YamlScalar Key, string Path)> Keys(string text)
    {
        var root = YamlTreeReader.Read(text, "f.yaml", new DiagnosticBag());
        var pending = new Stack<(YamlNode Node, string Path)>();
        if (root is not null)
        {
            pending.Push((root, string.Empty));
        }

        while (pending.Count > 0)
        {
            var (node, path) = pending.Pop();
            switch (node)
            {
                case YamlMapping m:
                    foreach (var (key, value) in m.Entries)
                    {
                        var keyPath = path + "." + key.Value;
                        if (key.IsPlain && text.AsSpan(key.StartIndex).StartsWith(key.Value, StringComparison.Ordinal))
                        {
                            yield return (key, keyPath);
                        }

                        pending.Push((value, keyPath));
                    }

                    break;
                case YamlSequence s:
                    foreach (var item in s.Items)
                    {
                        pending.Push((item, path + "[]"));
                    }

                    break;
            }
        }
    }

    /// <summary>Reads YAML as a YAML language server does (YAML 1.2 core schema): plain scalars typed, everything else text.</summary>
    private static JsonNode? ToJson(string yaml)
    {
        var root = YamlTreeReader.Read(yaml, "f.yaml", new DiagnosticBag());
        return root is null ? null : ToNode(root);
    }

    private static JsonNode? ToNode(YamlNode node) => node switch
    {
        YamlMapping m => new JsonObject(m.Entries.Select(e => new KeyValuePair<string, JsonNode?>(e.Key.Value, ToNode(e.Value)))),
        YamlSequence s => new JsonArray([.. s.Items.Select(ToNode)]),
        YamlScalar { IsNull: true } => null,
        YamlScalar { IsPlain: true, Value: "true" or "True" or "TRUE" } => JsonValue.Create(true),
        YamlScalar { IsPlain: true, Value: "false" or "False" or "FALSE" } => JsonValue.Create(false),
        YamlScalar { IsPlain: true } n when long.TryParse(n.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        YamlScalar { IsPlain: true } n when IsFloat(n.Value) => JsonValue.Create(double.Parse(n.Value, NumberStyles.Float, CultureInfo.InvariantCulture)),
        YamlScalar s => JsonValue.Create(s.Value),
        _ => null,
    };

    private static bool IsFloat(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
}
