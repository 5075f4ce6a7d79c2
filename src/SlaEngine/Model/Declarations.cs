using System.Collections.Generic;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Expressions;

namespace SlaEngine.Model;

// The plain declared shapes of a policy file, exactly as written, each with the position it came from.
// The loader fills them; the compiler turns them into a Policy. Nothing here knows about evaluation.

/// <summary>
/// An expression as written (<c>when</c>, <c>unless</c>, <c>pauseWhen</c>, <c>stopWhen</c>, …), with where it starts and
/// the map from offsets in its text to positions in the file (quoted and folded scalars included).
/// </summary>
internal sealed record ExpressionDecl(string Text, SourceLocation Location, IPositionMap Map);

/// <summary>One interval of opening hours as written: it starts on a date; an end not after the start runs into the next day.</summary>
internal sealed record HoursDecl(LocalTime Start, LocalTime End, SourceLocation Location)
{
    /// <summary>Start and end as minutes from the start of the day, the end past 1440 when the interval runs past midnight.</summary>
    public (int Start, int End) Minutes
    {
        get
        {
            var start = (Start.Hour * 60) + Start.Minute;
            var end = (End.Hour * 60) + End.Minute;
            return (start, end <= start ? end + 1440 : end);
        }
    }
}

internal enum HolidayKind
{
    Date,
    YearlyDate,
    YearlyWeekday,
    YearlyWeekdayOnOrAfter,
    Easter,
}

/// <summary>
/// A holiday as written: a date, <c>yearly: "MM-DD"</c>, <c>"MM/ddd#N"</c> or <c>"MM/ddd>=DD"</c>, or
/// <c>easter: K</c> (<see cref="Day"/> holds K); an entry of a <c>set</c> is read as the set's entries.
/// </summary>
internal sealed record HolidayDecl(HolidayKind Kind, LocalDate Date, int Month, int Day, IsoDayOfWeek Weekday, int Occurrence, string? Name, SourceLocation Location)
{
    /// <summary>Which Easter an <see cref="HolidayKind.Easter"/> entry counts from.</summary>
    public EasterChurch Church { get; init; }

    /// <summary>The first year kept, inclusive (<c>from:</c>), or null.</summary>
    public int? From { get; init; }

    /// <summary>The last year kept, inclusive (<c>until:</c>), or null.</summary>
    public int? Until { get; init; }

    /// <summary>The <c>observed:</c> rule, or null when the entry does not say (a set entry's rule then applies).</summary>
    public HolidayObservance? Observed { get; init; }
}

/// <summary>A date with its own hours (empty: closed).</summary>
internal sealed record ExceptionDecl(LocalDate Date, IReadOnlyList<HoursDecl> Hours, SourceLocation Location);

internal sealed record CalendarDecl(
    Located<string> Id,
    string? Name,
    Located<string> ZoneId,
    DateTimeZone? Zone,
    IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<HoursDecl>> Hours,
    IReadOnlyList<HolidayDecl> Holidays,
    IReadOnlyList<ExceptionDecl> Exceptions,
    bool WellFormed);

internal sealed record TeamDecl(Located<string> Id, string Name, string? Description, Located<string>? Calendar);

/// <summary>A field as declared; <see cref="DefaultValue"/> is the checked value of its <c>default</c> (absent when none or invalid).</summary>
internal sealed record FieldDecl(Located<string> Name, FieldType Type, IReadOnlyList<Located<string>> Values, bool Required, FieldValue DefaultValue, string? Description);

internal sealed record ClockDecl(Located<string> Name, string? Description, ExpressionDecl? PauseWhen, ExpressionDecl? StopWhen)
{
    /// <summary>Lifecycle keys beyond <c>pauseWhen</c>/<c>stopWhen</c>: <c>startWhen</c>, <c>cancelWhen</c>, <c>resetWhen</c>, <c>repeat</c>, <c>retarget</c>.</summary>
    public ClockLifecycleDecl Lifecycle { get; init; } = ClockLifecycleDecl.None;
}

/// <summary>A clock's lifecycle keys as written; <see cref="Strictest"/> is <c>retarget: strictest</c>.</summary>
internal sealed record ClockLifecycleDecl(ExpressionDecl? StartWhen, ExpressionDecl? CancelWhen, ExpressionDecl? ResetWhen, bool Repeat, bool Strictest)
{
    public static readonly ClockLifecycleDecl None = new(null, null, null, false, false);
}

/// <summary>A target or notice amount: open time, or a number of business days.</summary>
internal readonly record struct DurationSpec(Duration OpenTime, int BusinessDays, string Text)
{
    public bool IsBusinessDays => BusinessDays > 0;
}

internal sealed record TargetDecl(Located<string> Clock, DurationSpec Within, SourceLocation WithinLocation, Located<string>? Calendar)
{
    /// <summary>Written <c>none</c>: the rule decides the clock's target as "no target".</summary>
    public bool Waived { get; init; }
}

internal enum EscalationPointKind
{
    Percent,
    Breach,
}

/// <summary>When an escalation step fires: a percentage of the target, or the breach plus an optional amount of open time.</summary>
internal readonly record struct EscalationPoint(EscalationPointKind Kind, decimal Percent, Duration AfterBreach, string Text);

internal sealed record EscalationDecl(Located<string> Clock, EscalationPoint At, IReadOnlyList<Located<string>> Notify, SourceLocation Location);

internal sealed record NoticeDecl(IReadOnlyList<Located<string>> To, Located<string> Before, DurationSpec AtLeast, Located<string>? Calendar, SourceLocation Location)
{
    /// <summary>The notice's <c>unless</c>: no notice is owed when it holds.</summary>
    public ExpressionDecl? Unless { get; init; }

    /// <summary>Written <c>notice: none</c>: the rule decides the notice facet as "no notice owed".</summary>
    public bool Waived { get; init; }

    /// <summary>A <c>notice: none</c> at a position.</summary>
    public static NoticeDecl None(SourceLocation location) => new([], new Located<string>(string.Empty, location), default, null, location) { Waived = true };
}

internal enum ApprovalMode
{
    All,
    Any,
}

internal sealed record RuleDecl(
    Located<string> Id,
    string? Description,
    ExpressionDecl? When,
    Located<string>? Owner,
    IReadOnlyList<Located<string>>? Approvers,
    ApprovalMode? Approval,
    IReadOnlyList<Located<string>>? Consulted,
    IReadOnlyList<Located<string>>? Informed,
    IReadOnlyList<TargetDecl> Targets,
    IReadOnlyList<EscalationDecl> Escalations,
    NoticeDecl? Notice,
    bool Final,
    SourceLocation Location);

internal sealed record FreezeDecl(Located<string> Id, string? Description, Located<string> ZoneId, DateTimeZone? Zone, LocalDateTime From, LocalDateTime To, ExpressionDecl? Unless, SourceLocation Location);

internal sealed record PolicyDecl(
    string File,
    string Text,
    Located<string> Id,
    string? Version,
    string? Description,
    IReadOnlyList<CalendarDecl> Calendars,
    IReadOnlyList<TeamDecl> Teams,
    IReadOnlyList<FieldDecl> Fields,
    IReadOnlyList<ClockDecl> Clocks,
    IReadOnlyList<RuleDecl> Rules,
    IReadOnlyList<FreezeDecl> Freezes)
{
    /// <summary>What could not be read (already reported): references into it are not reported again.</summary>
    public UnreadableDecls Unreadable { get; init; } = UnreadableDecls.None;
}
