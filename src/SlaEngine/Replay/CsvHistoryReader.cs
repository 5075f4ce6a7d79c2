using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using nietras.SeparatedValues;
using SlaEngine.Events;

namespace SlaEngine.Replay;

/// <summary>
/// Reads CSV histories with Sep: a header row naming <c>ticket</c>, <c>at</c>, optionally <c>id</c>, then one column
/// per field. A cell is read as a plain value (so <c>true</c> and <c>42</c> fit bool and int fields); an empty cell
/// sets nothing; a <c>list&lt;string&gt;</c> cell holds its items separated by <c>|</c>. Columns the policy does not
/// declare are ignored, as unknown event fields are.
/// </summary>
internal sealed class CsvHistoryReader : HistoryReader
{
    /// <summary>Separates the items of a list cell.</summary>
    public const char ListSeparator = '|';

    private readonly SepReader? _reader;
    private readonly bool _open;
    private readonly int _ticket = -1;
    private readonly int _at = -1;
    private readonly int _id = -1;
    private readonly (int Column, string Name, bool IsList)[] _fields = [];
    private readonly int _columns;
    private readonly HistoryError? _headerError;

    public CsvHistoryReader(Stream stream, EventSchema schema)
    {
        try
        {
            _reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, CultureInfo = CultureInfo.InvariantCulture }).From(stream);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or NotSupportedException)
        {
            _headerError = new HistoryError(1, null, null, $"the header row cannot be read: {ex.Message}");
            return;
        }

        var names = _reader.Header.ColNames;
        _columns = names.Count;
        if (_reader.Header.IsEmpty)
        {
            _headerError = new HistoryError(1, null, null, "the CSV file has no header row (ticket, at, then field columns)");
            return;
        }

        var fields = new List<(int, string, bool)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim();
            if (!seen.Add(name))
            {
                _headerError = new HistoryError(1, null, name, $"{name}: the column appears twice in the header row");
                return;
            }

            switch (name)
            {
                case TicketColumn:
                    _ticket = i;
                    break;
                case AtColumn:
                    _at = i;
                    break;
                case IdColumn:
                    _id = i;
                    break;
                default:
                    fields.Add((i, name, schema.Find(name)?.Type == FieldType.StringList));
                    break;
            }
        }

        _fields = [.. fields];
        if (_ticket < 0 || _at < 0)
        {
            var missing = _ticket < 0 ? TicketColumn : AtColumn;
            _headerError = new HistoryError(1, null, missing, $"{missing}: the header row has no '{missing}' column");
            return;
        }

        _open = true;
    }

    /// <inheritdoc/>
    public override HistoryError? FatalError => _headerError;

    /// <inheritdoc/>
    public override Predicate<string>? Keep { get; set; }

    public override bool Next(out HistoryRow? row, out HistoryError? error)
    {
        row = null;
        error = null;
        if (!_open || !_reader!.MoveNext())
        {
            return false;
        }

        var current = _reader.Current;
        var line = current.LineNumberFrom;
        if (current.ColCount != _columns)
        {
            if (current.ColCount == 1 && current.Span.Trim().IsEmpty)
            {
                return Next(out row, out error);
            }

            error = new HistoryError(line, null, null, $"the row has {current.ColCount} cells where the header row has {_columns}");
            return true;
        }

        var ticket = current[_ticket].ToString().Trim();
        if (ticket.Length == 0)
        {
            error = new HistoryError(line, null, TicketColumn, "ticket: the row does not say which ticket it changes");
            return true;
        }

        var atText = current[_at].ToString();
        if (atText.Length == 0)
        {
            error = new HistoryError(line, ticket, AtColumn, "at: the row does not say when the change happened");
            return true;
        }

        if (!HistoryInstant.TryParse(atText, out var at, out var why))
        {
            error = new HistoryError(line, ticket, AtColumn, $"at: {why}");
            return true;
        }

        if (Keep is { } keep && !keep(ticket))
        {
            row = new HistoryRow(line, ticket, at, null, [], Foreign: true);
            return true;
        }

        string? entryId = null;
        if (_id >= 0)
        {
            var text = current[_id].Span.Trim();
            entryId = text.IsEmpty ? null : text.ToString();
        }

        var changes = new List<KeyValuePair<string, RawValue>>(4);
        foreach (var (column, name, isList) in _fields)
        {
            var cell = current[column].Span;
            if (cell.IsEmpty)
            {
                continue;
            }

            changes.Add(new(name, isList ? ListOf(cell) : RawValue.Plain(cell.ToString())));
        }

        row = new HistoryRow(line, ticket, at, entryId, changes);
        return true;
    }

    private static RawValue ListOf(ReadOnlySpan<char> cell)
    {
        var items = new List<RawValue>();
        while (true)
        {
            var bar = cell.IndexOf(ListSeparator);
            var item = (bar < 0 ? cell : cell[..bar]).Trim();
            if (!item.IsEmpty)
            {
                items.Add(RawValue.String(item.ToString()));
            }

            if (bar < 0)
            {
                break;
            }

            cell = cell[(bar + 1)..];
        }

        return RawValue.List(items);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader?.Dispose();
        }
    }
}
