using System.Collections.Immutable;

namespace SlaEngine.Replay;

/// <summary>A clock's figures broken down by the values of one field (asked for with <c>--by</c>).</summary>
public sealed class FieldAttainment
{
    internal FieldAttainment(string field, ImmutableArray<AttainmentGroup> groups)
    {
        Field = field;
        Groups = groups;
    }

    /// <summary>The field's name.</summary>
    public string Field { get; }

    /// <summary>One group per value met, by value (ordinal order).</summary>
    public ImmutableArray<AttainmentGroup> Groups { get; }
}
