namespace SlaEngine.Ingestion;

/// <summary>What became of one payload under a mapping.</summary>
public enum MappingOutcome
{
    /// <summary>The payload was mapped to a timeline entry.</summary>
    Mapped,

    /// <summary>The payload is not one the mapping accepts (its <c>accept</c> does not hold): not an error, nothing to record.</summary>
    Ignored,

    /// <summary>The payload is accepted but cannot be mapped: it is malformed, or a value is missing or invalid.</summary>
    Failed,
}
