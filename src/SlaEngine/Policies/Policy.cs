using SlaEngine.Events;

namespace SlaEngine;

/// <summary>
/// A compiled policy: the rules of engagement between IT and the contact center, ready to evaluate change events.
/// Immutable and thread-safe: one instance serves any number of threads.
/// </summary>
public sealed partial class Policy
{
    /// <summary>The policy's id (the <c>policy:</c> key).</summary>
    public required string Id { get; init; }

    /// <summary>The policy's version text, echoed in decisions; null when not given.</summary>
    public string? Version { get; init; }

    /// <summary>The policy's description; null when not given.</summary>
    public string? Description { get; init; }

    /// <summary>The file name the policy was loaded from (as given to the loader).</summary>
    public required string SourceFile { get; init; }

    /// <summary>The shape of the change events this policy reads.</summary>
    public required EventSchema Schema { get; init; }
}
