using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NodaTime;
using SlaEngine.Samples.SlaService;

namespace SlaEngine.Benchmarks;

/// <summary>
/// The reference SLA service's throughput on loopback: 8 clients POST Zendesk ticket events (20 per ticket) to the
/// service running in process on Kestrel with its SQLite file (WAL) in a temp folder; each invocation sends 400
/// webhooks, so the mean per operation is the service's time per webhook under that concurrency.
/// </summary>
public class SlaServiceBenchmarks
{
    private const int Clients = 8;
    private const int WebhooksPerInvocation = 400;

    private string _folder = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private int _batch;

    /// <summary>Starts the service on loopback in a temp folder.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("slaservice-bench-").FullName;
        var mappings = Path.Combine(_folder, "mappings");
        Directory.CreateDirectory(mappings);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "mappings", "zendesk.mapping.yaml"), Path.Combine(mappings, "zendesk.mapping.yaml"));
        _app = SlaServiceApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SlaService:DatabasePath"] = Path.Combine(_folder, "sla.db"),
                ["SlaService:PolicyPath"] = Path.Combine(AppContext.BaseDirectory, "policies", "contact-center.yaml"),
                ["SlaService:MappingsFolder"] = mappings,
                ["SlaService:NotificationUrl"] = "http://127.0.0.1:9/escalations",
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
        });
        _app.StartAsync().GetAwaiter().GetResult();
        _client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    /// <summary>Stops the service and removes its folder.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>400 webhooks (20 tickets × 20 events) from 8 concurrent clients; every answer must be 200.</summary>
    /// <returns>The number of webhooks answered 200.</returns>
    [Benchmark(OperationsPerInvoke = WebhooksPerInvocation)]
    public async Task<int> Post_webhooks_8_clients()
    {
        var batch = _batch++;
        var payloads = new System.Collections.Concurrent.ConcurrentQueue<byte[]>(
            Enumerable.Range(0, WebhooksPerInvocation).Select(i => ZendeskEvent(batch, i / 20, i % 20)));
        var ok = 0;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            while (payloads.TryDequeue(out var payload))
            {
                using var content = new ByteArrayContent(payload);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await _client.PostAsync(new Uri("/webhooks/zendesk", UriKind.Relative), content).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
                }

                System.Threading.Interlocked.Increment(ref ok);
            }
        }))).ConfigureAwait(false);
        return ok;
    }

    private static byte[] ZendeskEvent(int batch, int ticket, int change)
    {
        string[] statuses = ["NEW", "OPEN", "PENDING", "OPEN", "HOLD", "OPEN"];
        var at = Instant.FromUtc(2026, 11, 16, 13, 0) + Duration.FromMinutes((ticket * 3) + (change * 41));
        var payload = new JsonObject
        {
            ["type"] = change == 0 ? "zen:event-type:ticket.created" : "zen:event-type:ticket.status_changed",
            ["id"] = $"evt-{batch}-{ticket}-{change}",
            ["time"] = NodaTime.Text.InstantPattern.ExtendedIso.Format(at),
            ["detail"] = new JsonObject
            {
                ["id"] = $"{batch}-{ticket}",
                ["group_id"] = "360011001",
                ["priority"] = "NORMAL",
                ["status"] = statuses[change % statuses.Length],
                ["subject"] = "Benchmark ticket",
                ["tags"] = new JsonArray("bench"),
            },
        };
        return Encoding.UTF8.GetBytes(payload.ToJsonString());
    }
}
