using System;
using System.Collections.Generic;
using System.Linq;

namespace SlaEngine.Analysis;

/// <summary>Finds, for a rule, the rules above it whose hints do not rule out matching together, without looking at every pair.</summary>
internal sealed class RuleHintIndex
{
    private readonly RuleHint[] _hints;
    private readonly Dictionary<string, (Dictionary<RuleHint.Value, List<int>> ByValue, List<int> Free)> _byField = new(StringComparer.Ordinal);

    public RuleHintIndex(RuleHint[] hints, int count)
    {
        _hints = hints;
        foreach (var field in hints.SelectMany(h => h.Sets.Keys).Distinct(StringComparer.Ordinal))
        {
            var byValue = new Dictionary<RuleHint.Value, List<int>>();
            var free = new List<int>();
            for (var j = 0; j < count; j++)
            {
                if (!hints[j].Sets.TryGetValue(field, out var set))
                {
                    free.Add(j);
                    continue;
                }

                foreach (var value in set)
                {
                    if (!byValue.TryGetValue(value, out var list))
                    {
                        byValue[value] = list = [];
                    }

                    list.Add(j);
                }
            }

            _byField.Add(field, (byValue, free));
        }
    }

    /// <summary>The rules above <paramref name="i"/> that may match with it, top to bottom.</summary>
    public IEnumerable<int> CandidatesAbove(int i)
    {
        var best = _hints[i].Sets.OrderBy(kv => kv.Value.Count).Select(kv => kv.Key).FirstOrDefault();
        if (best is null)
        {
            for (var j = 0; j < i; j++)
            {
                yield return j;
            }

            yield break;
        }

        var (byValue, free) = _byField[best];
        var found = new SortedSet<int>();
        foreach (var value in _hints[i].Sets[best])
        {
            if (byValue.TryGetValue(value, out var list))
            {
                found.UnionWith(list.TakeWhile(j => j < i));
            }
        }

        found.UnionWith(free.TakeWhile(j => j < i));
        foreach (var j in found)
        {
            yield return j;
        }
    }
}
