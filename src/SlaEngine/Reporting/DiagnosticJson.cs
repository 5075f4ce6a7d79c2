using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SlaEngine.Diagnostics;

namespace SlaEngine.Reporting;

/// <summary>
/// Diagnostics as JSON, as <c>slaengine check --format json</c> prints them: an array of objects with <c>file</c>,
/// <c>line</c>, <c>column</c>, <c>severity</c> (<c>error</c>, <c>warning</c>, <c>info</c>), <c>code</c> and
/// <c>message</c>, in the order given, for editors and CI annotations.
/// </summary>
public static class DiagnosticJson
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The diagnostics as an indented JSON array.</summary>
    /// <param name="diagnostics">The diagnostics, in the order to print them.</param>
    /// <returns>The JSON text.</returns>
    public static string ToJson(IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Indented))
        {
            Write(writer, diagnostics);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes the diagnostics as a JSON array.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="diagnostics">The diagnostics, in order.</param>
    public static void Write(Utf8JsonWriter writer, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(diagnostics);
        writer.WriteStartArray();
        foreach (var d in diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("file", d.Location.File);
            writer.WriteNumber("line", d.Location.Line);
            writer.WriteNumber("column", d.Location.Column);
            writer.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
            writer.WriteString("code", d.Code);
            writer.WriteString("message", d.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
