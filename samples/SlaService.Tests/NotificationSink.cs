using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SlaEngine.Samples.SlaService.Tests;

/// <summary>A real HTTP receiver of escalations on loopback: records every POST, and fails the first ones on request.</summary>
internal sealed class NotificationSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private int _failuresLeft;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NotificationSink(WebApplication app) => _app = app;

    /// <summary>Every POST received, failed ones included, in arrival order.</summary>
    public IReadOnlyList<Received> Received => [.. _received];

    /// <summary>The POSTs answered with success.</summary>
    public IReadOnlyList<Received> Delivered => [.. _received.Where(r => r.Accepted)];

    public Uri Url { get; private set; } = null!;

    public static async Task<NotificationSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new NotificationSink(app);
        app.MapPost("/escalations", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body);
            var accepted = Interlocked.Decrement(ref sink._failuresLeft) < 0;
            sink._received.Enqueue(new Received(request.Headers["Idempotency-Key"].ToString(), body.RootElement.Clone(), accepted));
            Interlocked.Exchange(ref sink._changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            return accepted ? Results.Ok() : Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        });
        await app.StartAsync();
        sink.Url = new Uri(app.Urls.Single() + "/escalations");
        return sink;
    }

    /// <summary>Fails the next <paramref name="count"/> POSTs with 503.</summary>
    public void FailNext(int count) => Volatile.Write(ref _failuresLeft, count);

    /// <summary>Waits (30 s at most, in real time) until <paramref name="count"/> POSTs have been received.</summary>
    public async Task WaitForReceivedAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            // The signal first, then the count: a POST between the two completes the signal read.
            var changed = Volatile.Read(ref _changed);
            if (_received.Count >= count)
            {
                return;
            }

            await changed.Task.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One POST the sink received.</summary>
internal sealed record Received(string IdempotencyKey, JsonElement Body, bool Accepted)
{
    public string Key => Body.GetProperty("key").GetString()!;
}
