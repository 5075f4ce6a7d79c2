using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Events;

namespace SlaEngine.Ingestion;

/// <summary>
/// A loaded mapping (<c>*.mapping.yaml</c>, <c>format: slaengine-mapping/v1</c>): turns what one ticketing tool sends
/// (a Jira webhook, a Zendesk event, a ServiceNow business-rule body, …) into a timeline entry
/// <c>{ ticket, at, id, set }</c> for the policy it was loaded against. Immutable and thread-safe: one instance serves
/// every request.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Map(ReadOnlyMemory{byte})"/> never throws for any payload: malformed JSON, a payload larger than
/// <see cref="MaxPayloadBytes"/> or nested deeper than <see cref="MaxPayloadDepth"/>, a value of the wrong type, an
/// unmapped value or a malformed instant is a <see cref="MappingOutcome.Failed"/> result naming the field and the
/// pointer; a payload the mapping's <c>accept</c> does not take is <see cref="MappingOutcome.Ignored"/>.
/// </para>
/// <para>
/// A pointer with nothing at its target, or a JSON <c>null</c> there, sets nothing (the field keeps its value on the
/// ticket), unless the field is <c>required: true</c> in the mapping.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var mapping = MappingLoader.LoadFile("jira.mapping.yaml", policy).Mapping!;
/// var result = mapping.Map(requestBody);
/// if (result.IsMapped) { var entry = result.Entry; /* entry.Ticket, entry.At, entry.Id, entry.Set */ }
/// </code>
/// </example>
public sealed class PayloadMapping
{
    /// <summary>The largest payload mapped: 4 MiB.</summary>
    public const int MaxPayloadBytes = 4 * 1024 * 1024;

    /// <summary>How deep a payload may nest.</summary>
    public const int MaxPayloadDepth = 64;

    /// <summary>The longest ticket key or entry id taken from a payload.</summary>
    public const int MaxIdLength = 256;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = MaxPayloadDepth };

    private readonly ImmutableArray<AcceptCondition> _accept;
    private readonly JsonPointer _ticket;
    private readonly JsonPointer _at;
    private readonly InstantFormat _atFormat;
    private readonly JsonPointer? _id;
    private readonly ImmutableArray<FieldMapping> _fields;

    // Every pointer by value slot: the accept conditions, then the ticket, the instant, the entry id, the fields.
    private readonly JsonPointer?[] _pointers;
    private readonly int _ticketSlot;
    private readonly PointerTrie? _trie;

    internal PayloadMapping(
        string name,
        string? description,
        string sourceFile,
        Policy policy,
        ImmutableArray<AcceptCondition> accept,
        JsonPointer ticket,
        JsonPointer at,
        InstantFormat atFormat,
        JsonPointer? id,
        ImmutableArray<FieldMapping> fields)
    {
        Name = name;
        Description = description;
        SourceFile = sourceFile;
        Policy = policy;
        _accept = accept;
        _ticket = ticket;
        _at = at;
        _atFormat = atFormat;
        _id = id;
        _fields = fields;
        var names = ImmutableArray.CreateBuilder<string>(fields.Length);
        foreach (var field in fields)
        {
            names.Add(field.Field.Name);
        }

        Fields = names.MoveToImmutable();
        _ticketSlot = accept.Length;
        _pointers = [.. accept.Select(a => a.Pointer), ticket, at, id, .. fields.Select(f => f.From)];
        _trie = PointerTrie.TryBuild(_pointers);
    }

    /// <summary>The mapping's id (<c>mapping:</c>), such as <c>jira-service-management</c>.</summary>
    public string Name { get; }

    /// <summary>The mapping's description, if it has one.</summary>
    public string? Description { get; }

    /// <summary>The file the mapping was loaded from, as given to the loader.</summary>
    public string SourceFile { get; }

    /// <summary>The policy the mapping was loaded against; its field values are checked against this policy.</summary>
    public Policy Policy { get; }

    /// <summary>The policy fields the mapping sets, in the mapping's order.</summary>
    public ImmutableArray<string> Fields { get; }

    /// <summary>Maps a payload given as JSON text.</summary>
    /// <param name="json">The payload.</param>
    /// <returns>The entry, or why the payload is ignored or cannot be mapped. Never throws for bad content.</returns>
    public MappingResult Map(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxPayloadBytes)
        {
            return TooLarge();
        }

        return Parse(() => JsonDocument.Parse(json.AsMemory(), DocumentOptions));
    }

    /// <summary>Maps a payload given as UTF-8 bytes (as an HTTP request body arrives).</summary>
    /// <param name="utf8Json">The payload's bytes; a leading byte order mark is allowed.</param>
    /// <returns>The entry, or why the payload is ignored or cannot be mapped. Never throws for bad content.</returns>
    public MappingResult Map(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.Length > MaxPayloadBytes)
        {
            return TooLarge();
        }

        if (utf8Json.Span.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        if (_trie is not null)
        {
            // One pass over the bytes, no document: the values the pointers want, and nothing else kept.
            var slots = new PayloadValue?[_pointers.Length];
            try
            {
                if (PayloadScanner.TryScan(utf8Json.Span, _trie, slots))
                {
                    return Evaluate(slots);
                }
            }
            catch (JsonException ex)
            {
                return Failed(new MappingError(DiagnosticCodes.MalformedPayload, string.Empty, null, $"the payload is not valid JSON: {FirstSentence(ex.Message)}"));
            }
        }

        return Parse(() => JsonDocument.Parse(utf8Json, DocumentOptions));
    }

    /// <summary>Maps a payload already parsed.</summary>
    /// <param name="payload">The payload's root element.</param>
    /// <returns>The entry, or why the payload is ignored or cannot be mapped. Never throws for bad content.</returns>
    public MappingResult Map(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return Failed(new MappingError(DiagnosticCodes.MalformedPayload, string.Empty, null, $"the payload must be a JSON object, not {PayloadValue.From(payload, withItems: false).Describe()}"));
        }

        var slots = new PayloadValue?[_pointers.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            if (_pointers[i] is { } pointer && pointer.TryResolve(payload, out var found))
            {
                slots[i] = PayloadValue.From(found);
            }
        }

        return Evaluate(slots);
    }

    /// <summary>Judges the values found at the pointers (by slot), whichever way they were found.</summary>
    private MappingResult Evaluate(PayloadValue?[] slots)
    {
        for (var i = 0; i < _accept.Length; i++)
        {
            if (!_accept[i].Holds(slots[i], out var why))
            {
                return new MappingResult(MappingOutcome.Ignored, null, [], [], why);
            }
        }

        List<MappingError>? errors = null;
        List<MappingError>? notes = null;
        var ticket = ReadId(slots[_ticketSlot], _ticket, "ticket", required: true, ref errors);
        Instant at = default;
        if (slots[_ticketSlot + 1] is not { IsNull: false } atValue)
        {
            Add(ref errors, new MappingError(DiagnosticCodes.MissingPayloadValue, "at", _at.Text, $"at: the payload has no instant at {_at.Text}"));
        }
        else if (!_atFormat.TryRead(atValue, out at, out var atError))
        {
            Add(ref errors, new MappingError(DiagnosticCodes.InvalidPayloadValue, "at", _at.Text, $"at: {atError} (at {_at.Text})"));
        }

        var id = _id is null ? null : ReadId(slots[_ticketSlot + 2], _id, "id", required: false, ref errors);
        var values = ImmutableArray.CreateBuilder<KeyValuePair<string, FieldValue>>(_fields.Length);
        for (var i = 0; i < _fields.Length; i++)
        {
            var field = _fields[i];
            if (field.TryRead(slots[_ticketSlot + 3 + i], Policy.Schema, out var value, out var error))
            {
                if (!value.IsAbsent)
                {
                    values.Add(new(field.Field.Name, value));
                }
            }
            else if (field.Optional)
            {
                Add(ref notes, error!);
            }
            else
            {
                Add(ref errors, error!);
            }
        }

        ImmutableArray<MappingError> noteArray = notes is null ? [] : [.. notes];
        if (errors is not null)
        {
            return new MappingResult(MappingOutcome.Failed, null, [.. errors], noteArray, null);
        }

        return new MappingResult(MappingOutcome.Mapped, new MappedEntry(ticket!, at, id, values.ToImmutable()), [], noteArray, null);
    }

    /// <inheritdoc />
    public override string ToString() => $"mapping {Name} for policy {Policy.Id}";

    private MappingResult Parse(Func<JsonDocument> parse)
    {
        JsonDocument document;
        try
        {
            document = parse();
        }
        catch (JsonException ex)
        {
            return Failed(new MappingError(DiagnosticCodes.MalformedPayload, string.Empty, null, $"the payload is not valid JSON: {FirstSentence(ex.Message)}"));
        }
        catch (ArgumentException ex)
        {
            // Invalid UTF-8 surfaces as an ArgumentException from some paths of the reader.
            return Failed(new MappingError(DiagnosticCodes.MalformedPayload, string.Empty, null, $"the payload is not valid JSON text: {FirstSentence(ex.Message)}"));
        }

        using (document)
        {
            return Map(document.RootElement);
        }
    }

    private static string? ReadId(PayloadValue? found, JsonPointer pointer, string what, bool required, ref List<MappingError>? errors)
    {
        if (found is not { IsNull: false } value)
        {
            if (required)
            {
                Add(ref errors, new MappingError(DiagnosticCodes.MissingPayloadValue, what, pointer.Text, $"{what}: the payload has no value at {pointer.Text}"));
            }

            return null;
        }

        string? text = null;
        if (value.Kind == JsonValueKind.Number && long.TryParse(value.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            text = number.ToString(CultureInfo.InvariantCulture);
        }
        else if (value.Kind == JsonValueKind.String && value.TryScalarText(out var s))
        {
            text = s;
        }

        if (text is null || text.Length == 0 || text.Length > MaxIdLength)
        {
            var got = text is null ? value.Describe() : text.Length == 0 ? "an empty string" : $"a string of {text.Length} characters";
            Add(ref errors, new MappingError(DiagnosticCodes.InvalidPayloadValue, what, pointer.Text, $"{what}: expected a string of 1 to {MaxIdLength} characters or a whole number, got {got} (at {pointer.Text})"));
            return null;
        }

        return text;
    }

    private static void Add(ref List<MappingError>? list, MappingError error) => (list ??= []).Add(error);

    private static MappingResult Failed(MappingError error) => new(MappingOutcome.Failed, null, [error], [], null);

    private static MappingResult TooLarge() =>
        Failed(new MappingError(DiagnosticCodes.MalformedPayload, string.Empty, null, $"the payload is larger than {MaxPayloadBytes / (1024 * 1024)} MiB"));

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        var text = cut > 0 ? message[..cut] : message;
        return text.Length > 200 ? text[..200] + "…" : text;
    }
}
