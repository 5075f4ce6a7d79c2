namespace SlaEngine.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>Warning: a rule can never decide anything, because rules above it always match first.</summary>
    public const string ShadowedRule = "SLA3001";

    /// <summary>Warning: a team is declared but never used.</summary>
    public const string UnusedTeam = "SLA3002";

    /// <summary>Warning: a calendar is declared but never used.</summary>
    public const string UnusedCalendar = "SLA3003";

    /// <summary>Warning: a value of an enum field that ownership rules test is given an owner by no rule.</summary>
    public const string UnownedEnumValue = "SLA3004";

    /// <summary>Warning: a calendar has no holidays in the next twelve months.</summary>
    public const string NoUpcomingHolidays = "SLA3005";
}
