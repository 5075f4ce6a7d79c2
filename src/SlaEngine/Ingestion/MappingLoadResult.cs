using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using SlaEngine.Diagnostics;

namespace SlaEngine.Ingestion;

/// <summary>The outcome of loading a mapping file for a policy: the mapping, or every diagnostic that prevented it.</summary>
public sealed class MappingLoadResult
{
    internal MappingLoadResult(PayloadMapping? mapping, ImmutableArray<Diagnostic> diagnostics)
    {
        Mapping = mapping;
        Diagnostics = diagnostics;
    }

    /// <summary>The mapping, when it loaded without errors.</summary>
    public PayloadMapping? Mapping { get; }

    /// <summary>Every error and warning, in file order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Whether the mapping loaded; then <see cref="Mapping"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Mapping))]
    public bool Success => Mapping is not null;

    /// <summary>The errors only.</summary>
    public ImmutableArray<Diagnostic> Errors => [.. Diagnostics.Where(d => d.IsError)];
}
