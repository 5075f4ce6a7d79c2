using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using FluentAssertions;
using SlaEngine.Ingestion;
using Xunit;

namespace SlaEngine.Tests.Ingestion;

/// <summary>
/// Mapping bytes reads them in one pass without a document; mapping a parsed element resolves each pointer on the
/// document. Both must judge every payload the same.
/// </summary>
public sealed class PayloadScannerTests
{
    private static readonly Policy Reference = PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath);

    private static readonly PayloadMapping Jira = MappingLoader.LoadFile(
        Path.Combine(TestFiles.RepositoryRoot, "samples", "mappings", "jira-service-management.mapping.yaml"), Reference).Mapping!;

    private static readonly PayloadMapping Indexed = MappingLoader.Load("""
        format: slaengine-mapping/v1
        mapping: indexed
        ticket: /items/0/key
        at: { from: /items/1/0, format: epoch-s }
        fields:
          tags: /items
          summary: /a~1b/~0
          affectedAgents: /n
        """, Reference).Mapping!;

    private static string Describe(MappingResult result) =>
        result.Outcome + "|" + result.IgnoredBecause + "|" +
        (result.Entry is { } e ? $"{e.Ticket}|{e.At}|{e.Id}|{string.Join(";", e.Set.Select(p => p.Key + "=" + (p.Value is System.Collections.Immutable.ImmutableArray<string> l ? string.Join(",", l) : p.Value)))}" : string.Empty) + "|" +
        string.Join(";", result.Errors.Where(x => x.Code != SlaEngine.Diagnostics.DiagnosticCodes.MalformedPayload).Select(x => x.Code + x.Field + x.Message)) + "|" +
        string.Join(";", result.Notes.Select(x => x.Message));

    private static MappingResult ByDocument(PayloadMapping mapping, byte[] bytes)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = PayloadMapping.MaxPayloadDepth });
            return mapping.Map(document.RootElement);
        }
        catch (JsonException)
        {
            return mapping.Map("{ malformed");
        }
    }

    [Fact]
    public void The_sample_payloads_map_the_same_from_bytes_and_from_a_document()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(TestFiles.RepositoryRoot, "samples", "mappings", "jira-service-management"), "*.json"))
        {
            var bytes = File.ReadAllBytes(file);
            Describe(Jira.Map(bytes)).Should().Be(Describe(ByDocument(Jira, bytes)), file);
        }
    }

    [Fact]
    public void Random_variations_of_a_jira_payload_map_the_same_from_bytes_and_from_a_document()
    {
        var sample = File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, "samples", "mappings", "jira-service-management", "04-priority-raised.json"));
        string[] paths = ["webhookEvent", "timestamp", "changelog/id", "issue/key", "issue/fields/priority/name", "issue/fields/status/name",
            "issue/fields/labels", "issue/fields/customfield_10201/value", "issue/fields/customfield_10203", "issue/fields/summary", "issue/fields"];
        var values = Gen.OneOf<JsonNode?>(
            Gen.Const<JsonNode?>(default(JsonNode)), Gen.Int.Select(i => (JsonNode?)JsonValue.Create(i)), Gen.Double[-1e15, 1e15].Select(d => (JsonNode?)JsonValue.Create(d)),
            Gen.OneOf<string>("High", "Highest", "Bogus", "", "In Progress", "jira:issue_updated", "1794925200000", "Telephony platform").Select(t => (JsonNode?)JsonValue.Create(t)),
            Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)), Gen.Const<JsonNode?>(new JsonArray("a", 1)), Gen.Const<JsonNode?>(new JsonObject { ["x"] = 1 }));

        Gen.Select(Gen.Int[0, paths.Length - 1], values, Gen.Int[0, paths.Length - 1], values).Sample((p1, v1, p2, v2) =>
        {
            var node = JsonNode.Parse(sample)!;
            Set(node, paths[p1], v1);
            Set(node, paths[p2], v2);
            var bytes = Encoding.UTF8.GetBytes(node.ToJsonString());
            return Describe(Jira.Map(bytes)) == Describe(ByDocument(Jira, bytes));
        }, iter: 300);
    }

    private static void Set(JsonNode root, string path, JsonNode? value)
    {
        var parts = path.Split('/');
        var parent = root;
        foreach (var part in parts[..^1])
        {
            if (parent[part] is not JsonObject next)
            {
                return;
            }

            parent = next;
        }

        parent[parts[^1]] = value?.DeepClone();
    }

    [Theory]
    [InlineData("""{ "items": [ { "key": "T-1" }, [1795514400] ], "a/b": { "~": "s" }, "n": 3 }""")]
    [InlineData("""{ "items": [ "x", [1795514400] ], "a/b": { "~": 1 }, "n": "3" }""")]
    [InlineData("""{ "items": { "0": { "key": "T-2" }, "1": { "0": 5 } }, "n": 3.5 }""")]
    [InlineData("""{ "items": [ { "key": 7 } ], "n": 1, "n": 2, "a\u002Fb": { "\u007E": "escaped names" } }""")]
    [InlineData("""{ "items": [] }""")]
    [InlineData("""[ "not", "an", "object" ]""")]
    [InlineData("""{ "items": [ { "key": "T" } ] } trailing""")]
    [InlineData("""{ "items": [ { "key": "T" }, [1] ], "n": [[[[]]]] }""")]
    public void Indexes_escapes_repeated_keys_and_malformed_payloads_are_judged_the_same_both_ways(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Describe(Indexed.Map(bytes)).Should().Be(Describe(ByDocument(Indexed, bytes)));
    }
}
