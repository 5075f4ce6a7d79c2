using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using SlaEngine.DependencyInjection;
using SlaEngine.Samples.SlaService.Storage;

namespace SlaEngine.Samples.SlaService;

/// <summary>
/// Delivers escalations at the right minute, exactly once: sleeps until the earliest next look of a ticket or next
/// try of a delivery (woken early when a ticket changes), records each step that has fallen due in the database (once
/// per ticket and step key), then POSTs each recorded, undelivered step to the notification URL and marks it
/// delivered. A failed POST is tried again after a delay that doubles up to a ceiling. Everything it needs survives
/// a restart: a step due while the service was down is recorded and delivered when it starts again.
/// </summary>
/// <remarks>
/// Each POST carries the header <c>Idempotency-Key: TICKET/KEY</c>: the one window left — the receiver accepted a
/// POST and the process died before recording it — repeats that POST once after the restart, and a receiver that
/// keeps the keys it has seen drops it.
/// </remarks>
public sealed partial class EscalationScheduler : BackgroundService
{
    private readonly ITicketStore _store;
    private readonly TicketService _tickets;
    private readonly SchedulerSignal _signal;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly IClock _clock;
    private readonly SlaServiceOptions _options;
    private readonly ILogger<EscalationScheduler> _log;
    private long _passesStarted;
    private int _policyChanged;
    private long _lastPassCompleted;
    private TaskCompletionSource _passCompleted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the scheduler.</summary>
    /// <param name="store">The store.</param>
    /// <param name="policies">The policy source: after a reload every ticket is looked at again.</param>
    /// <param name="tickets">The ticket service.</param>
    /// <param name="signal">Wakes the scheduler early.</param>
    /// <param name="http">Sends the notifications.</param>
    /// <param name="time">The time source sleeps are measured on.</param>
    /// <param name="clock">The same time as an <see cref="IClock"/>.</param>
    /// <param name="options">The notification URL and the retry delays.</param>
    /// <param name="log">The log.</param>
    public EscalationScheduler(ITicketStore store, IPolicySource policies, TicketService tickets, SchedulerSignal signal, HttpClient http, TimeProvider time, IClock clock, IOptions<SlaServiceOptions> options, ILogger<EscalationScheduler> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(policies);
        _store = store;
        _tickets = tickets;
        _signal = signal;
        _http = http;
        _time = time;
        _clock = clock;
        _options = options.Value;
        _log = log;
        policies.Reloaded += (_, _) =>
        {
            // A new policy may move any ticket's next change (a shorter target, a new ladder): look at all of them.
            Interlocked.Exchange(ref _policyChanged, 1);
            _signal.Wake();
        };
    }

    /// <summary>The delay before try number <paramref name="attempts"/> + 1 of a delivery that failed <paramref name="attempts"/> times.</summary>
    /// <param name="attempts">The failed tries so far (1 or more).</param>
    /// <returns>The delay.</returns>
    public Duration RetryDelay(int attempts)
    {
        var first = Duration.FromTimeSpan(_options.FirstRetryDelay);
        var max = Duration.FromTimeSpan(_options.MaxRetryDelay);
        var delay = first;
        for (var i = 1; i < attempts && delay < max; i++)
        {
            delay += delay;
        }

        return delay < max ? delay : max;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pass = Interlocked.Increment(ref _passesStarted);
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                Interlocked.Exchange(ref _lastPassCompleted, pass);
                Interlocked.Exchange(ref _passCompleted, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                await SleepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The database was busy or a ticket failed to load: log it and look again shortly, never stop.
                LogLoopFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(1), _time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Wakes the scheduler and waits until a whole pass that started after this call has finished (30 s at most):
    /// for a host or a test that has just moved a fake clock.
    /// </summary>
    /// <returns>A task that completes after that pass.</returns>
    internal async Task PassAfterNowAsync()
    {
        var after = Interlocked.Read(ref _passesStarted);
        _signal.Wake();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            // The signal first, then the count: a pass that ends between the two completes the signal read.
            var completed = Volatile.Read(ref _passCompleted);
            if (Interlocked.Read(ref _lastPassCompleted) > after)
            {
                return;
            }

            await completed.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        }
    }

    /// <summary>One pass: record the steps that have fallen due, then deliver what is due.</summary>
    /// <param name="cancellationToken">Cancels the pass.</param>
    /// <returns>A task.</returns>
    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _policyChanged, 0) == 1)
        {
            await _store.MarkAllDueAsync(cancellationToken).ConfigureAwait(false);
        }

        while (true)
        {
            var due = await _store.TicketsDueAsync(_clock.GetCurrentInstant(), 500, cancellationToken).ConfigureAwait(false);
            foreach (var ticket in due)
            {
                await _tickets.EscalateAsync(ticket, cancellationToken).ConfigureAwait(false);
            }

            if (due.Count < 500)
            {
                break;
            }
        }

        foreach (var delivery in await _store.DeliveriesDueAsync(_clock.GetCurrentInstant(), 200, cancellationToken).ConfigureAwait(false))
        {
            await DeliverAsync(delivery, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SleepAsync(CancellationToken stoppingToken)
    {
        var next = await _store.NextWakeAsync(stoppingToken).ConfigureAwait(false);
        var now = _clock.GetCurrentInstant();
        if (next is { } wake && wake <= now)
        {
            return;
        }

        // Task.Delay takes at most about 49 days; a day is as good as forever between two looks.
        var delay = next is { } at && at - now < Duration.FromDays(1) ? (at - now).ToTimeSpan() : TimeSpan.FromDays(1);
        using var wakeOrStop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var sleep = Task.Delay(delay, _time, wakeOrStop.Token);
        var woken = _signal.WaitAsync(wakeOrStop.Token);
        await Task.WhenAny(sleep, woken).ConfigureAwait(false);
        await wakeOrStop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(sleep, woken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The other wait, cancelled: expected.
        }

        stoppingToken.ThrowIfCancellationRequested();
    }

    private async Task DeliverAsync(EscalationDelivery delivery, CancellationToken cancellationToken)
    {
        string? failure;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.DeliveryTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Post, _options.NotificationUrl)
            {
                Content = JsonContent.Create(new
                {
                    ticket = delivery.Ticket,
                    key = delivery.Key,
                    clock = delivery.Clock,
                    cycle = delivery.Cycle,
                    at = delivery.Point,
                    due = InstantPattern.ExtendedIso.Format(delivery.Due),
                    notify = delivery.Notify,
                }),
            };
            request.Headers.Add("Idempotency-Key", $"{delivery.Ticket}/{delivery.Key}");
            using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            failure = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            failure = ex.Message;
        }

        var now = _clock.GetCurrentInstant();
        if (failure is null)
        {
            await _store.MarkDeliveredAsync(delivery.Id, now, cancellationToken).ConfigureAwait(false);
            LogDelivered(delivery.Ticket, delivery.Key);
            return;
        }

        var attempts = delivery.Attempts + 1;
        var retryAt = now + RetryDelay(attempts);
        await _store.MarkFailedAsync(delivery.Id, attempts, retryAt, failure, cancellationToken).ConfigureAwait(false);
        LogDeliveryFailed(delivery.Ticket, delivery.Key, attempts, failure, retryAt);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Escalation scheduler pass failed; retrying")]
    private partial void LogLoopFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered escalation {Ticket}/{Key}")]
    private partial void LogDelivered(string ticket, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery of escalation {Ticket}/{Key} failed (try {Attempts}): {Failure}; next try at {RetryAt}")]
    private partial void LogDeliveryFailed(string ticket, string key, int attempts, string failure, Instant retryAt);
}
