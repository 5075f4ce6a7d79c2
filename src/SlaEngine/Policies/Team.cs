using SlaEngine.Calendars;

namespace SlaEngine.Policies;

/// <summary>A team of the policy: an owner, approver, consulted or informed party, or an escalation contact.</summary>
public sealed class Team
{
    internal Team(string id, string name, string? description, BusinessCalendar calendar, bool hasOwnCalendar)
    {
        Id = id;
        Name = name;
        Description = description;
        Calendar = calendar;
        HasOwnCalendar = hasOwnCalendar;
    }

    /// <summary>The team's id, such as <c>cc-ops</c>.</summary>
    public string Id { get; }

    /// <summary>The team's display name (the id when none is given).</summary>
    public string Name { get; }

    /// <summary>The team's description, or null.</summary>
    public string? Description { get; }

    /// <summary>The team's business calendar; <see cref="BusinessCalendar.AlwaysOpen"/> (24x7) when it declares none.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>Whether the team declares a calendar of its own.</summary>
    public bool HasOwnCalendar { get; }

    /// <summary>Returns the team's id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Id;
}
