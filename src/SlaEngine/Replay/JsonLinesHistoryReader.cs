using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using SlaEngine.Events;
using NodaTime;

namespace SlaEngine.Replay;

/// <summary>
/// Reads JSON lines histories: one object per line, <c>{"ticket": "T-1", "at": "2026-11-24T10:00:00-05:00",
/// "id"?: "e-7", "status": "done"}</c>, the field values either flat beside those keys or under <c>"set"</c>. Blank
/// lines are skipped. Lines are split on bytes and each is parsed with <see cref="Utf8JsonReader"/>, so no line is
/// ever held as a string.
/// </summary>
internal sealed class JsonLinesHistoryReader : HistoryReader
{
    private const int MaxLineBytes = 1 << 20;
    private readonly Stream _stream;
    private readonly Dictionary<int, List<string>> _names = [];
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
    private int _start;
    private int _end;
    private bool _eof;
    private long _line;

    public JsonLinesHistoryReader(Stream stream) => _stream = stream;

    /// <inheritdoc/>
    public override Predicate<string>? Keep { get; set; }

    public override bool Next(out HistoryRow? row, out HistoryError? error)
    {
        while (true)
        {
            if (!NextLine(out var line, out var tooLong))
            {
                row = null;
                error = null;
                return false;
            }

            _line++;
            if (tooLong)
            {
                row = null;
                error = new HistoryError(_line, null, null, $"the line is longer than {MaxLineBytes} bytes");
                return true;
            }

            if (IsBlank(line))
            {
                continue;
            }

            Parse(line, out row, out error);
            return true;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The next line's bytes (without its newline), valid until the next call.</summary>
    private bool NextLine(out ReadOnlySpan<byte> line, out bool tooLong)
    {
        tooLong = false;
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = _buffer.AsSpan(_start, newline);
                _start += newline + 1;
                return true;
            }

            if (_eof)
            {
                if (_start == _end)
                {
                    line = default;
                    return false;
                }

                line = _buffer.AsSpan(_start, _end - _start);
                _start = _end;
                return true;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= MaxLineBytes)
                {
                    // Skip the rest of an overlong line, so that one bad line does not stop the replay.
                    SkipPastNewline();
                    line = default;
                    tooLong = true;
                    return true;
                }

                var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }

            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }
    }

    private void SkipPastNewline()
    {
        while (true)
        {
            var read = _stream.Read(_buffer, 0, _buffer.Length);
            if (read == 0)
            {
                _eof = true;
                _start = _end = 0;
                return;
            }

            var newline = _buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _start = newline + 1;
                _end = read;
                return;
            }
        }
    }

    private void Parse(ReadOnlySpan<byte> line, out HistoryRow? row, out HistoryError? error)
    {
        row = null;
        error = null;
        string? ticket = null;
        Instant? at = null;
        string? entryId = null;
        var changes = new List<KeyValuePair<string, RawValue>>(4);
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = new HistoryError(_line, null, null, "a history row must be a JSON object");
                return;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("ticket"u8))
                {
                    reader.Read();
                    ticket = ScalarText(ref reader);
                    if (ticket is null or "")
                    {
                        error = new HistoryError(_line, null, TicketColumn, "ticket: expected a non-empty string");
                        return;
                    }
                }
                else if (reader.ValueTextEquals("at"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        error = new HistoryError(_line, ticket, AtColumn, "at: expected an ISO-8601 instant with an offset, such as 2026-11-24T10:00:00-05:00");
                        return;
                    }

                    var parsed = reader.ValueIsEscaped || reader.HasValueSequence
                        ? HistoryInstant.TryParse(reader.GetString()!, out var instant, out var why)
                        : HistoryInstant.TryParse(reader.ValueSpan, out instant, out why);
                    if (!parsed)
                    {
                        error = new HistoryError(_line, ticket, AtColumn, $"at: {why}");
                        return;
                    }

                    at = instant;
                    if (ticket is not null && Keep is { } keep && !keep(ticket))
                    {
                        // Another shard's row: only its instant matters here (for the default report instant).
                        row = new HistoryRow(_line, ticket, instant, null, [], Foreign: true);
                        return;
                    }
                }
                else if (reader.ValueTextEquals("id"u8))
                {
                    reader.Read();
                    entryId = ScalarText(ref reader);
                }
                else if (reader.ValueTextEquals("set"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        error = new HistoryError(_line, ticket, SetKey, "set: expected an object of field values");
                        return;
                    }

                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var name = Name(ref reader);
                        reader.Read();
                        changes.Add(new(name, Value(ref reader)));
                    }
                }
                else
                {
                    var name = Name(ref reader);
                    reader.Read();
                    changes.Add(new(name, Value(ref reader)));
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                error = new HistoryError(_line, ticket, null, "a history row must be one JSON object on one line");
                return;
            }
        }
        catch (JsonException ex)
        {
            error = new HistoryError(_line, ticket, null, $"the row is not valid JSON: {ex.Message}");
            return;
        }
        catch (InvalidOperationException)
        {
            error = new HistoryError(_line, ticket, null, "the row holds a string that is not valid Unicode");
            return;
        }

        if (ticket is null)
        {
            error = new HistoryError(_line, null, TicketColumn, "ticket: the row does not say which ticket it changes");
            return;
        }

        if (at is null)
        {
            error = new HistoryError(_line, ticket, AtColumn, "at: the row does not say when the change happened");
            return;
        }

        row = new HistoryRow(_line, ticket, at.Value, entryId, changes, Foreign: Keep is { } wanted && !wanted(ticket));
    }

    /// <summary>A property name, shared between rows (histories repeat the same few names a million times).</summary>
    private string Name(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped)
        {
            return reader.GetString()!;
        }

        var span = reader.ValueSpan;
        var hash = span.Length;
        foreach (var b in span)
        {
            hash = (hash * 31) + b;
        }

        if (!_names.TryGetValue(hash, out var bucket))
        {
            bucket = [];
            _names[hash] = bucket;
        }

        foreach (var name in bucket)
        {
            if (reader.ValueTextEquals(name))
            {
                return name;
            }
        }

        var created = Encoding.UTF8.GetString(span);
        bucket.Add(created);
        return created;
    }

    private static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => Encoding.UTF8.GetString(reader.ValueSpan),
        _ => null,
    };

    private static RawValue Value(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return RawValue.String(reader.GetString()!);
            case JsonTokenType.True:
                return RawValue.Boolean(true);
            case JsonTokenType.False:
                return RawValue.Boolean(false);
            case JsonTokenType.Null:
                return RawValue.Null;
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var n) ? RawValue.Integer(n) : RawValue.Unsupported($"the number {Encoding.UTF8.GetString(reader.ValueSpan)} (not a whole number in range)");
            case JsonTokenType.StartArray:
                var items = new List<RawValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(Value(ref reader));
                }

                return RawValue.List(items);
            default:
                reader.Skip();
                return RawValue.Unsupported("an object");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stream.Dispose();
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }
}
