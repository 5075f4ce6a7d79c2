using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;

namespace SlaEngine.Samples.SlaService.Storage;

/// <summary>
/// Where the service keeps tickets' timelines, when each ticket next needs a look, and the escalations to deliver.
/// The seam for running several instances on a shared database (see docs/embedding.md): an implementation must make
/// <see cref="AppendAsync"/> and <see cref="EnqueueAsync"/> idempotent by their keys, each in one transaction.
/// </summary>
public interface ITicketStore
{
    /// <summary>Creates the schema if it is missing.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>A ticket's entries in arrival order (empty when the ticket is unknown).</summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<StoredEntry>> EntriesAsync(string ticket, CancellationToken cancellationToken);

    /// <summary>
    /// Adds an entry and records the policy digest the ticket is now tracked under and when it next needs a look, in
    /// one transaction; false (and nothing written) when the ticket already holds an entry with that id.
    /// </summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="entry">The entry (its sequence is assigned by the store).</param>
    /// <param name="policyDigest">The digest of the policy the ticket's status was computed under.</param>
    /// <param name="nextChangeAt">When the status next changes with no new entry, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether the entry was added.</returns>
    Task<bool> AppendAsync(string ticket, StoredEntry entry, string policyDigest, Instant? nextChangeAt, CancellationToken cancellationToken);

    /// <summary>Records the policy digest and the next look of a ticket.</summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="policyDigest">The policy's digest.</param>
    /// <param name="nextChangeAt">When the status next changes, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task UpdateScheduleAsync(string ticket, string policyDigest, Instant? nextChangeAt, CancellationToken cancellationToken);

    /// <summary>The policy digest a ticket was last tracked under, or null when the ticket is unknown.</summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The digest, or null.</returns>
    Task<string?> PolicyDigestAsync(string ticket, CancellationToken cancellationToken);

    /// <summary>Makes every ticket due for a look now (after a policy change, which may move any ticket's next change).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task MarkAllDueAsync(CancellationToken cancellationToken);

    /// <summary>Tickets whose next look is at or before an instant, earliest first.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="limit">The most to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tickets.</returns>
    Task<IReadOnlyList<string>> TicketsDueAsync(Instant now, int limit, CancellationToken cancellationToken);

    /// <summary>Records a due escalation for delivery; false when the ticket's step key is recorded already.</summary>
    /// <param name="ticket">The ticket.</param>
    /// <param name="key">The step's key.</param>
    /// <param name="clock">The clock.</param>
    /// <param name="cycle">The cycle.</param>
    /// <param name="point">The step's point.</param>
    /// <param name="due">When it fell due.</param>
    /// <param name="notify">The teams to notify.</param>
    /// <param name="firstAttemptAt">When to try the first delivery.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether it was recorded now.</returns>
    Task<bool> EnqueueAsync(string ticket, string key, string clock, int cycle, string point, Instant due, IReadOnlyList<string> notify, Instant firstAttemptAt, CancellationToken cancellationToken);

    /// <summary>Undelivered escalations whose next try is at or before an instant.</summary>
    /// <param name="now">The instant.</param>
    /// <param name="limit">The most to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The deliveries, oldest due first.</returns>
    Task<IReadOnlyList<EscalationDelivery>> DeliveriesDueAsync(Instant now, int limit, CancellationToken cancellationToken);

    /// <summary>Marks a delivery done.</summary>
    /// <param name="id">The delivery's id.</param>
    /// <param name="at">When it was delivered.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task MarkDeliveredAsync(long id, Instant at, CancellationToken cancellationToken);

    /// <summary>Records a failed try and when to try again.</summary>
    /// <param name="id">The delivery's id.</param>
    /// <param name="attempts">The failed tries so far.</param>
    /// <param name="nextAttemptAt">When to try again.</param>
    /// <param name="error">Why it failed.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task MarkFailedAsync(long id, int attempts, Instant nextAttemptAt, string error, CancellationToken cancellationToken);

    /// <summary>The earliest next look of a ticket or next try of a delivery, or null when nothing is scheduled.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The instant, or null.</returns>
    Task<Instant?> NextWakeAsync(CancellationToken cancellationToken);
}
