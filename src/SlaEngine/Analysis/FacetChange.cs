namespace SlaEngine.Analysis;

/// <summary>One facet of a decision that two versions of a policy decide differently, in plain words.</summary>
public sealed class FacetChange
{
    internal FacetChange(string facet, string oldValue, string newValue)
    {
        Facet = facet;
        Old = oldValue;
        New = newValue;
    }

    /// <summary>The facet: <c>owner</c>, <c>approvers</c>, <c>consulted</c>, <c>informed</c>, <c>notice</c>, <c>targets.CLOCK</c> or <c>escalations.CLOCK</c>.</summary>
    public string Facet { get; }

    /// <summary>What the old version decides (<c>none</c> when it decides nothing).</summary>
    public string Old { get; }

    /// <summary>What the new version decides (<c>none</c> when it decides nothing).</summary>
    public string New { get; }

    /// <summary>Returns <c>facet: old → new</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Facet}: {Old} → {New}";
}
