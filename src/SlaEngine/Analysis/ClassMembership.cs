using System;
using System.Collections.Generic;
using System.Linq;
using SlaEngine.Events;

namespace SlaEngine.Analysis;

/// <summary>
/// The classes of a difference as sets of values per variable, to tell whether an event belongs to them. An unknown
/// (a string function, <c>open()</c>) is not decided from the event's values, so it counts as matching: the answer is
/// exact for events whose class depends on field tests only.
/// </summary>
internal sealed class ClassMembership(DiffSpace space, List<HashSet<int>?[]> cubes)
{
    /// <summary>Whether an event, given as field name → value (strings for enums and teams; absent when not given), is in one of the classes.</summary>
    public bool Contains(IReadOnlyDictionary<string, object?> values) =>
        cubes.Any(cube => cube.Select((set, v) => set is null || ClassOf(space.Variables[v], values) is var c && (c < 0 || set.Contains(c))).All(x => x));

    private static int ClassOf(DiffVariable v, IReadOnlyDictionary<string, object?> values)
    {
        if (v.IsOpaque)
        {
            return -1;
        }

        var given = values.TryGetValue(v.Name, out var raw) && raw is not null;
        var value = !given ? EventValue.NotGiven : new EventValue(true, raw switch
        {
            int i => (long)i,
            _ when v.Type is FieldType.Instant or FieldType.StringList => null,
            _ => raw,
        });
        if (given && v.Type == FieldType.Int && v.Ranges is { } ranges)
        {
            var n = (long)value.Value!;
            return ranges.First(r => r.Low <= n && n <= r.High).Class;
        }

        for (var i = 0; i < v.Members.Length; i++)
        {
            if (v.Members[i].Contains(value))
            {
                return i;
            }
        }

        if (given && v.Type == FieldType.String)
        {
            var other = new EventValue(true, v.OtherText);
            return Array.FindIndex(v.Members, m => m.Contains(other));
        }

        return -1;
    }
}
