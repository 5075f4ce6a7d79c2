using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Loading;
using SlaEngine.Yaml;
using SlaEngine.Tracking;

namespace SlaEngine.Testing;

/// <content>The expectations of clock lifecycles: a clock's <c>cycle</c>, <c>cycles</c> and <c>elapsedByOwner</c>, and the ticket's <c>nextChangeAt</c> and <c>pending</c>.</content>
internal static partial class ExpectationReader
{
    private static readonly string[] CycleKeys = ["start", "end", "endedBy", "target", "elapsed", "breached"];
    private static readonly string[] PendingKeys = ["key", "clock", "cycle", "at", "due", "notify"];
    private static readonly string[] EndNames = ["stop", "cancel", "reset"];

    private sealed partial class Reader
    {
        public void NextChangeAt(YamlNode node, ImmutableArray<ExpectationCheck>.Builder checks)
        {
            if (!TryInstant(node, key, out var expected))
            {
                return;
            }

            Add(checks, key, location, (actual, into) =>
                CompareInstant(key, expected, actual.Status!.NextChangeAt, null, "null (nothing will change without a new entry)", into));
        }

        public void Pending(YamlNode node, ImmutableArray<ExpectationCheck>.Builder checks)
        {
            if (node is YamlScalar { IsNull: true })
            {
                Add(checks, key, location, (actual, into) => CountMismatch(key, 0, actual.Status!.Pending.Length, into));
                return;
            }

            if (MappingView.ExpectSequence(node, "'pending'", diagnostics) is not { } sequence)
            {
                return;
            }

            var items = new List<List<Action<PendingEscalation, List<PolicyTestMismatch>>>>();
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"pending[{i}]");
                if (MappingView.ExpectMapping(sequence.Items[i], $"'{path}'", diagnostics) is not { } item)
                {
                    return;
                }

                var view = new MappingView(item, $"'{path}'", PendingKeys, diagnostics);
                var compares = new List<Action<PendingEscalation, List<PolicyTestMismatch>>>();
                foreach (var (fieldKey, value) in item.Entries)
                {
                    var field = fieldKey.Value;
                    if (!view.Has(field))
                    {
                        continue;
                    }

                    var fieldPath = $"{path}.{field}";
                    switch (field)
                    {
                        case "key" or "clock" or "at":
                            if (Scalar(value, fieldPath) is { } text)
                            {
                                if (field == "clock")
                                {
                                    Refer(text.Value, fieldPath, text.Location);
                                }

                                compares.Add((step, into) =>
                                {
                                    var actualText = field == "key" ? step.Key : field == "clock" ? step.Clock : step.Point;
                                    if (actualText != text.Value)
                                    {
                                        into.Add(new PolicyTestMismatch(fieldPath, text.Value, actualText));
                                    }
                                });
                            }

                            break;
                        case "cycle":
                            if (TryCount(value, fieldPath, out var cycle))
                            {
                                compares.Add((step, into) => CountMismatch(fieldPath, cycle, step.Cycle, into));
                            }

                            break;
                        case "due":
                            if (TryInstant(value, fieldPath, out var due))
                            {
                                compares.Add((step, into) => CompareInstant(fieldPath, due, step.Due, null, "none", into));
                            }

                            break;
                        default:
                            if (Names(value, fieldPath) is { } notify)
                            {
                                compares.Add((step, into) => CompareSet(fieldPath, notify, step.Notify, into));
                            }

                            break;
                    }
                }

                items.Add(compares);
            }

            Add(checks, key, location, (actual, into) =>
            {
                var pending = actual.Status!.Pending;
                if (pending.Length != items.Count)
                {
                    into.Add(new PolicyTestMismatch(
                        string.Create(CultureInfo.InvariantCulture, $"pending (expected {items.Count} steps, got {pending.Length})"),
                        items.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture, $"{items.Count} steps"),
                        pending.IsEmpty ? "none" : string.Join("\n", pending.Select(p => $"{p.Key} {p.Point} due {TestValueText.Instant(p.Due, Offset.Zero, null)} notify {TestValueText.List(p.Notify)}"))));
                    return;
                }

                for (var i = 0; i < pending.Length; i++)
                {
                    foreach (var compare in items[i])
                    {
                        compare(pending[i], into);
                    }
                }
            });
        }

        /// <summary>A clock's <c>cycle</c>, <c>cycles</c> or <c>elapsedByOwner</c> expectation, or null when malformed (reported).</summary>
        private Action<ClockStatus, BusinessCalendar?, List<PolicyTestMismatch>>? LifecycleField(string field, string path, YamlNode value)
        {
            switch (field)
            {
                case "cycle":
                    return TryCount(value, path, out var cycle) ? (status, _, into) => CountMismatch(path, cycle, status.Cycle, into) : null;
                case "elapsedByOwner":
                {
                    if (MappingView.ExpectMapping(value, $"'{path}'", diagnostics) is not { } mapping)
                    {
                        return null;
                    }

                    var expected = new Dictionary<string, Duration>(StringComparer.Ordinal);
                    foreach (var (team, amount) in mapping.Entries)
                    {
                        if (!TryDuration(amount, $"{path}.{team.Value}", out var d))
                        {
                            return null;
                        }

                        expected[team.Value] = d;
                    }

                    return (status, _, into) =>
                    {
                        var actual = status.ElapsedByOwner.ToDictionary(o => o.Owner ?? LifecycleText.NoOwner, o => o.Elapsed, StringComparer.Ordinal);
                        if (actual.Count != expected.Count || expected.Any(e => !actual.TryGetValue(e.Key, out var a) || a != e.Value))
                        {
                            into.Add(new PolicyTestMismatch(path, OwnerText(expected), OwnerText(actual)));
                        }
                    };
                }

                default:
                    return Cycles(path, value);
            }
        }

        private Action<ClockStatus, BusinessCalendar?, List<PolicyTestMismatch>>? Cycles(string path, YamlNode value)
        {
            if (MappingView.ExpectSequence(value, $"'{path}'", diagnostics) is not { } sequence)
            {
                return null;
            }

            var items = new List<List<Action<ClockCycle, BusinessCalendar?, List<PolicyTestMismatch>>>>();
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
                if (MappingView.ExpectMapping(sequence.Items[i], $"'{itemPath}'", diagnostics) is not { } item)
                {
                    return null;
                }

                var view = new MappingView(item, $"'{itemPath}'", CycleKeys, diagnostics);
                var compares = new List<Action<ClockCycle, BusinessCalendar?, List<PolicyTestMismatch>>>();
                foreach (var (fieldKey, fieldValue) in item.Entries)
                {
                    var field = fieldKey.Value;
                    if (!view.Has(field))
                    {
                        continue;
                    }

                    var fieldPath = $"{itemPath}.{field}";
                    switch (field)
                    {
                        case "start" or "end":
                            if (TryInstant(fieldValue, fieldPath, out var instant))
                            {
                                compares.Add((cycle, calendar, into) => CompareInstant(fieldPath, instant, field == "start" ? cycle.Start : cycle.End, calendar, "none", into));
                            }

                            break;
                        case "endedBy":
                            if (Scalar(fieldValue, fieldPath) is { } end)
                            {
                                if (!EndNames.Contains(end.Value))
                                {
                                    Invalid(end.Location, $"'{fieldPath}' must be stop, cancel or reset, not '{YamlTreeReader.Shorten(end.Value)}'");
                                    break;
                                }

                                compares.Add((cycle, _, into) =>
                                {
                                    if (LifecycleText.End(cycle.EndedBy) != end.Value)
                                    {
                                        into.Add(new PolicyTestMismatch(fieldPath, end.Value, LifecycleText.End(cycle.EndedBy)));
                                    }
                                });
                            }

                            break;
                        case "target" or "elapsed":
                            if (TryDuration(fieldValue, fieldPath, out var amount))
                            {
                                compares.Add((cycle, _, into) =>
                                {
                                    var actualAmount = field == "target" ? cycle.Target : cycle.Elapsed;
                                    if (actualAmount != amount)
                                    {
                                        into.Add(new PolicyTestMismatch(fieldPath, TestValueText.Duration(amount), actualAmount is { } a ? TestValueText.Duration(a) : "none (no target)"));
                                    }
                                });
                            }

                            break;
                        default:
                            if (TryBool(fieldValue, fieldPath, out var breached))
                            {
                                compares.Add((cycle, _, into) =>
                                {
                                    if (cycle.Breached != breached)
                                    {
                                        into.Add(new PolicyTestMismatch(fieldPath, breached ? "true" : "false", cycle.Breached ? "true" : "false"));
                                    }
                                });
                            }

                            break;
                    }
                }

                items.Add(compares);
            }

            return (status, calendar, into) =>
            {
                var cycles = status.Cycles;
                if (cycles.Length != items.Count)
                {
                    into.Add(new PolicyTestMismatch(
                        string.Create(CultureInfo.InvariantCulture, $"{path} (expected {items.Count} ended cycles, got {cycles.Length})"),
                        items.Count == 0 ? "none" : string.Create(CultureInfo.InvariantCulture, $"{items.Count} cycles"),
                        cycles.IsEmpty ? "none" : string.Join("\n", cycles.Select(c => $"{TestValueText.Instant(c.Start, Offset.Zero, null)} to {TestValueText.Instant(c.End, Offset.Zero, null)} ended by {LifecycleText.End(c.EndedBy)}, elapsed {TestValueText.Duration(c.Elapsed)}"))));
                    return;
                }

                for (var i = 0; i < cycles.Length; i++)
                {
                    foreach (var compare in items[i])
                    {
                        compare(cycles[i], calendar, into);
                    }
                }
            };
        }

        private bool TryCount(YamlNode node, string path, out int value)
        {
            value = 0;
            if (Scalar(node, path) is not { } s)
            {
                return false;
            }

            if (s.IsPlain && int.TryParse(s.Value, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            {
                return true;
            }

            Invalid(s.Location, $"'{path}' must be a whole number (0 or more), not '{YamlTreeReader.Shorten(s.Value)}'");
            return false;
        }

        private static void CountMismatch(string path, int expected, int actual, List<PolicyTestMismatch> into)
        {
            if (expected != actual)
            {
                into.Add(new PolicyTestMismatch(path, expected.ToString(CultureInfo.InvariantCulture), actual.ToString(CultureInfo.InvariantCulture)));
            }
        }

        private static string OwnerText(Dictionary<string, Duration> owners) =>
            owners.Count == 0 ? "none" : string.Join(", ", owners.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}: {TestValueText.Duration(o.Value)}"));
    }
}
