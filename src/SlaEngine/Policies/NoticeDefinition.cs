using System.Collections.Immutable;
using SlaEngine.Calendars;
using SlaEngine.Events;

namespace SlaEngine.Policies;

/// <summary>A notice requirement: the <see cref="To"/> teams must be told at least <see cref="AtLeast"/> before the instant in <see cref="Before"/>.</summary>
/// <param name="To">Who must be given notice.</param>
/// <param name="Before">The instant field the notice is counted back from (such as <c>scheduledStart</c>).</param>
/// <param name="AtLeast">How much notice, in open time or business days.</param>
/// <param name="Calendar">The calendar the notice is counted on (default: the first recipient's).</param>
public sealed record NoticeDefinition(ImmutableArray<Team> To, FieldDefinition Before, SlaAmount AtLeast, BusinessCalendar Calendar)
{
    /// <summary>When this holds on the event, no notice is owed (<c>unless: emergency</c>); the rule still decides the notice facet. Null: always owed.</summary>
    public SlaEngine.Expressions.Condition? Unless { get; internal init; }
}
