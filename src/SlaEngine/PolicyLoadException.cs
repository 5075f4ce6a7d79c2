using System;
using System.Collections.Immutable;
using System.Linq;
using SlaEngine.Diagnostics;

namespace SlaEngine;

/// <summary>
/// Thrown only by <see cref="PolicyLoader.LoadOrThrow(string, string)"/> and <see cref="PolicyLoader.LoadFileOrThrow(string)"/>
/// when a policy has errors; carries every diagnostic. The other loader methods return diagnostics instead of throwing.
/// </summary>
public sealed class PolicyLoadException : Exception
{
    /// <summary>Creates the exception from the diagnostics of a failed load.</summary>
    /// <param name="diagnostics">The diagnostics; the errors among them are summarised in the message.</param>
    public PolicyLoadException(ImmutableArray<Diagnostic> diagnostics)
        : base(BuildMessage(diagnostics)) => Diagnostics = diagnostics;

    /// <summary>Creates the exception with a message only.</summary>
    public PolicyLoadException()
        : this([])
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">The message.</param>
    public PolicyLoadException(string message)
        : base(message) => Diagnostics = [];

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PolicyLoadException(string message, Exception innerException)
        : base(message, innerException) => Diagnostics = [];

    /// <summary>Every diagnostic of the failed load.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    private static string BuildMessage(ImmutableArray<Diagnostic> diagnostics)
    {
        var errors = diagnostics.IsDefault ? [] : diagnostics.Where(d => d.IsError).ToList();
        return errors.Count == 0
            ? "The policy could not be loaded."
            : $"The policy has {errors.Count} error(s):{Environment.NewLine}{string.Join(Environment.NewLine, errors.Take(20))}";
    }
}
