using System;
using System.IO;
using System.Text;
using SlaEngine.Diagnostics;
using SlaEngine.Loading;
using SlaEngine.Yaml;

namespace SlaEngine.Ingestion;

/// <summary>
/// Loads a mapping file (<c>*.mapping.yaml</c>, <c>format: slaengine-mapping/v1</c>) against a policy into a
/// <see cref="PayloadMapping"/>, or says exactly what is wrong with it and where.
/// </summary>
/// <remarks>
/// A mapping is checked like a policy: unknown keys (with a suggestion), fields the policy does not declare, map
/// values the field cannot take, malformed pointers and instant formats are all reported together, each at its line
/// and column. Never throws for bad content, whatever the bytes. Thread-safe: loads share no state.
/// </remarks>
/// <example>
/// <code>
/// var loaded = MappingLoader.LoadFile("samples/mappings/jira-service-management.mapping.yaml", policy);
/// if (!loaded.Success) { foreach (var d in loaded.Diagnostics) Console.Error.WriteLine(d); return; }
/// var result = loaded.Mapping.Map(webhookBody);
/// </code>
/// </example>
public static class MappingLoader
{
    /// <summary>The largest mapping file accepted: 1 MiB.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>Loads a mapping from YAML text.</summary>
    /// <param name="yaml">The mapping's text.</param>
    /// <param name="policy">The policy whose fields the mapping sets.</param>
    /// <param name="fileName">The name used in diagnostics.</param>
    /// <returns>The mapping, or the diagnostics that prevented it.</returns>
    public static MappingLoadResult Load(string yaml, Policy policy, string fileName = "<string>")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(fileName);
        if (yaml.Length > MaxFileBytes)
        {
            return Failure(DiagnosticCodes.FileTooLarge, new SourceLocation(fileName, 1, 1), $"the mapping is larger than {MaxFileBytes / 1024} KiB");
        }

        yaml = SourceText.WithoutBom(yaml);
        var diagnostics = new DiagnosticBag();
        var root = YamlTreeReader.Read(yaml, fileName, diagnostics);
        var mapping = diagnostics.HasErrors && root is null ? null : MappingReader.Read(root, fileName, policy, diagnostics);
        return new MappingLoadResult(diagnostics.HasErrors ? null : mapping, diagnostics.ToImmutable());
    }

    /// <summary>Loads a mapping file. A missing or unreadable file gives a diagnostic, not an exception.</summary>
    /// <param name="path">The file's path; it is also the name used in diagnostics.</param>
    /// <param name="policy">The policy whose fields the mapping sets.</param>
    /// <returns>The mapping, or the diagnostics that prevented it.</returns>
    public static MappingLoadResult LoadFile(string path, Policy policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(policy);
        var at = new SourceLocation(path, 1, 1);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return Failure(DiagnosticCodes.UnreadableFile, at, "the mapping file does not exist");
        }

        var diagnostics = new DiagnosticBag();
        return SourceText.TryReadFile(path, MaxFileBytes, "mapping file", null, diagnostics, out var bytes)
            && SourceText.TryDecode(bytes, path, "mapping file", diagnostics, out var text)
            ? Load(text, policy, path)
            : new MappingLoadResult(null, diagnostics.ToImmutable());
    }

    private static MappingLoadResult Failure(string code, SourceLocation at, string message)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.Error(code, at, message);
        return new MappingLoadResult(null, diagnostics.ToImmutable());
    }
}
