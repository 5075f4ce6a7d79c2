using System;
using System.IO;
using SlaEngine.Events;

namespace SlaEngine.Replay;

/// <summary>
/// Streams the rows of a ticket history one at a time, so that memory does not grow with the file's length. A row
/// that cannot be read is returned as a <see cref="HistoryError"/> naming its line and field; reading goes on after it.
/// </summary>
internal abstract class HistoryReader : IDisposable
{
    /// <summary>The row names that are not field values.</summary>
    public const string TicketColumn = "ticket";

    /// <summary>The column holding the instant of the change.</summary>
    public const string AtColumn = "at";

    /// <summary>The column holding the timeline entry's own id.</summary>
    public const string IdColumn = "id";

    /// <summary>The JSON key under which field values may be given.</summary>
    public const string SetKey = "set";

    /// <summary>An error that stops the whole history from being read (a CSV file without a usable header row), or null.</summary>
    public virtual HistoryError? FatalError => null;

    /// <summary>
    /// Which tickets' rows to read whole; the others (another shard's) are returned with their ticket and instant only,
    /// marked <see cref="HistoryRow.Foreign"/>. Null: every row.
    /// </summary>
    public abstract Predicate<string>? Keep { get; set; }

    /// <summary>Reads the next row.</summary>
    /// <param name="row">The row, when it was read.</param>
    /// <param name="error">Why the row was refused, when it was.</param>
    /// <returns>False at the end of the history.</returns>
    public abstract bool Next(out HistoryRow? row, out HistoryError? error);

    /// <summary>Opens a reader of the given format over a stream (which the reader disposes).</summary>
    public static HistoryReader Open(Stream stream, HistoryFormat format, EventSchema schema) => format switch
    {
        HistoryFormat.Csv => new CsvHistoryReader(stream, schema),
        _ => new JsonLinesHistoryReader(stream),
    };

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the stream.</summary>
    protected abstract void Dispose(bool disposing);
}
