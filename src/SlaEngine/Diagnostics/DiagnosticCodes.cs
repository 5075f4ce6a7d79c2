namespace SlaEngine.Diagnostics;

/// <summary>
/// The stable diagnostic codes. Codes never change meaning once published; new problems get new codes.
/// </summary>
/// <remarks>
/// Ranges: <c>SLA10xx</c> file and YAML structure, <c>SLA11xx</c> references and ids,
/// <c>SLA12xx</c> calendars, <c>SLA13xx</c> durations and targets, <c>SLA14xx</c> fields,
/// <c>SLA2xxx</c> the rules language, <c>SLA3xxx</c> lint warnings, <c>SLA4xxx</c> events,
/// <c>SLA5xxx</c> policy test files.
/// </remarks>
public static partial class DiagnosticCodes
{
    /// <summary>The file is not well-formed YAML.</summary>
    public const string YamlSyntax = "SLA1001";

    /// <summary>A YAML anchor or alias was used; policies reject them.</summary>
    public const string AliasNotAllowed = "SLA1002";

    /// <summary>The file is larger than the 4 MiB limit.</summary>
    public const string FileTooLarge = "SLA1003";

    /// <summary>A mapping has a key the format does not define.</summary>
    public const string UnknownKey = "SLA1004";

    /// <summary>A required key is missing.</summary>
    public const string MissingKey = "SLA1005";

    /// <summary>A node has the wrong shape (for example a list where a mapping is expected).</summary>
    public const string WrongNodeType = "SLA1006";

    /// <summary>A key appears twice in the same mapping.</summary>
    public const string DuplicateKey = "SLA1007";

    /// <summary>A scalar does not have the expected form (boolean, integer, text).</summary>
    public const string InvalidValue = "SLA1008";

    /// <summary>The <c>format</c> key is not <c>slaengine/v1</c>.</summary>
    public const string UnsupportedFormat = "SLA1009";

    /// <summary>The file could not be read or is not valid UTF-8 text.</summary>
    public const string UnreadableFile = "SLA1010";

    /// <summary>The file is empty or is not a mapping at the top level.</summary>
    public const string EmptyDocument = "SLA1011";

    /// <summary>A YAML tag (<c>!name</c>) was used; policies reject them. An unquoted <c>when: !emergency</c> is read as one.</summary>
    public const string TagNotAllowed = "SLA1012";

    /// <summary>
    /// Loading stopped on a fault in SlaEngine itself, not in the file (the message names it); the policy is refused as a
    /// whole. Please report it with the file.
    /// </summary>
    public const string LoadFault = "SLA1099";

    /// <summary>An id does not match <c>[a-z0-9][a-z0-9-]*</c>.</summary>
    public const string InvalidId = "SLA1101";

    /// <summary>A rule id is used twice.</summary>
    public const string DuplicateId = "SLA1102";

    /// <summary>A reference names a team that is not declared.</summary>
    public const string UnknownTeam = "SLA1103";

    /// <summary>A reference names a calendar that is not declared.</summary>
    public const string UnknownCalendar = "SLA1104";

    /// <summary>A reference names a clock that is not declared.</summary>
    public const string UnknownClock = "SLA1105";

    /// <summary>A reference names a field that is not declared, or one of the wrong type.</summary>
    public const string UnknownField = "SLA1106";

    /// <summary>A calendar zone is not a known IANA time zone.</summary>
    public const string UnknownZone = "SLA1201";

    /// <summary>An opening-hours interval or day key is malformed.</summary>
    public const string InvalidHours = "SLA1202";

    /// <summary>Two intervals of one day's hours overlap.</summary>
    public const string OverlappingHours = "SLA1203";

    /// <summary>A holiday is malformed.</summary>
    public const string InvalidHoliday = "SLA1204";

    /// <summary>A date or local date-time is malformed.</summary>
    public const string InvalidDate = "SLA1205";

    /// <summary>A calendar has no open time at all, so no deadline on it could ever fall.</summary>
    public const string CalendarNeverOpen = "SLA1206";

    /// <summary>A freeze window ends before it starts.</summary>
    public const string InvalidFreeze = "SLA1207";

    /// <summary>A duration is malformed, zero or negative.</summary>
    public const string InvalidDuration = "SLA1301";

    /// <summary>An escalation's <c>at</c> is not <c>N%</c>, <c>breach</c> or <c>breach+D</c>.</summary>
    public const string InvalidEscalation = "SLA1302";

    /// <summary>A field declaration is malformed (unknown type, enum without values, default of the wrong type).</summary>
    public const string InvalidField = "SLA1401";
}
