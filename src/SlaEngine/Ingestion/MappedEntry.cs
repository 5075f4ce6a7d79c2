using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Events;

namespace SlaEngine.Ingestion;

/// <summary>
/// One timeline entry read from a ticketing tool's payload: which ticket, when, the entry id a tool's retries share
/// (null when the mapping has none), and the policy fields it sets. Its JSON form,
/// <c>{ "ticket", "at", "id", "set" }</c>, is a history row that <c>slaengine simulate</c> reads.
/// </summary>
public sealed class MappedEntry
{
    private readonly ImmutableArray<KeyValuePair<string, FieldValue>> _values;

    internal MappedEntry(string ticket, Instant at, string? id, ImmutableArray<KeyValuePair<string, FieldValue>> values)
    {
        Ticket = ticket;
        At = at;
        Id = id;
        _values = values;
        var set = ImmutableArray.CreateBuilder<KeyValuePair<string, object?>>(values.Length);
        foreach (var (name, value) in values)
        {
            set.Add(new(name, value.ToObject()));
        }

        Set = set.MoveToImmutable();
    }

    /// <summary>The ticket the entry belongs to, as the tool identifies it (a key such as <c>CC-42</c>, or a number as text).</summary>
    public string Ticket { get; }

    /// <summary>When the change happened, as the payload says.</summary>
    public Instant At { get; }

    /// <summary>The entry id (a tool's event or change id), or null when the mapping reads none or the payload has none.</summary>
    public string? Id { get; }

    /// <summary>
    /// The policy fields the entry sets, in the mapping's order, with values already checked against the policy:
    /// <see cref="string"/> (string, enum and team fields), <see cref="long"/>, <see cref="bool"/>,
    /// <see cref="Instant"/>, or <see cref="ImmutableArray{T}"/> of strings. The form
    /// <see cref="Tracking.Ticket.Append(Instant, IEnumerable{KeyValuePair{string, object}})"/> takes.
    /// </summary>
    public ImmutableArray<KeyValuePair<string, object?>> Set { get; }

    /// <summary>The typed values, for writers.</summary>
    internal ImmutableArray<KeyValuePair<string, FieldValue>> Values => _values;
}
