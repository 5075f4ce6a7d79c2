namespace SlaEngine.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>A mapping's <c>format</c> key is not <c>slaengine-mapping/v1</c>.</summary>
    public const string UnsupportedMappingFormat = "SLA8001";

    /// <summary>A pointer in a mapping is not a JSON Pointer (RFC 6901), or its <c>[key=value]</c> step is malformed.</summary>
    public const string InvalidPointer = "SLA8002";

    /// <summary>A mapping names a field the policy does not declare, or one it may not set.</summary>
    public const string UnknownMappedField = "SLA8003";

    /// <summary>A value of a mapping's <c>map</c> or <c>unmapped</c> is not valid for the policy field.</summary>
    public const string InvalidMappedValue = "SLA8004";

    /// <summary>An instant format, a <c>pattern</c> or a <c>zone</c> of a mapping is malformed or unknown.</summary>
    public const string InvalidInstantFormat = "SLA8005";

    /// <summary>A mapping combines keys that contradict each other (such as <c>required</c> and <c>optional</c>).</summary>
    public const string ConflictingMappingKeys = "SLA8006";

    /// <summary>A payload is not valid JSON, is too large, too deep, or is not an object.</summary>
    public const string MalformedPayload = "SLA8101";

    /// <summary>A payload has nothing at the pointer of a required value (the ticket, the instant, or a <c>required</c> field).</summary>
    public const string MissingPayloadValue = "SLA8102";

    /// <summary>A payload's value at a pointer cannot be used: the wrong JSON type, an unmapped value, a malformed instant.</summary>
    public const string InvalidPayloadValue = "SLA8103";
}
