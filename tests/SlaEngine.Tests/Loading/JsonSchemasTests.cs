using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using FluentAssertions;
using NJsonSchema;
using SlaEngine.Diagnostics;
using SlaEngine.Yaml;
using SlaEngine.Loading;
using Xunit;

namespace SlaEngine.Tests.Loading;

public sealed class JsonSchemasTests
{
    private static JsonSchema Policy => JsonSchema.FromJsonAsync(JsonSchemas.PolicyFile).GetAwaiter().GetResult();

    private static JsonSchema Mappings => JsonSchema.FromJsonAsync(JsonSchemas.MappingFile).GetAwaiter().GetResult();

    private static JsonSchema Tests => JsonSchema.FromJsonAsync(JsonSchemas.TestFile).GetAwaiter().GetResult();

    /// <summary>Reads YAML as a YAML language server would see it: plain scalars typed, everything else text.</summary>
    private static string YamlToJson(string yaml)
    {
        var root = YamlTreeReader.Read(yaml, "f.yaml", new DiagnosticBag());
        return ToNode(root!)!.ToJsonString();
    }

    private static JsonNode? ToNode(YamlNode node) => node switch
    {
        YamlMapping m => new JsonObject(m.Entries.Select(e => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(e.Key.Value, ToNode(e.Value)))),
        YamlSequence s => new JsonArray(s.Items.Select(ToNode).ToArray()),
        YamlScalar { IsNull: true } => null,
        YamlScalar { IsPlain: true, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        YamlScalar { IsPlain: true } n when long.TryParse(n.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        YamlScalar s => JsonValue.Create(s.Value),
        _ => null,
    };

    [Fact]
    public void The_reference_policy_is_valid_against_the_policy_schema()
    {
        var json = YamlToJson(File.ReadAllText(TestFiles.ReferencePolicyPath));

        Policy.Validate(json).Select(e => e.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void The_lifecycle_sample_and_its_suite_are_valid_against_the_schemas()
    {
        var folder = Path.Combine(TestFiles.RepositoryRoot, "samples", "policies");

        Policy.Validate(YamlToJson(File.ReadAllText(Path.Combine(folder, "it-operations.yaml")))).Select(e => e.ToString()).Should().BeEmpty();
        Tests.Validate(YamlToJson(File.ReadAllText(Path.Combine(folder, "it-operations.tests.yaml")))).Select(e => e.ToString()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("notice: none")]
    [InlineData("targets: { resolve: none }")]
    [InlineData("notice: { to: [ops], before: scheduledStart, atLeast: 2bd, unless: emergency }")]
    public void A_waiver_is_valid_against_the_policy_schema(string facet)
    {
        var yaml = "format: slaengine/v1\npolicy: p\nrules:\n  - id: r\n    " + facet + "\n";

        Policy.Validate(YamlToJson(yaml)).Select(e => e.ToString()).Should().BeEmpty();
    }

    [Fact]
    public void The_acceptance_suite_is_valid_against_the_test_file_schema()
    {
        var json = YamlToJson(File.ReadAllText(Path.Combine(TestFiles.SharedAcceptance, "contact-center.tests.yaml")));

        Tests.Validate(json).Select(e => e.ToString()).Should().BeEmpty();
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
        Policy.Validate(YamlToJson(HolidayRules)).Select(e => e.ToString()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("{ easter: 1, church: orthodox }", "{ easter: 200 }")]
    [InlineData("{ easter: 1, church: orthodox }", "{ easter: 1, observed: next-weekday }")]
    [InlineData("2026-07-03", "{ date: 2026-07-03, from: 2020 }")]
    [InlineData("{ set: uk, observed: next-weekday }", "{ set: uk, observed: monday }")]
    public void A_holiday_the_loader_refuses_is_flagged_by_the_schema(string valid, string invalid)
    {
        var yaml = HolidayRules.Replace(valid, invalid, System.StringComparison.Ordinal);

        PolicyLoader.Load(yaml, "p.yaml").Errors.Should().NotBeEmpty();
        Policy.Validate(YamlToJson(yaml)).Should().NotBeEmpty();
    }

    [Fact]
    public void A_misspelt_rule_key_is_flagged_by_the_schema_as_the_loader_flags_it()
    {
        var yaml = File.ReadAllText(TestFiles.ReferencePolicyPath).Replace("    owner: cc-ops\n", "    ownr: cc-ops\n", System.StringComparison.Ordinal);

        Policy.Validate(YamlToJson(yaml)).Select(e => e.ToString()).Should().Contain(e => e.Contains("NoAdditionalPropertiesAllowed: #/rules[2].ownr", System.StringComparison.Ordinal));
    }

    [Fact]
    public void Both_schemas_are_draft_2020_12_with_descriptions()
    {
        JsonNode.Parse(JsonSchemas.PolicyFile)!["$schema"]!.GetValue<string>().Should().Contain("2020-12");
        JsonNode.Parse(JsonSchemas.TestFile)!["$schema"]!.GetValue<string>().Should().Contain("2020-12");
        Policy.Properties["rules"].Description.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void The_sample_mappings_are_valid_against_the_mapping_schema_and_a_misspelt_key_is_flagged()
    {
        var schema = Mappings;
        var files = Directory.GetFiles(Path.Combine(TestFiles.RepositoryRoot, "samples", "mappings"), "*.mapping.yaml");

        files.Should().HaveCount(5);
        foreach (var file in files)
        {
            schema.Validate(YamlToJson(File.ReadAllText(file))).Select(e => e.ToString()).Should().BeEmpty(file);
        }

        var misspelt = File.ReadAllText(files[0]).Replace("ticket:", "tickte:", System.StringComparison.Ordinal);
        schema.Validate(YamlToJson(misspelt)).Select(e => e.ToString()).Should().Contain(e => e.Contains("tickte", System.StringComparison.Ordinal));
    }
}
