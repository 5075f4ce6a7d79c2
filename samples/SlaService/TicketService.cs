using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using SlaEngine.DependencyInjection;
using SlaEngine.Ingestion;
using SlaEngine.Samples.SlaService.Storage;
using SlaEngine.Tracking;

namespace SlaEngine.Samples.SlaService;

/// <summary>
/// Adds mapped entries to tickets' timelines and computes their status under the policy in force. The store holds
/// each ticket's entries as they arrived; the ticket is tracked from them sorted by instant (entries at one instant
/// in arrival order), so late and out-of-order deliveries give the status the sorted timeline gives, and a repeated
/// entry id is stored once. Changes to one ticket are serialized; different tickets proceed in parallel.
/// </summary>
public sealed class TicketService
{
    private readonly ITicketStore _store;
    private readonly IPolicySource _policies;
    private readonly IClock _clock;
    private readonly SchedulerSignal _signal;
    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Creates the service.</summary>
    /// <param name="store">Where timelines are kept.</param>
    /// <param name="policies">The policy in force.</param>
    /// <param name="clock">The time.</param>
    /// <param name="signal">Wakes the escalation scheduler when a ticket changes.</param>
    public TicketService(ITicketStore store, IPolicySource policies, IClock clock, SchedulerSignal signal)
    {
        _store = store;
        _policies = policies;
        _clock = clock;
        _signal = signal;
    }

    /// <summary>Adds an entry to its ticket's timeline and answers the ticket's status now.</summary>
    /// <param name="entry">The mapped entry.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, whether the entry was a repeat, or why the timeline refused the entry.</returns>
    public async Task<TicketOutcome> AppendAsync(MappedEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var gate = LockFor(entry.Ticket);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var stored = await _store.EntriesAsync(entry.Ticket, cancellationToken).ConfigureAwait(false);
            var policy = _policies.Current;
            var now = _clock.GetCurrentInstant();
            if (entry.Id is not null && stored.Any(e => e.Id == entry.Id))
            {
                var again = policy.Track(Timeline(stored));
                return again.Ticket is { } same
                    ? TicketOutcome.Tracked(entry.Ticket, policy, same.StatusAt(now), duplicate: true)
                    : TicketOutcome.Refused(entry.Ticket, again.Error!.Message);
            }

            var added = new StoredEntry(long.MaxValue, entry.Id, entry.At, EntrySet.ToJson(entry.Set));
            var read = policy.Track(Timeline([.. stored, added]));
            if (read.Ticket is not { } ticket)
            {
                return TicketOutcome.Refused(entry.Ticket, read.Error!.Message);
            }

            var status = ticket.StatusAt(now);
            var appended = await _store.AppendAsync(entry.Ticket, added, policy.Digest, status.NextChangeAt, cancellationToken).ConfigureAwait(false);
            _signal.Wake();
            return TicketOutcome.Tracked(entry.Ticket, policy, status, duplicate: !appended);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The status of a ticket now, or null when the service has no entry of it.</summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The status, or null.</returns>
    public async Task<TicketOutcome?> StatusAsync(string ticket, CancellationToken cancellationToken)
    {
        var stored = await _store.EntriesAsync(ticket, cancellationToken).ConfigureAwait(false);
        if (stored.Count == 0)
        {
            return null;
        }

        var policy = _policies.Current;
        var read = policy.Track(Timeline(stored));
        return read.Ticket is { } tracked
            ? TicketOutcome.Tracked(ticket, policy, tracked.StatusAt(_clock.GetCurrentInstant()), duplicate: false)
            : TicketOutcome.Refused(ticket, read.Error!.Message);
    }

    /// <summary>
    /// Looks at a ticket whose next change has come: records each escalation step that has fallen due for delivery
    /// (once per step key) and when the ticket next needs a look.
    /// </summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The number of steps newly recorded.</returns>
    public async Task<int> EscalateAsync(string ticket, CancellationToken cancellationToken)
    {
        var gate = LockFor(ticket);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _clock.GetCurrentInstant();
            var policy = _policies.Current;
            var read = policy.Track(Timeline(await _store.EntriesAsync(ticket, cancellationToken).ConfigureAwait(false)));
            if (read.Ticket is not { } tracked)
            {
                // The timeline no longer applies under the policy in force: nothing to escalate until it changes.
                await _store.UpdateScheduleAsync(ticket, policy.Digest, null, cancellationToken).ConfigureAwait(false);
                return 0;
            }

            var status = tracked.StatusAt(now);
            var recorded = 0;
            // Fired steps of the current cycles, and steps falling due this very instant (a step counts as fired only
            // after its due instant, so at it the step is still listed as pending).
            var due = status.Clocks.SelectMany(c => c.Escalations).Select(s => (s.Key, s.Clock, s.Cycle, s.Point, Due: s.At, s.Notify))
                .Concat(status.Pending.Where(p => p.Due <= now).Select(p => (p.Key, p.Clock, p.Cycle, p.Point, p.Due, p.Notify)));
            foreach (var step in due)
            {
                if (await _store.EnqueueAsync(ticket, step.Key, step.Clock, step.Cycle, step.Point, step.Due, step.Notify, now, cancellationToken).ConfigureAwait(false))
                {
                    recorded++;
                }
            }

            await _store.UpdateScheduleAsync(ticket, policy.Digest, status.NextChangeAt, cancellationToken).ConfigureAwait(false);
            return recorded;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The timeline of stored entries in time order; entries at one instant keep their arrival order.</summary>
    internal static Timeline Timeline(IEnumerable<StoredEntry> stored)
    {
        var timeline = Tracking.Timeline.Empty;
        foreach (var entry in stored.OrderBy(e => e.At).ThenBy(e => e.Sequence))
        {
            timeline = timeline.Add(entry.At, EntrySet.FromJson(entry.SetJson), entry.Id);
        }

        return timeline;
    }

    private SemaphoreSlim LockFor(string ticket) => _locks[(StringComparer.Ordinal.GetHashCode(ticket) & int.MaxValue) % _locks.Length];
}
