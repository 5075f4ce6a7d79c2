using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using SlaEngine.DependencyInjection;

namespace SlaEngine.Samples.SlaService.Tests;

/// <summary>
/// The service running in process on Kestrel over loopback, in its own folder (a copy of the reference policy and the
/// sample mappings, and the SQLite file), on a fake time source that the test moves. Stopping and starting it again
/// keeps the folder: the database outlives the process as it would a restart.
/// </summary>
internal sealed class RunningService : IAsyncDisposable
{
    private readonly string _folder;
    private WebApplication? _app;

    private RunningService(string folder, FakeTimeProvider time, NotificationSink sink)
    {
        _folder = folder;
        Time = time;
        Sink = sink;
    }

    public FakeTimeProvider Time { get; }

    public NotificationSink Sink { get; }

    public HttpClient Client { get; private set; } = null!;

    public string PolicyPath => Path.Combine(_folder, "contact-center.yaml");

    public string DatabasePath => Path.Combine(_folder, "data", "sla.db");

    public IServiceProvider Services => _app!.Services;

    public Policy Policy => Services.GetRequiredService<IPolicySource>().Current;

    public static async Task<RunningService> StartAsync(Instant now)
    {
        var folder = Directory.CreateTempSubdirectory("slaservice-").FullName;
        var samples = Path.Combine(AppContext.BaseDirectory);
        File.Copy(Path.Combine(samples, "policies", "contact-center.yaml"), Path.Combine(folder, "contact-center.yaml"));
        Directory.CreateDirectory(Path.Combine(folder, "mappings"));
        foreach (var mapping in Directory.GetFiles(Path.Combine(samples, "mappings"), "*.mapping.yaml"))
        {
            File.Copy(mapping, Path.Combine(folder, "mappings", Path.GetFileName(mapping)));
        }

        var service = new RunningService(folder, new FakeTimeProvider(now.ToDateTimeOffset()), await NotificationSink.StartAsync());
        await service.StartAgainAsync();
        return service;
    }

    /// <summary>Starts the service (again) on the same folder and time.</summary>
    public async Task StartAgainAsync()
    {
        _app = SlaServiceApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["SlaService:DatabasePath"] = DatabasePath,
                ["SlaService:PolicyPath"] = PolicyPath,
                ["SlaService:MappingsFolder"] = Path.Combine(_folder, "mappings"),
                ["SlaService:NotificationUrl"] = Sink.Url.ToString(),
                ["SlaService:FirstRetryDelay"] = "00:01:00",
                ["SlaService:MaxRetryDelay"] = "00:10:00",
            });
            builder.Services.AddSingleton<TimeProvider>(Time);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
        });
        await _app.StartAsync();
        Client = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    /// <summary>Stops the service; the folder and the database stay.</summary>
    public async Task StopAsync()
    {
        Client.Dispose();
        await _app!.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    /// <summary>Moves time to an instant (never back).</summary>
    public void AdvanceTo(Instant at)
    {
        var now = Instant.FromDateTimeOffset(Time.GetUtcNow());
        if (at > now)
        {
            Time.Advance((at - now).ToTimeSpan());
        }
    }

    /// <summary>Wakes the scheduler and waits until a whole pass that started after now has finished.</summary>
    public Task SchedulerPassAsync() => Services.GetRequiredService<EscalationScheduler>().PassAfterNowAsync();

    public async Task<(int Status, JsonElement Body)> PostAsync(string mapping, byte[] payload)
    {
        using var content = new ByteArrayContent(payload);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Client.PostAsync(new Uri($"/webhooks/{mapping}", UriKind.Relative), content);
        return ((int)response.StatusCode, await ReadAsync(response));
    }

    public async Task<(int Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        return ((int)response.StatusCode, await ReadAsync(response));
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await StopAsync();
        }

        await Sink.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
