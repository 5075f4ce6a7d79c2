using System.Collections.Immutable;

namespace SlaEngine.Replay;

/// <summary>What a replay read: rows, tickets, and the rows it skipped and why.</summary>
public sealed class HistorySummary
{
    /// <summary>How many refused rows a report lists.</summary>
    public const int ListedBadRows = 20;

    internal HistorySummary(long rows, long tickets, long badRows, ImmutableArray<HistoryError> firstBadRows, long rowsAfterEnd, long rowsAfterAt, long duplicateRows)
    {
        Rows = rows;
        Tickets = tickets;
        BadRows = badRows;
        FirstBadRows = firstBadRows;
        RowsAfterEnd = rowsAfterEnd;
        RowsAfterAt = rowsAfterAt;
        DuplicateRows = duplicateRows;
    }

    /// <summary>Rows replayed (applied to a ticket).</summary>
    public long Rows { get; }

    /// <summary>Tickets replayed.</summary>
    public long Tickets { get; }

    /// <summary>Rows refused and skipped (with <c>--skip-bad</c>).</summary>
    public long BadRows { get; }

    /// <summary>The first <see cref="ListedBadRows"/> refused rows, by line.</summary>
    public ImmutableArray<HistoryError> FirstBadRows { get; }

    /// <summary>Rows of tickets whose clocks had all ended for good: read, but they cannot change any figure.</summary>
    public long RowsAfterEnd { get; }

    /// <summary>Rows later than the report's instant, left out.</summary>
    public long RowsAfterAt { get; }

    /// <summary>Rows whose entry id the ticket already held (retried deliveries), ignored.</summary>
    public long DuplicateRows { get; }
}
