using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using NodaTime;
using NodaTime.Calendars;
using SlaEngine.Events;
using SlaEngine.Tracking;

namespace SlaEngine.Replay;

/// <summary>
/// Replays the rows of some tickets, in the order they come, under one or two policies, and adds up their cycles.
/// A ticket is held from its first row until all its clocks have ended for good (then its figures are added and it is
/// dropped) or until <see cref="Finish(Instant)"/>. Used by one thread at a time.
/// </summary>
internal sealed class TicketReplayer
{
    private readonly ImmutableArray<Policy> _policies;
    private readonly SimulationOptions _options;
    private readonly ReportBuilder _report;
    private readonly Dictionary<string, OpenTicket> _open = new(StringComparer.Ordinal);
    private readonly HashSet<ulong> _ended = [];
    private readonly List<ReplayCycle>[] _cycles;
    private readonly Dictionary<(DateTimeZone, LocalDate), string> _weeks = [];
    private readonly Ticket[] _scratch;
    private long _ticketsDone;
    private int _openCount;

    public TicketReplayer(ImmutableArray<Policy> policies, SimulationOptions options, ImmutableArray<string> by)
    {
        _policies = policies;
        _options = options;
        _report = new ReportBuilder(policies.Select(p => (p.Id, p.Version, p.Clocks.Select(c => c.Name))), by);
        _cycles = [.. policies.Select(_ => new List<ReplayCycle>())];
        _scratch = new Ticket[policies.Length];
    }

    /// <summary>The first bad row met without <see cref="SimulationOptions.SkipBad"/> (rows after it are passed over).</summary>
    public HistoryError? FirstError { get; private set; }

    /// <summary>Tickets whose figures are added up (read from another thread, for progress).</summary>
    public long TicketsDone => Interlocked.Read(ref _ticketsDone);

    /// <summary>Tickets held in memory (read from another thread, for progress).</summary>
    public int OpenTickets => Volatile.Read(ref _openCount);

    public void Apply(HistoryRow row, ulong hash)
    {
        if (FirstError is not null)
        {
            return;
        }

        if (ApplyRow(row, hash) is { } error)
        {
            if (_options.SkipBad)
            {
                _report.AddBadRow(error);
            }
            else
            {
                FirstError = error;
            }
        }

        Volatile.Write(ref _openCount, _open.Count);
    }

    /// <summary>Adds up the tickets still open, as they stand at <paramref name="at"/>, and returns the figures.</summary>
    public AttainmentReport Finish(Instant at)
    {
        if (FirstError is null)
        {
            foreach (var open in _open.Values.OrderBy(o => o.FirstLine))
            {
                Finish(open, at);
            }
        }

        _open.Clear();
        return _report.Build(at, null);
    }

    private HistoryError? ApplyRow(HistoryRow row, ulong hash)
    {
        if (_open.TryGetValue(row.Ticket, out var open))
        {
            if (row.EntryId is { } id && !open.EntryIds.Add(id))
            {
                _report.DuplicateRows++;
                return null;
            }

            for (var p = 0; p < _policies.Length; p++)
            {
                try
                {
                    _scratch[p] = open.Tickets[p].Append(new TimelineEntry(row.EntryId, row.At, [.. row.Changes]));
                }
                catch (TimelineException ex)
                {
                    if (row.EntryId is { } added)
                    {
                        open.EntryIds.Remove(added);
                    }

                    return Refused(row, p, ex);
                }
            }

            Array.Copy(_scratch, open.Tickets, _scratch.Length);
            open.LastAt = row.At;
            _report.Rows++;
        }
        else if (_ended.Contains(hash))
        {
            // It cannot change a figure, but a bad value in it is still a bad row.
            if (Validate(row) is { } error)
            {
                return error;
            }

            _report.RowsAfterEnd++;
            return null;
        }
        else
        {
            var tickets = new Ticket[_policies.Length];
            var values = new List<KeyValuePair<string, RawValue>>(row.Changes.Count + 2)
            {
                new(EventSchema.SubmittedAtField, RawValue.Object(row.At)),
                new(EventSchema.IdField, RawValue.String(row.Ticket)),
            };
            values.AddRange(row.Changes);
            for (var p = 0; p < _policies.Length; p++)
            {
                var read = EventReader.Read(_policies[p].Schema, values, _options.SourceName ?? "<history>");
                if (read.Event is null)
                {
                    var first = read.Errors[0];
                    return new HistoryError(row.Line, row.Ticket, first.Location.Path, Under(p, $"the ticket's first row (its submission): {first.Message}"));
                }

                tickets[p] = _policies[p].Track(read.Event);
            }

            open = new OpenTicket(row.Ticket, row.Line, tickets, row.At);
            if (row.EntryId is { } id)
            {
                open.EntryIds.Add(id);
            }

            _open.Add(row.Ticket, open);
            _report.Rows++;
            _report.Tickets++;
        }

        if (open.Tickets.All(TicketCycles.IsFinal))
        {
            _open.Remove(row.Ticket);
            _ended.Add(hash);
            Finish(open, _options.At ?? open.LastAt);
        }

        return null;
    }

    /// <summary>Checks a row's values against each policy's fields without applying them.</summary>
    private HistoryError? Validate(HistoryRow row)
    {
        for (var p = 0; p < _policies.Length; p++)
        {
            var schema = _policies[p].Schema;
            foreach (var (name, raw) in row.Changes)
            {
                var field = schema.Find(name);
                if (field is null)
                {
                    continue;
                }

                var message = raw.Kind == RawKind.Null
                    ? field.IsRequired ? "the field is required and may not be cleared" : null
                    : EventReader.Convert(field, schema, raw, out _);
                if (message is not null)
                {
                    return new HistoryError(row.Line, row.Ticket, name, Under(p, $"{name}: {message}"));
                }
            }
        }

        return null;
    }

    private HistoryError Refused(HistoryRow row, int policy, TimelineException ex)
    {
        if (ex.Errors.IsDefaultOrEmpty)
        {
            return new HistoryError(row.Line, row.Ticket, HistoryReader.AtColumn, Under(policy, $"at: the row is earlier than the ticket's previous row; a ticket's rows must be in time order"));
        }

        var first = ex.Errors[0];
        return new HistoryError(row.Line, row.Ticket, first.Location.Path, Under(policy, first.Message));
    }

    private string Under(int policy, string message) =>
        policy == 0 ? message : $"{message} (under the compared policy {_policies[policy].Id})";

    private void Finish(OpenTicket open, Instant at)
    {
        for (var p = 0; p < _policies.Length; p++)
        {
            var cycles = _cycles[p];
            cycles.Clear();
            TicketCycles.Collect(open.Tickets[p], at, cycles);
            foreach (var cycle in cycles)
            {
                double? ratio = cycle.HasEnded && cycle.Outcome != CycleOutcome.Cancelled && cycle.Target > Duration.Zero
                    ? cycle.Elapsed.BclCompatibleTicks / (double)cycle.Target.BclCompatibleTicks
                    : null;
                _report.AddCycle(p, cycle, ratio, WeekOf(cycle));
                _options.OnCycle?.Invoke(new CycleRecord(_policies[p].Id, open.Id, cycle.Clock, cycle.Number, cycle.Owner, cycle.Start, cycle.End, cycle.Target, cycle.Elapsed, cycle.Outcome));
            }
        }

        if (_policies.Length > 1)
        {
            Compare(open.Id, _cycles[0], _cycles[1]);
        }

        Interlocked.Increment(ref _ticketsDone);
    }

    private void Compare(string ticket, List<ReplayCycle> first, List<ReplayCycle> other)
    {
        foreach (var a in first)
        {
            var b = Find(other, a.Clock, a.Number);
            if (b is null || b.Value.Outcome != a.Outcome || b.Value.Owner != a.Owner)
            {
                _report.AddDifference(new OutcomeDifference(ticket, a.Clock, a.Number, a.Owner, a.Outcome, b?.Owner, b?.Outcome));
            }
        }

        foreach (var b in other)
        {
            if (Find(first, b.Clock, b.Number) is null)
            {
                _report.AddDifference(new OutcomeDifference(ticket, b.Clock, b.Number, null, null, b.Owner, b.Outcome));
            }
        }
    }

    private static ReplayCycle? Find(List<ReplayCycle> cycles, string clock, int number)
    {
        foreach (var c in cycles)
        {
            if (c.Number == number && c.Clock == clock)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>The ISO week (<c>2026-W48</c>) of the cycle's start, in its target calendar's zone.</summary>
    private string WeekOf(in ReplayCycle cycle)
    {
        var zone = cycle.Calendar.Zone;
        var date = cycle.Start.InZone(zone).Date;
        if (!_weeks.TryGetValue((zone, date), out var week))
        {
            var rules = WeekYearRules.Iso;
            week = string.Create(CultureInfo.InvariantCulture, $"{rules.GetWeekYear(date):D4}-W{rules.GetWeekOfWeekYear(date):D2}");
            _weeks[(zone, date)] = week;
        }

        return week;
    }

    private sealed class OpenTicket(string id, long firstLine, Ticket[] tickets, Instant lastAt)
    {
        public string Id { get; } = id;

        public long FirstLine { get; } = firstLine;

        public Ticket[] Tickets { get; } = tickets;

        public Instant LastAt { get; set; } = lastAt;

        public HashSet<string> EntryIds { get; } = new(StringComparer.Ordinal);
    }
}
