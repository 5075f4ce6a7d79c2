using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using NodaTime;

namespace SlaEngine.Replay;

/// <summary>
/// One replay: the calling thread reads the history and hands each row to the lane of its ticket (chosen by the
/// ticket's hash); each lane replays its tickets on its own thread and adds up its own figures; at the end the lanes'
/// figures are merged, exactly, as shards' are. A bounded queue per lane keeps memory flat whatever the file's size.
/// </summary>
internal sealed class Replayer
{
    private const int ProgressEvery = 1 << 14;
    private const int BatchSize = 512;
    private readonly ImmutableArray<Policy> _policies;
    private readonly SimulationOptions _options;
    private readonly ImmutableArray<string> _by;

    public Replayer(ImmutableArray<Policy> policies, SimulationOptions options, ImmutableArray<string> by)
    {
        _policies = policies;
        _options = options;
        _by = by;
    }

    public SimulationResult Run(HistoryReader reader)
    {
        if (reader.FatalError is { } fatal)
        {
            return new SimulationResult(null, fatal);
        }

        var shard = _options.Shard;
        if (shard is { Count: > 1 } part)
        {
            reader.Keep = part.Holds;
        }

        var count = _options.OnCycle is not null ? 1 : Math.Clamp(_options.Threads ?? Environment.ProcessorCount, 1, 64);
        var lanes = Enumerable.Range(0, count).Select(_ => new Lane(new TicketReplayer(_policies, _options, _by))).ToArray();
        var totals = NewBuilder();
        HistoryError? stop = null;
        Instant? last = null;
        long read = 0;
        try
        {
            while (reader.Next(out var row, out var error))
            {
                if (++read % ProgressEvery == 0)
                {
                    var done = lanes.Sum(l => l.Replayer.TicketsDone);
                    var open = lanes.Sum(l => l.Replayer.OpenTickets);
                    _options.OnProgress?.Invoke(new SimulationProgress(read, done, open));
                }

                if (row is not null)
                {
                    last = last is { } l && l >= row.At ? l : row.At;
                    if (row.Foreign || (shard is { } s && !s.Holds(row.Ticket)))
                    {
                        continue;
                    }

                    if (_options.At is { } at && row.At > at)
                    {
                        totals.RowsAfterAt++;
                        continue;
                    }

                    var hash = SimulationShard.Hash(row.Ticket);
                    lanes[(int)((hash >> 40) % (ulong)count)].Post(row, hash);
                    if (!_options.SkipBad && (read & 0xFF) == 0 && lanes.Any(l => l.Replayer.FirstError is not null))
                    {
                        break;
                    }

                    continue;
                }

                if (shard is { } sh && (error!.Ticket is { } ticket ? !sh.Holds(ticket) : sh.Index != 0))
                {
                    // A bad row is counted by the shard of its ticket (by shard 0 when its ticket cannot be read), so
                    // that merged shards count it once.
                    continue;
                }

                if (!_options.SkipBad)
                {
                    stop = error;
                    break;
                }

                totals.AddBadRow(error!);
            }
        }
        finally
        {
            var reportAt = _options.At ?? last ?? Instant.FromUnixTimeTicks(0);
            foreach (var lane in lanes)
            {
                lane.Complete(reportAt);
            }

            foreach (var lane in lanes)
            {
                lane.Join();
                lane.Dispose();
            }
        }

        // Every row before the first bad one was handed to a lane and replayed, so the smallest line is the first bad row.
        var first = lanes.Select(l => l.Replayer.FirstError).Append(stop).Where(e => e is not null).MinBy(e => e!.Line);
        if (first is not null)
        {
            return new SimulationResult(null, first);
        }

        var reportInstant = _options.At ?? last ?? Instant.FromUnixTimeTicks(0);
        foreach (var lane in lanes)
        {
            totals.Add(lane.Report!);
        }

        _options.OnProgress?.Invoke(new SimulationProgress(read, totals.Tickets, 0));
        return new SimulationResult(totals.Build(reportInstant, shard), null);
    }

    private ReportBuilder NewBuilder() => new(_policies.Select(p => (p.Id, p.Version, p.Clocks.Select(c => c.Name))), _by);

    /// <summary>A thread that replays the tickets handed to it, in the order their rows come.</summary>
    private sealed class Lane : IDisposable
    {
        private readonly BlockingCollection<List<(HistoryRow Row, ulong Hash)>> _queue = new(boundedCapacity: 32);
        private readonly Thread _thread;
        private List<(HistoryRow Row, ulong Hash)> _batch = new(BatchSize);
        private Instant _reportAt;
        private Exception? _fault;

        public Lane(TicketReplayer replayer)
        {
            Replayer = replayer;
            _thread = new Thread(Work) { IsBackground = true, Name = "slaengine replay" };
            _thread.Start();
        }

        public TicketReplayer Replayer { get; }

        public AttainmentReport? Report { get; private set; }

        public void Post(HistoryRow row, ulong hash)
        {
            _batch.Add((row, hash));
            if (_batch.Count == BatchSize)
            {
                _queue.Add(_batch);
                _batch = new List<(HistoryRow, ulong)>(BatchSize);
            }
        }

        public void Complete(Instant reportAt)
        {
            if (_batch.Count > 0)
            {
                _queue.Add(_batch);
                _batch = [];
            }

            _reportAt = reportAt;
            _queue.CompleteAdding();
        }

        public void Dispose() => _queue.Dispose();

        public void Join()
        {
            _thread.Join();
            if (_fault is not null)
            {
                throw new InvalidOperationException($"replaying a ticket failed: {_fault.Message}", _fault);
            }
        }

        private void Work()
        {
            try
            {
                foreach (var batch in _queue.GetConsumingEnumerable())
                {
                    foreach (var (row, hash) in batch)
                    {
                        Replayer.Apply(row, hash);
                    }
                }

                Report = Replayer.Finish(_reportAt);
            }
            catch (Exception ex)
            {
                _fault = ex;

                // Keep taking batches so the reading thread never blocks on a full queue.
                foreach (var _ in _queue.GetConsumingEnumerable())
                {
                }
            }
        }
    }
}
