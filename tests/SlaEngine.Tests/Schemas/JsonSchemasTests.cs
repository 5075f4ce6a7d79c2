using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using FluentAssertions;
using NJsonSchema;
using SlaEngine.Diagnostics;
using SlaEngine.Loading.Yaml;
using SlaEngine.Schemas;
using Xunit;

namespace SlaEngine.Tests.Schemas;

public sealed class JsonSchemasTests
{
    private static JsonSchema Policy => JsonSchema.FromJsonAsync(JsonSchemas.PolicyFile).GetAwaiter().GetResult();

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

    [SharedFact]
    public void The_acceptance_suite_is_valid_against_the_test_file_schema()
    {
        var json = YamlToJson(File.ReadAllText(Path.Combine(TestFiles.SharedAcceptance, "contact-center.tests.yaml")));

        Tests.Validate(json).Select(e => e.ToString()).Should().BeEmpty();
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
}
