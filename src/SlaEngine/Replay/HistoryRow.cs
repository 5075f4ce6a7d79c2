using System.Collections.Generic;
using NodaTime;
using SlaEngine.Events;

namespace SlaEngine.Replay;

/// <summary>One row of a history as read, before it is applied to a ticket: which ticket, when, and the raw field values it sets.</summary>
/// <param name="Line">The 1-based line of the file the row starts on.</param>
/// <param name="Ticket">The ticket the row changes (the event's built-in <c>id</c>).</param>
/// <param name="At">When the change happened.</param>
/// <param name="EntryId">The timeline entry's own id, when the row gives one.</param>
/// <param name="Changes">Field name → raw value, in the row's order.</param>
/// <param name="Foreign">Whether the row belongs to a ticket the reader was told not to read (its fields were not read).</param>
internal sealed record HistoryRow(long Line, string Ticket, Instant At, string? EntryId, List<KeyValuePair<string, RawValue>> Changes, bool Foreign = false);
