using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;

namespace SlaEngine.Samples.SlaService.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode (readers never wait for the writer; a commit is durable at the
/// next checkpoint, and survives a crash of the process). Instants are kept as their ISO text, exact to the
/// nanosecond, beside unix ticks for ordering and comparisons. Thread-safe: each call opens a pooled connection.
/// </summary>
public sealed class SqliteTicketStore : ITicketStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS tickets (
            ticket TEXT PRIMARY KEY,
            policy_digest TEXT NOT NULL,
            next_change_ticks INTEGER NULL);
        CREATE INDEX IF NOT EXISTS tickets_next ON tickets(next_change_ticks) WHERE next_change_ticks IS NOT NULL;
        CREATE TABLE IF NOT EXISTS entries (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            ticket TEXT NOT NULL,
            entry_id TEXT NULL,
            at_ticks INTEGER NOT NULL,
            at_text TEXT NOT NULL,
            set_json TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS entries_ticket ON entries(ticket, seq);
        CREATE UNIQUE INDEX IF NOT EXISTS entries_id ON entries(ticket, entry_id) WHERE entry_id IS NOT NULL;
        CREATE TABLE IF NOT EXISTS deliveries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ticket TEXT NOT NULL,
            step_key TEXT NOT NULL,
            clock TEXT NOT NULL,
            cycle INTEGER NOT NULL,
            point TEXT NOT NULL,
            due_ticks INTEGER NOT NULL,
            due_text TEXT NOT NULL,
            notify_json TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_ticks INTEGER NULL,
            delivered_ticks INTEGER NULL,
            last_error TEXT NULL,
            UNIQUE (ticket, step_key));
        CREATE INDEX IF NOT EXISTS deliveries_next ON deliveries(next_attempt_ticks) WHERE delivered_ticks IS NULL;
        """;

    private readonly string _connectionString;

    /// <summary>Creates the store over a database file (created on <see cref="InitializeAsync"/>).</summary>
    /// <param name="path">The database file's path.</param>
    public SqliteTicketStore(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (System.IO.Path.GetDirectoryName(Path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, Schema, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredEntry>> EntriesAsync(string ticket, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, entry_id, at_text, set_json FROM entries WHERE ticket = $ticket ORDER BY seq";
        command.Parameters.AddWithValue("$ticket", ticket);
        var entries = new List<StoredEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new StoredEntry(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1), ParseInstant(reader.GetString(2)), reader.GetString(3)));
        }

        return entries;
    }

    /// <inheritdoc />
    public async Task<bool> AppendAsync(string ticket, StoredEntry entry, string policyDigest, Instant? nextChangeAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = "INSERT OR IGNORE INTO entries (ticket, entry_id, at_ticks, at_text, set_json) VALUES ($ticket, $id, $ticks, $text, $set)";
            insert.Parameters.AddWithValue("$ticket", ticket);
            insert.Parameters.AddWithValue("$id", (object?)entry.Id ?? DBNull.Value);
            insert.Parameters.AddWithValue("$ticks", entry.At.ToUnixTimeTicks());
            insert.Parameters.AddWithValue("$text", FormatInstant(entry.At));
            insert.Parameters.AddWithValue("$set", entry.SetJson);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }
        }

        await UpsertTicketAsync(connection, transaction, ticket, policyDigest, nextChangeAt, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task UpdateScheduleAsync(string ticket, string policyDigest, Instant? nextChangeAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await UpsertTicketAsync(connection, null, ticket, policyDigest, nextChangeAt, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<string?> PolicyDigestAsync(string ticket, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT policy_digest FROM tickets WHERE ticket = $ticket";
        command.Parameters.AddWithValue("$ticket", ticket);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
    }

    /// <inheritdoc />
    public async Task MarkAllDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, "UPDATE tickets SET next_change_ticks = 0", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> TicketsDueAsync(Instant now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT ticket FROM tickets WHERE next_change_ticks IS NOT NULL AND next_change_ticks <= $now ORDER BY next_change_ticks LIMIT $limit";
        command.Parameters.AddWithValue("$now", now.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$limit", limit);
        var tickets = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tickets.Add(reader.GetString(0));
        }

        return tickets;
    }

    /// <inheritdoc />
    public async Task<bool> EnqueueAsync(string ticket, string key, string clock, int cycle, string point, Instant due, IReadOnlyList<string> notify, Instant firstAttemptAt, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT OR IGNORE INTO deliveries (ticket, step_key, clock, cycle, point, due_ticks, due_text, notify_json, next_attempt_ticks)
            VALUES ($ticket, $key, $clock, $cycle, $point, $dueTicks, $dueText, $notify, $next)
            """;
        command.Parameters.AddWithValue("$ticket", ticket);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$clock", clock);
        command.Parameters.AddWithValue("$cycle", cycle);
        command.Parameters.AddWithValue("$point", point);
        command.Parameters.AddWithValue("$dueTicks", due.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$dueText", FormatInstant(due));
        command.Parameters.AddWithValue("$notify", JsonSerializer.Serialize(notify));
        command.Parameters.AddWithValue("$next", firstAttemptAt.ToUnixTimeTicks());
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EscalationDelivery>> DeliveriesDueAsync(Instant now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, ticket, step_key, clock, cycle, point, due_text, notify_json, attempts FROM deliveries
            WHERE delivered_ticks IS NULL AND next_attempt_ticks <= $now ORDER BY due_ticks, id LIMIT $limit
            """;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$limit", limit);
        var deliveries = new List<EscalationDelivery>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            deliveries.Add(new EscalationDelivery(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt32(4), reader.GetString(5),
                ParseInstant(reader.GetString(6)), [.. JsonSerializer.Deserialize<string[]>(reader.GetString(7)) ?? []], reader.GetInt32(8)));
        }

        return deliveries;
    }

    /// <inheritdoc />
    public async Task MarkDeliveredAsync(long id, Instant at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE deliveries SET delivered_ticks = $at, next_attempt_ticks = NULL WHERE id = $id";
        command.Parameters.AddWithValue("$at", at.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task MarkFailedAsync(long id, int attempts, Instant nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE deliveries SET attempts = $attempts, next_attempt_ticks = $next, last_error = $error WHERE id = $id";
        command.Parameters.AddWithValue("$attempts", attempts);
        command.Parameters.AddWithValue("$next", nextAttemptAt.ToUnixTimeTicks());
        command.Parameters.AddWithValue("$error", error.Length > 500 ? error[..500] : error);
        command.Parameters.AddWithValue("$id", id);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<Instant?> NextWakeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT MIN(t) FROM (
                SELECT MIN(next_change_ticks) AS t FROM tickets WHERE next_change_ticks IS NOT NULL
                UNION ALL
                SELECT MIN(next_attempt_ticks) FROM deliveries WHERE delivered_ticks IS NULL)
            """;
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long ticks ? Instant.FromUnixTimeTicks(ticks) : null;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Per connection: with WAL, NORMAL syncs at checkpoints only (a commit survives a crash of the process, not
        // necessarily of the machine); the busy timeout lets writers queue instead of failing.
        await ExecuteAsync(connection, "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;", cancellationToken).ConfigureAwait(false);
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task UpsertTicketAsync(SqliteConnection connection, SqliteTransaction? transaction, string ticket, string digest, Instant? next, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO tickets (ticket, policy_digest, next_change_ticks) VALUES ($ticket, $digest, $next)
            ON CONFLICT (ticket) DO UPDATE SET policy_digest = excluded.policy_digest, next_change_ticks = excluded.next_change_ticks
            """;
        command.Parameters.AddWithValue("$ticket", ticket);
        command.Parameters.AddWithValue("$digest", digest);
        command.Parameters.AddWithValue("$next", next is { } n ? n.ToUnixTimeTicks() : DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string FormatInstant(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static Instant ParseInstant(string text) => InstantPattern.ExtendedIso.Parse(text).Value;
}
