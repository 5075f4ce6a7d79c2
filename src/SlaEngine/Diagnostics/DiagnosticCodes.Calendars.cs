namespace SlaEngine.Diagnostics;

/// <content>Codes of calendar declarations added with holiday rules.</content>
public static partial class DiagnosticCodes
{
    /// <summary>A calendar's <c>{ set: ID }</c> holiday names no set of <c>holidaySets</c>.</summary>
    public const string UnknownHolidaySet = "SLA1208";
}
