using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NodaTime;
using SlaEngine.DependencyInjection;
using SlaEngine.Evaluation;
using SlaEngine.Ingestion;
using SlaEngine.Reporting;
using SlaEngine.Samples.SlaService.Storage;

namespace SlaEngine.Samples.SlaService;

/// <summary>
/// The reference SLA service as an ASP.NET Core minimal API:
/// <c>POST /webhooks/{mapping}</c> maps a ticketing tool's payload, adds the entry to the ticket's timeline and
/// answers the ticket's SLA status; <c>GET /tickets/{ticket}/sla</c> answers it too; <c>GET /health</c> reports the
/// watched policy (degraded while an edit fails to load and the last good policy stays in force).
/// </summary>
public static class SlaServiceApp
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Builds the service; relative paths in the settings are taken from the service's folder.</summary>
    /// <param name="args">Command-line arguments (configuration overrides such as <c>--SlaService:DatabasePath=…</c>).</param>
    /// <param name="configure">Lets a host or a test change the builder (settings, a fake <see cref="TimeProvider"/>) before the services are built.</param>
    /// <returns>The application, its store created and its policy and mappings loaded (a broken one throws).</returns>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var section = builder.Configuration.GetSection("SlaService");
        var options = section.Get<SlaServiceOptions>() ?? new SlaServiceOptions();
        builder.Services.Configure<SlaServiceOptions>(section);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IClock>(sp => new TimeProviderClock(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSlaEngine(o => o.PolicyPath = FromServiceFolder(options.PolicyPath));
        builder.Services.TryAddSingleton<ITicketStore>(_ => new SqliteTicketStore(FromServiceFolder(options.DatabasePath)));
        builder.Services.AddSingleton<SchedulerSignal>();
        builder.Services.AddSingleton<TicketService>();
        builder.Services.AddSingleton(sp => new MappingRegistry(sp.GetRequiredService<IPolicySource>(), FromServiceFolder(options.MappingsFolder)));
        builder.Services.AddSingleton(_ => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }));
        builder.Services.AddSingleton<EscalationScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EscalationScheduler>());
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = PayloadMapping.MaxPayloadBytes);

        var app = builder.Build();
        app.Services.GetRequiredService<ITicketStore>().InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        app.Services.GetRequiredService<MappingRegistry>();
        app.MapPost("/webhooks/{mapping}", Webhook);
        app.MapGet("/tickets/{ticket}/sla", Status);
        app.MapGet("/health", Health);
        return app;
    }

    private static string FromServiceFolder(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);

    private static async Task<IResult> Webhook(string mapping, HttpRequest request, MappingRegistry mappings, TicketService tickets, CancellationToken cancellationToken)
    {
        if (mappings.Find(mapping) is not { } found)
        {
            return Write(StatusCodes.Status404NotFound, w => w.WriteString("error", $"no mapping '{mapping}'; the service maps: {string.Join(", ", mappings.Names)}"));
        }

        byte[] body;
        try
        {
            body = await ReadBodyAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex)
        {
            return Write(ex.StatusCode, w => w.WriteString("error", ex.Message));
        }

        var result = found.Map(body);
        switch (result.Outcome)
        {
            case MappingOutcome.Ignored:
                return Write(StatusCodes.Status202Accepted, w => w.WriteString("ignored", result.IgnoredBecause));
            case MappingOutcome.Failed:
                return Write(StatusCodes.Status400BadRequest, w =>
                {
                    w.WriteString("error", result.ErrorMessage);
                    w.WriteStartArray("errors");
                    foreach (var error in result.Errors)
                    {
                        w.WriteStartObject();
                        w.WriteString("code", error.Code);
                        w.WriteString("field", error.Field);
                        w.WriteString("pointer", error.Pointer);
                        w.WriteString("message", error.Message);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
        }

        var outcome = await tickets.AppendAsync(result.Entry!, cancellationToken).ConfigureAwait(false);
        return Answer(outcome);
    }

    private static async Task<IResult> Status(string ticket, TicketService tickets, CancellationToken cancellationToken)
    {
        var outcome = await tickets.StatusAsync(ticket, cancellationToken).ConfigureAwait(false);
        return outcome is null
            ? Write(StatusCodes.Status404NotFound, w => w.WriteString("error", $"no entry of ticket '{ticket}'"))
            : Answer(outcome);
    }

    private static IResult Health(IPolicySource policies, MappingRegistry mappings)
    {
        var snapshot = policies.Snapshot;
        var failure = policies.LastFailure;
        var mappingFailures = mappings.Failures;
        var healthy = failure is null && mappingFailures.IsEmpty;
        return Write(StatusCodes.Status200OK, w =>
        {
            w.WriteString("status", healthy ? "healthy" : "degraded");
            w.WriteStartObject("policy");
            w.WriteString("id", snapshot.Policy.Id);
            w.WriteString("version", snapshot.Policy.Version);
            w.WriteString("digest", snapshot.Policy.Digest);
            w.WriteNumber("generation", snapshot.Generation);
            w.WriteString("file", (policies as FilePolicySource)?.FilePath);
            w.WriteEndObject();
            w.WriteStartArray("policyErrors");
            foreach (var d in failure?.Errors ?? [])
            {
                w.WriteStringValue(d.ToString());
            }

            w.WriteEndArray();
            w.WriteStartArray("mappings");
            foreach (var name in mappings.Names)
            {
                w.WriteStringValue(name);
            }

            w.WriteEndArray();
            w.WriteStartArray("mappingErrors");
            foreach (var d in mappingFailures)
            {
                w.WriteStringValue(d.ToString());
            }

            w.WriteEndArray();
        });
    }

    private static IResult Answer(TicketOutcome outcome)
    {
        if (outcome.Status is not { } status)
        {
            return Write(StatusCodes.Status400BadRequest, w =>
            {
                w.WriteString("ticket", outcome.Ticket);
                w.WriteString("error", outcome.Error);
            });
        }

        return Write(StatusCodes.Status200OK, w =>
        {
            w.WriteString("ticket", outcome.Ticket);
            w.WriteBoolean("duplicate", outcome.Duplicate);
            w.WriteStartObject("policy");
            w.WriteString("id", outcome.Policy!.Id);
            w.WriteString("version", outcome.Policy.Version);
            w.WriteString("digest", outcome.Policy.Digest);
            w.WriteEndObject();
            w.WritePropertyName("status");
            SlaJson.Write(w, status);
        });
    }

    private static IResult Write(int statusCode, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Json))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Results.Text(Encoding.UTF8.GetString(stream.ToArray()), "application/json", Encoding.UTF8, statusCode);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
