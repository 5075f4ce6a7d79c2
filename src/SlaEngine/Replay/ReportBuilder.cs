using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace SlaEngine.Replay;

/// <summary>
/// Adds up the cycles of replayed tickets, or the figures of partial reports, into an <see cref="AttainmentReport"/>.
/// Every figure is a count or a maximum and every list is sorted, so the result does not depend on the order the
/// tickets or the parts came in.
/// </summary>
internal sealed class ReportBuilder
{
    private readonly PolicyFigures[] _policies;
    private readonly ImmutableArray<string> _by;
    private readonly List<HistoryError> _badRows = [];
    private readonly SortedSet<OutcomeDifference> _differences = new(DifferenceOrder.Instance);

    public ReportBuilder(IEnumerable<(string Id, string? Version, IEnumerable<string> Clocks)> policies, ImmutableArray<string> by)
    {
        _policies = [.. policies.Select(p => new PolicyFigures(p.Id, p.Version, p.Clocks))];
        _by = by;
    }

    public long Rows { get; set; }

    public long Tickets { get; set; }

    public long BadRows { get; set; }

    public long RowsAfterEnd { get; set; }

    public long RowsAfterAt { get; set; }

    public long DuplicateRows { get; set; }

    public long DifferenceCount { get; set; }

    public void AddBadRow(HistoryError error)
    {
        BadRows++;
        _badRows.Add(error);
        if (_badRows.Count > 4 * HistorySummary.ListedBadRows)
        {
            Trim();
        }
    }

    public void AddDifference(OutcomeDifference difference)
    {
        DifferenceCount++;
        _differences.Add(difference);
        if (_differences.Count > AttainmentReport.ListedDifferences)
        {
            _differences.Remove(_differences.Max!);
        }
    }

    public void AddCycle(int policy, in ReplayCycle cycle, double? ratio, string week)
    {
        var figures = _policies[policy].Clock(cycle.Clock);
        var owner = cycle.Owner ?? "none";
        figures.Total.Add(cycle.Outcome, ratio);
        ClockFigures.Group(figures.ByOwner, owner).Add(cycle.Outcome, ratio);
        ClockFigures.Group(figures.ByWeek, week).Add(cycle.Outcome, ratio);
        foreach (var field in _by)
        {
            var value = cycle.Fields.GetValue(field);
            var key = value switch
            {
                null => "none",
                bool b => b ? "true" : "false",
                _ => value.ToString() ?? "none",
            };
            ClockFigures.Group(figures.Field(field), key).Add(cycle.Outcome, ratio);
        }

        foreach (var step in cycle.Escalations)
        {
            foreach (var team in step.Notify)
            {
                _policies[policy].AddEscalation(team, cycle.Clock, 1);
            }
        }
    }

    /// <summary>Adds the figures of a partial report (a shard's).</summary>
    public void Add(AttainmentReport part)
    {
        Rows += part.History.Rows;
        Tickets += part.History.Tickets;
        BadRows += part.History.BadRows;
        _badRows.AddRange(part.History.FirstBadRows);
        Trim();
        RowsAfterEnd += part.History.RowsAfterEnd;
        RowsAfterAt += part.History.RowsAfterAt;
        DuplicateRows += part.History.DuplicateRows;
        DifferenceCount += part.DifferenceCount;
        foreach (var difference in part.Differences)
        {
            _differences.Add(difference);
            if (_differences.Count > AttainmentReport.ListedDifferences)
            {
                _differences.Remove(_differences.Max!);
            }
        }

        for (var p = 0; p < _policies.Length; p++)
        {
            var policy = _policies[p];
            foreach (var clock in part.Policies[p].Clocks)
            {
                var figures = policy.Clock(clock.Clock);
                figures.Total.Add(clock.Total);
                foreach (var group in clock.ByOwner)
                {
                    ClockFigures.Group(figures.ByOwner, group.Key).Add(group.Figures);
                }

                foreach (var group in clock.ByWeek)
                {
                    ClockFigures.Group(figures.ByWeek, group.Key).Add(group.Figures);
                }

                foreach (var field in clock.ByField)
                {
                    foreach (var group in field.Groups)
                    {
                        ClockFigures.Group(figures.Field(field.Field), group.Key).Add(group.Figures);
                    }
                }
            }

            foreach (var escalation in part.Policies[p].Escalations)
            {
                policy.AddEscalation(escalation.Team, escalation.Clock, escalation.Count);
            }
        }
    }

    public AttainmentReport Build(Instant at, SimulationShard? shard)
    {
        Trim();
        var history = new HistorySummary(Rows, Tickets, BadRows, [.. _badRows], RowsAfterEnd, RowsAfterAt, DuplicateRows);
        var policies = _policies.Select(p => p.Build(_by)).ToImmutableArray();
        return new AttainmentReport(at, shard, _by, history, policies, DifferenceCount, [.. _differences]);
    }

    private void Trim()
    {
        _badRows.Sort((a, b) => a.Line.CompareTo(b.Line));
        if (_badRows.Count > HistorySummary.ListedBadRows)
        {
            _badRows.RemoveRange(HistorySummary.ListedBadRows, _badRows.Count - HistorySummary.ListedBadRows);
        }
    }

    private static ImmutableArray<AttainmentGroup> Groups(Dictionary<string, FiguresAccumulator> groups) =>
        [.. groups.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new AttainmentGroup(g.Key, g.Value.Build()))];

    private sealed class PolicyFigures(string id, string? version, IEnumerable<string> clockOrder)
    {
        private readonly List<string> _order = [.. clockOrder];
        private readonly Dictionary<string, ClockFigures> _clocks = new(StringComparer.Ordinal);
        private readonly Dictionary<(string Team, string Clock), long> _escalations = [];

        public ClockFigures Clock(string name)
        {
            if (!_clocks.TryGetValue(name, out var figures))
            {
                figures = new ClockFigures();
                _clocks[name] = figures;
                if (!_order.Contains(name))
                {
                    _order.Add(name);
                }
            }

            return figures;
        }

        public void AddEscalation(string team, string clock, long count) =>
            _escalations[(team, clock)] = _escalations.GetValueOrDefault((team, clock)) + count;

        public PolicyAttainment Build(ImmutableArray<string> by)
        {
            var clocks = _order.ToList().Select(name =>
            {
                var f = Clock(name);
                var fields = by.Select(field => new FieldAttainment(field, Groups(f.Field(field)))).ToImmutableArray();
                return new ClockAttainment(name, f.Total.Build(), Groups(f.ByOwner), Groups(f.ByWeek), fields);
            }).ToImmutableArray();
            var escalations = _escalations
                .OrderBy(e => e.Key.Team, StringComparer.Ordinal)
                .ThenBy(e => e.Key.Clock, StringComparer.Ordinal)
                .Select(e => new EscalationCount(e.Key.Team, e.Key.Clock, e.Value))
                .ToImmutableArray();
            return new PolicyAttainment(id, version, clocks, escalations);
        }
    }

    private sealed class ClockFigures
    {
        public FiguresAccumulator Total { get; } = new();

        public Dictionary<string, FiguresAccumulator> ByOwner { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, FiguresAccumulator> ByWeek { get; } = new(StringComparer.Ordinal);

        private Dictionary<string, Dictionary<string, FiguresAccumulator>> ByField { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, FiguresAccumulator> Field(string field)
        {
            if (!ByField.TryGetValue(field, out var groups))
            {
                groups = new(StringComparer.Ordinal);
                ByField[field] = groups;
            }

            return groups;
        }

        public static FiguresAccumulator Group(Dictionary<string, FiguresAccumulator> groups, string key)
        {
            if (!groups.TryGetValue(key, out var figures))
            {
                figures = new FiguresAccumulator();
                groups[key] = figures;
            }

            return figures;
        }
    }

    private sealed class DifferenceOrder : IComparer<OutcomeDifference>
    {
        public static readonly DifferenceOrder Instance = new();

        public int Compare(OutcomeDifference? x, OutcomeDifference? y)
        {
            var c = string.CompareOrdinal(x!.Ticket, y!.Ticket);
            if (c == 0)
            {
                c = string.CompareOrdinal(x.Clock, y.Clock);
            }

            return c != 0 ? c : x.Cycle.CompareTo(y.Cycle);
        }
    }
}
