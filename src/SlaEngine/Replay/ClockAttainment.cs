using System.Collections.Immutable;

namespace SlaEngine.Replay;

/// <summary>One clock's figures over a replayed history, in total and broken down.</summary>
public sealed class ClockAttainment
{
    internal ClockAttainment(string clock, AttainmentFigures total, ImmutableArray<AttainmentGroup> byOwner, ImmutableArray<AttainmentGroup> byWeek, ImmutableArray<FieldAttainment> byField)
    {
        Clock = clock;
        Total = total;
        ByOwner = byOwner;
        ByWeek = byWeek;
        ByField = byField;
    }

    /// <summary>The clock's name.</summary>
    public string Clock { get; }

    /// <summary>Every cycle of the clock.</summary>
    public AttainmentFigures Total { get; }

    /// <summary>By the owner team in force when each cycle ended (or at the report's instant while it runs); <c>none</c> for no owner.</summary>
    public ImmutableArray<AttainmentGroup> ByOwner { get; }

    /// <summary>By the ISO week of each cycle's start, in the zone of the target's calendar, oldest first: the trend.</summary>
    public ImmutableArray<AttainmentGroup> ByWeek { get; }

    /// <summary>By the values of the fields asked for, in the order asked.</summary>
    public ImmutableArray<FieldAttainment> ByField { get; }
}
