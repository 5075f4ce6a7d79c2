using System;
using System.Collections.Generic;

namespace SlaEngine.Analysis;

/// <summary>Each rule's facets as small numbers, in the order of its facet set, for <see cref="ShadowProof.Decides"/>'s inner loops.</summary>
internal sealed class FacetSets
{
    private readonly bool[][] _sets;

    public FacetSets(HashSet<string>[] facets)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        Of = new int[facets.Length][];
        for (var i = 0; i < facets.Length; i++)
        {
            Of[i] = new int[facets[i].Count];
            var k = 0;
            foreach (var facet in facets[i])
            {
                if (!ids.TryGetValue(facet, out var id))
                {
                    id = ids.Count;
                    ids.Add(facet, id);
                }

                Of[i][k++] = id;
            }
        }

        _sets = new bool[facets.Length][];
        for (var i = 0; i < facets.Length; i++)
        {
            _sets[i] = new bool[ids.Count];
            foreach (var id in Of[i])
            {
                _sets[i][id] = true;
            }
        }
    }

    /// <summary>Rule i's facets, in the order its facet set enumerates them.</summary>
    public int[][] Of { get; }

    /// <summary>Whether rule <paramref name="rule"/> sets the facet numbered <paramref name="facet"/>.</summary>
    public bool Sets(int rule, int facet) => _sets[rule][facet];
}
