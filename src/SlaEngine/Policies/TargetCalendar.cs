using SlaEngine.Calendars;

namespace SlaEngine.Policies;

/// <summary>
/// The calendar a target counts on: a named calendar (or <c>24x7</c>), or the decided owner's calendar
/// (<c>calendar: owner</c>, the default).
/// </summary>
public sealed class TargetCalendar
{
    private TargetCalendar(BusinessCalendar? calendar) => Calendar = calendar;

    /// <summary>The owner team's calendar (24x7 when the owner declares none, or there is no owner).</summary>
    public static TargetCalendar Owner { get; } = new(null);

    /// <summary>The fixed calendar, or null for <see cref="Owner"/>.</summary>
    public BusinessCalendar? Calendar { get; }

    /// <summary>Whether the target counts on the owner's calendar.</summary>
    public bool IsOwner => Calendar is null;

    /// <summary>A fixed calendar.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <returns>The choice.</returns>
    public static TargetCalendar Fixed(BusinessCalendar calendar) => new(calendar);

    /// <summary>Resolves the calendar for a decided owner.</summary>
    /// <param name="owner">The decided owner, or null.</param>
    /// <returns>The calendar to count on.</returns>
    public BusinessCalendar Resolve(Team? owner) => Calendar ?? owner?.Calendar ?? BusinessCalendar.AlwaysOpen;

    /// <summary>Returns <c>owner</c> or the calendar id.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Calendar?.Id ?? "owner";
}
