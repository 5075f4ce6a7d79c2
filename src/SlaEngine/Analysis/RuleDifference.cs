using System.Collections.Generic;
using System.Collections.Immutable;

namespace SlaEngine.Analysis;

/// <summary>
/// A class of events (possibly the union of several that differ the same way) that the two versions' rules decide
/// differently: the condition that describes it, the facets that change, and a checked witness event.
/// </summary>
public sealed class RuleDifference
{
    internal RuleDifference(string condition, ImmutableArray<FacetChange> changes, int classCount, DiffWitness? witness, ClassMembership membership)
    {
        Membership = membership;
        Condition = condition;
        Changes = changes;
        ClassCount = classCount;
        Witness = witness;
    }

    /// <summary>The events concerned, in plain words (<c>category in [routing, queue] and emergency</c>; <c>every event</c>).</summary>
    public string Condition { get; }

    /// <summary>The facets that change, in a fixed order (owner, approvers, consulted, informed, targets, escalations, notice).</summary>
    public ImmutableArray<FacetChange> Changes { get; }

    /// <summary>How many classes of the split were merged into this difference.</summary>
    public int ClassCount { get; }

    /// <summary>
    /// A witness event whose decisions under both versions differ in <see cref="Changes"/>; null when none could be
    /// built (a class that depends on string functions or <c>open()</c> no tried value satisfies): such a difference
    /// is possible but not confirmed, and does not make the versions different on its own.
    /// </summary>
    public DiffWitness? Witness { get; }

    /// <summary>Tells which events belong to the classes of this difference.</summary>
    internal ClassMembership Membership { get; }

    /// <summary>Whether the difference is confirmed by a witness event.</summary>
    public bool IsConfirmed => Witness is not null;
}
