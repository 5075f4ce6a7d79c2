using NodaTime;

namespace SlaEngine.Samples.SlaService.Storage;

/// <summary>One timeline entry as stored: the order it arrived in, its entry id, its instant and the fields it sets (JSON).</summary>
/// <param name="Sequence">The arrival order within the store (a tie-breaker for entries at the same instant).</param>
/// <param name="Id">The entry id from the payload, or null.</param>
/// <param name="At">When the change happened.</param>
/// <param name="SetJson">The fields set, as a JSON object.</param>
public sealed record StoredEntry(long Sequence, string? Id, Instant At, string SetJson);
