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

        // The lists are in policy order: merge them lazily (the caller stops after a few blockers, and a big policy
        // has tens of thousands of rules above), dropping the rules listed under several of the values.
        var (byValue, free) = _byField[best];
        var lists = new List<List<int>> { free };
        foreach (var value in _hints[i].Sets[best])
        {
            if (byValue.TryGetValue(value, out var list))
            {
                lists.Add(list);
            }
        }

        var heads = new PriorityQueue<(int List, int Position), int>();
        for (var k = 0; k < lists.Count; k++)
        {
            if (lists[k].Count > 0 && lists[k][0] < i)
            {
                heads.Enqueue((k, 0), lists[k][0]);
            }
        }

        var last = -1;
        while (heads.TryDequeue(out var head, out var j))
        {
            if (j != last)
            {
                yield return j;
                last = j;
            }

            var next = head.Position + 1;
            var from = lists[head.List];
            if (next < from.Count && from[next] < i)
            {
                heads.Enqueue((head.List, next), from[next]);
            }
        }
    }
}
