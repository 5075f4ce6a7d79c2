using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using SlaEngine.Events;

namespace SlaEngine.Analysis;

/// <summary>
/// Merges classes that differ the same way into as few conjunctions as it can (two that differ in one variable only
/// become one over the union of its values; a variable over all its values drops out) and words them plainly:
/// <c>category in [routing, queue] and emergency</c>.
/// </summary>
internal static class ClassDescriber
{
    /// <summary>At most this many conjunctions are worded; the rest are counted.</summary>
    public const int MaxTerms = 4;

    /// <summary>Above this many classes in one group, they are not merged (the wording counts them).</summary>
    private const int MaxMerge = 5_000;

    public static List<HashSet<int>?[]> Merge(DiffSpace space, IEnumerable<int[]> assignments)
    {
        var cubes = assignments.Select(a => a.Select(v => v < 0 ? null : new HashSet<int> { v }).ToArray()).ToList();
        if (cubes.Count > MaxMerge)
        {
            return cubes;
        }

        var changed = true;
        while (changed)
        {
            changed = false;
            for (var v = 0; v < space.Variables.Length; v++)
            {
                var buckets = new Dictionary<string, HashSet<int>?[]>(StringComparer.Ordinal);
                var order = new List<string>();
                foreach (var cube in cubes)
                {
                    var key = Key(cube, v);
                    if (buckets.TryGetValue(key, out var existing))
                    {
                        changed = true;
                        existing[v] = existing[v] is null || cube[v] is null ? null : [.. existing[v]!, .. cube[v]!];
                        if (existing[v] is { } set && set.Count == space.Variables[v].Values.Length)
                        {
                            existing[v] = null;
                        }
                    }
                    else
                    {
                        buckets[key] = (HashSet<int>?[])cube.Clone();
                        order.Add(key);
                    }
                }

                cubes = [.. order.Select(k => buckets[k])];
            }
        }

        return cubes;
    }

    public static string Describe(DiffSpace space, List<HashSet<int>?[]> cubes)
    {
        var terms = cubes.Take(MaxTerms).Select(c => Term(space, c)).ToList();
        if (terms.Contains("every event", StringComparer.Ordinal))
        {
            return "every event";
        }

        var text = string.Join(" or ", terms.Select(t => cubes.Count > 1 && t.Contains(" and ", StringComparison.Ordinal) ? "(" + t + ")" : t));
        return cubes.Count > MaxTerms ? text + $" or {cubes.Count - MaxTerms} more class(es)" : text;
    }

    private static string Key(HashSet<int>?[] cube, int skip)
    {
        var parts = new string[cube.Length];
        for (var i = 0; i < cube.Length; i++)
        {
            parts[i] = i == skip ? "_" : cube[i] is { } set ? string.Join(',', set.Order()) : "*";
        }

        return string.Join('|', parts);
    }

    private static string Term(DiffSpace space, HashSet<int>?[] cube)
    {
        // Fields in the order the newer version declares them (category before priority), unknowns last.
        var parts = Enumerable.Range(0, cube.Length)
            .Where(v => cube[v] is not null)
            .OrderBy(v => Position(space, space.Variables[v]))
            .Select(v => Phrase(space.Variables[v], cube[v]!))
            .ToList();

        return parts.Count == 0 ? "every event" : string.Join(" and ", parts);
    }

    private static int Position(DiffSpace space, DiffVariable v)
    {
        if (v.IsOpaque)
        {
            return int.MaxValue;
        }

        var schema = space.Policies[v.Fields[1] is null ? 0 : 1].Schema;
        return schema.Fields.IndexOf(schema.Find(v.Name)!);
    }

    private static string Phrase(DiffVariable v, HashSet<int> set)
    {
        if (v.IsOpaque)
        {
            return set.Contains(1) ? v.Name : "not " + v.Name;
        }

        var members = set.Order().SelectMany(i => v.Members[i]).ToList();
        var given = members.Where(m => m.Given).ToList();
        // "Not given" is worth saying only where it means absent; with a default it is that default.
        var notGiven = members.Any(m => !m.Given) && (given.Count == 0 || v.Fields.Any(f => f is { HasDefault: false }));
        var all = v.Members.SelectMany(m => m).Where(m => m.Given).ToList();
        string? phrase;
        switch (v.Type)
        {
            case FieldType.Bool:
                phrase = given.Count == 2 ? null : given.Count == 1 ? ((bool)given[0].Value! ? v.Name : "not " + v.Name) : null;
                break;
            case FieldType.Int:
                phrase = Ranges(v, set);
                break;
            case FieldType.Instant or FieldType.StringList:
                phrase = given.Count > 0 ? $"{v.Name} given" : null;
                break;
            default:
            {
                if (given.Count == 0)
                {
                    phrase = null;
                    break;
                }

                var texts = given.Select(DiffSpace.Text).ToList();
                if (v.Type == FieldType.String)
                {
                    // The last candidate stands for every text equal to no constant.
                    var otherText = v.OtherText ?? "";
                    var constants = all.Select(DiffSpace.Text).Where(t => t != otherText).ToList();
                    if (texts.Contains(otherText, StringComparer.Ordinal))
                    {
                        var excluded = constants.Except(texts, StringComparer.Ordinal).ToList();
                        phrase = excluded.Count == 0 ? null : $"{v.Name} not in [{string.Join(", ", excluded.Select(Quote))}]";
                    }
                    else
                    {
                        phrase = texts.Count == 1 ? $"{v.Name} == {Quote(texts[0])}" : $"{v.Name} in [{string.Join(", ", texts.Select(Quote))}]";
                    }

                    break;
                }

                var complement = all.Select(DiffSpace.Text).Except(texts, StringComparer.Ordinal).ToList();
                phrase = complement.Count == 0 ? null
                    : texts.Count == 1 ? $"{v.Name} = {texts[0]}"
                    : complement.Count < texts.Count ? $"{v.Name} not in [{string.Join(", ", complement)}]"
                    : $"{v.Name} in [{string.Join(", ", texts)}]";
                break;
            }
        }

        if (notGiven && phrase is not null && given.Count > 0)
        {
            return $"({phrase} or {v.Name} not given)";
        }

        return notGiven && given.Count == 0 ? $"{v.Name} not given" : phrase ?? $"{v.Name} given";
    }

    private static string Quote(string text) => "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string? Ranges(DiffVariable v, HashSet<int> set)
    {
        var ranges = new List<(long Low, long High)>();
        foreach (var r in v.Ranges ?? [])
        {
            if (!set.Contains(r.Class))
            {
                continue;
            }

            if (ranges.Count > 0 && ranges[^1].High != long.MaxValue && ranges[^1].High + 1 == r.Low)
            {
                ranges[^1] = (ranges[^1].Low, r.High);
            }
            else
            {
                ranges.Add((r.Low, r.High));
            }
        }

        if (ranges.Count == 0)
        {
            return null;
        }

        if (ranges is [(long.MinValue, long.MaxValue)])
        {
            return null;
        }

        var parts = ranges.Select(r => r switch
        {
            (long.MinValue, var h) => $"{v.Name} <= {N(h)}",
            (var l, long.MaxValue) => $"{v.Name} >= {N(l)}",
            var (l, h) when l == h => $"{v.Name} == {N(l)}",
            var (l, h) => $"{v.Name} in {N(l)}..{N(h)}",
        }).ToList();
        return parts.Count == 1 ? parts[0] : "(" + string.Join(" or ", parts) + ")";

        static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
    }
}
