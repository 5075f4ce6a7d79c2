using System;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using SlaEngine.Ingestion;

namespace SlaEngine.Benchmarks;

/// <summary>
/// Mapping a Jira Service Management webhook to a timeline entry with the sample mapping: the sample
/// <c>jira:issue_updated</c> payload grown to 10 KB with the empty custom fields and the user and project objects a
/// real Jira instance sends, as the UTF-8 bytes of a request body.
/// </summary>
[MemoryDiagnoser]
public class MappingBenchmarks
{
    private PayloadMapping _mapping = null!;
    private ReadOnlyMemory<byte> _payload;

    /// <summary>The size of the payload mapped, in bytes.</summary>
    public int PayloadBytes => _payload.Length;

    /// <summary>Loads the policy and the mapping, and grows the payload to 10 KB.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var policy = PolicyLoader.LoadFileOrThrow(Path.Combine(AppContext.BaseDirectory, "policies", "contact-center.yaml"));
        _mapping = MappingLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "mappings", "jira-service-management.mapping.yaml"), policy).Mapping
            ?? throw new InvalidOperationException("The sample Jira mapping does not load.");
        _payload = JiraPayload(10 * 1024);
        if (!_mapping.Map(_payload).IsMapped)
        {
            throw new InvalidOperationException("The benchmark payload does not map.");
        }
    }

    /// <summary>The sample update payload padded to at least <paramref name="bytes"/> with fields Jira sends empty.</summary>
    internal static ReadOnlyMemory<byte> JiraPayload(int bytes)
    {
        var payload = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "mappings", "jira-service-management", "04-priority-raised.json")))!;
        var fields = payload["issue"]!["fields"]!.AsObject();
        for (var id = 10300; Encoding.UTF8.GetByteCount(payload.ToJsonString()) < bytes; id++)
        {
            fields[$"customfield_{id}"] = id % 3 == 0
                ? new JsonObject { ["self"] = $"https://contact-center.atlassian.net/rest/api/2/customFieldOption/{id}", ["value"] = "Option " + id, ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : null;
        }

        return Encoding.UTF8.GetBytes(payload.ToJsonString());
    }

    /// <summary>The floor: parsing the same bytes into a <see cref="System.Text.Json.JsonDocument"/> and nothing else.</summary>
    /// <returns>The number of properties of the root, so that the parse is not optimised away.</returns>
    [Benchmark(Baseline = true)]
    public int Parse_only_10KB()
    {
        using var document = System.Text.Json.JsonDocument.Parse(_payload);
        return document.RootElement.GetPropertyCount();
    }

    /// <summary>Maps the 10 KB payload: parse, accept, pointers, value maps, the entry.</summary>
    [Benchmark]
    public MappingResult Map_10KB_Jira_payload() => _mapping.Map(_payload);
}
