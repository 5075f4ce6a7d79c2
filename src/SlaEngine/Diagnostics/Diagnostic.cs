using System;
using System.Globalization;

namespace SlaEngine.Diagnostics;

/// <summary>
/// One problem (or lint finding, or piece of information) found in a policy, event or test file,
/// with a stable code and the exact position of the offending token.
/// </summary>
/// <remarks>
/// Diagnostics are values: loaders collect all of them in one pass and return them; nothing is thrown
/// for a bad file. <see cref="ToString"/> gives the form compilers use,
/// <c>file:line:col: error SLA1004: message</c>, which editors and CI systems link.
/// </remarks>
public sealed record Diagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="code">The stable code, such as <c>SLA1004</c> (see <see cref="DiagnosticCodes"/>).</param>
    /// <param name="severity">How serious it is.</param>
    /// <param name="message">What is wrong and, where possible, how to fix it.</param>
    /// <param name="location">Where the offending token starts.</param>
    public Diagnostic(string code, DiagnosticSeverity severity, string message, SourceLocation location)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(message);
        Code = code;
        Severity = severity;
        Message = VisibleText.Escape(message);
        Location = location;
    }

    /// <summary>The stable code, such as <c>SLA1004</c>.</summary>
    public string Code { get; }

    /// <summary>How serious the diagnostic is.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>What is wrong, naming the culprit, with a suggestion where one is close.</summary>
    public string Message { get; }

    /// <summary>Where the offending token starts.</summary>
    public SourceLocation Location { get; }

    /// <summary>Whether this diagnostic is an error.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>Formats the diagnostic as <c>file:line:col: severity CODE: message</c>.</summary>
    /// <returns>The formatted diagnostic.</returns>
    public override string ToString()
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return string.Create(CultureInfo.InvariantCulture, $"{Location}: {severity} {Code}: {Message}");
    }
}
