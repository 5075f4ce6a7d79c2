namespace SlaEngine.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>An event field has a value of the wrong type or an unknown enum value or team.</summary>
    public const string InvalidEventValue = "SLA4001";

    /// <summary>An event lacks a required field.</summary>
    public const string MissingEventField = "SLA4002";

    /// <summary>An event carries a field the policy does not declare (ignored; information only).</summary>
    public const string UnknownEventField = "SLA4003";

    /// <summary>The event text is not a JSON or YAML object.</summary>
    public const string MalformedEvent = "SLA4004";
}
