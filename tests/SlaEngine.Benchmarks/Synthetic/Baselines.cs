using System;
using System.Collections.Generic;
using System.Linq;

namespace SlaEngine.Benchmarks.Synthetic;

/// <summary>
/// The hand-written baselines built from the same rules: an array of delegates scanned in order, and the same
/// delegates in a dictionary keyed by category (the practical floor: what a developer would write by hand).
/// </summary>
internal sealed class Baselines
{
    private readonly Func<SyntheticEvent, bool>[] _linear;
    private readonly Dictionary<string, Func<SyntheticEvent, bool>[]> _byCategory;

    public Baselines(SyntheticRule[] rules)
    {
        _linear = [.. rules.Select(r => r.Delegate())];
        _byCategory = rules
            .Select((r, i) => (r.Category, Delegate: _linear[i]))
            .GroupBy(x => x.Category, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Delegate).ToArray(), StringComparer.Ordinal);
    }

    public int CountLinear(SyntheticEvent e)
    {
        var count = 0;
        foreach (var rule in _linear)
        {
            if (rule(e))
            {
                count++;
            }
        }

        return count;
    }

    public int FirstLinear(SyntheticEvent e)
    {
        for (var i = 0; i < _linear.Length; i++)
        {
            if (_linear[i](e))
            {
                return i;
            }
        }

        return -1;
    }

    public int CountIndexed(SyntheticEvent e)
    {
        var count = 0;
        if (_byCategory.TryGetValue(e.Category, out var rules))
        {
            foreach (var rule in rules)
            {
                if (rule(e))
                {
                    count++;
                }
            }
        }

        return count;
    }

    /// <summary>Returns whether any rule of the event's category matches (the position within the bucket is enough to find it).</summary>
    public int FirstIndexed(SyntheticEvent e)
    {
        if (_byCategory.TryGetValue(e.Category, out var rules))
        {
            for (var i = 0; i < rules.Length; i++)
            {
                if (rules[i](e))
                {
                    return i;
                }
            }
        }

        return -1;
    }
}
