using System.Collections.Immutable;
using SlaEngine.Calendars;
using SlaEngine.Events;

namespace SlaEngine.Policies;

/// <summary>A notice requirement: the <see cref="To"/> teams must be told at least <see cref="AtLeast"/> before the instant in <see cref="Before"/>.</summary>
public sealed record NoticeDefinition
{
    internal NoticeDefinition(ImmutableArray<Team> to, FieldDefinition before, SlaAmount atLeast, BusinessCalendar calendar)
    {
        To = to;
        Before = before;
        AtLeast = atLeast;
        Calendar = calendar;
    }

    /// <summary>Who must be given notice.</summary>
    public ImmutableArray<Team> To { get; }

    /// <summary>The instant field the notice is counted back from (such as <c>scheduledStart</c>).</summary>
    public FieldDefinition Before { get; }

    /// <summary>How much notice, in open time or business days.</summary>
    public SlaAmount AtLeast { get; }

    /// <summary>The calendar the notice is counted on (default: the first recipient's).</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>When this holds on the event, no notice is owed (<c>unless: emergency</c>); the rule still decides the notice facet. Null: always owed.</summary>
    public SlaEngine.Expressions.Condition? Unless { get; internal init; }
}
