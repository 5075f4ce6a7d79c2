using System;
using System.IO;
using System.Text;
using SlaEngine.Diagnostics;
using SlaEngine.Loading;
using SlaEngine.Yaml;

namespace SlaEngine;

/// <summary>
/// Loads a policy file (YAML, <c>format: slaengine/v1</c>) into a compiled, immutable, thread-safe <see cref="Policy"/>,
/// or says exactly what is wrong with it and where.
/// </summary>
/// <remarks>
/// All problems are reported together, each as a <see cref="Diagnostic"/> with a stable code and the line and column of
/// the offending token. <see cref="Load(string, string)"/> and <see cref="LoadFile(string)"/> never throw for bad
/// content, whatever the bytes; only the <c>OrThrow</c> convenience methods throw, and only
/// <see cref="PolicyLoadException"/>. Thread-safe: loads share no state.
/// </remarks>
/// <example>
/// <code>
/// var result = PolicyLoader.LoadFile("policies/contact-center.yaml");
/// if (!result.Success) { foreach (var d in result.Diagnostics) Console.Error.WriteLine(d); return; }
/// var decision = result.Policy.Evaluate(evt);
/// </code>
/// </example>
public static class PolicyLoader
{
    /// <summary>The largest policy file accepted: 4 MiB.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Loads a policy from YAML text.</summary>
    /// <param name="yaml">The policy text.</param>
    /// <param name="fileName">The name used in diagnostics (a path or a display name).</param>
    /// <returns>The policy, or the diagnostics that prevented it.</returns>
    public static PolicyLoadResult Load(string yaml, string fileName = "<string>") => Load(yaml, fileName, PolicyLoadOptions.Default);

    /// <summary>Loads a policy from YAML text with options.</summary>
    /// <param name="yaml">The policy text.</param>
    /// <param name="fileName">The name used in diagnostics.</param>
    /// <param name="options">Lint and clock options.</param>
    /// <returns>The policy, or the diagnostics that prevented it.</returns>
    public static PolicyLoadResult Load(string yaml, string fileName, PolicyLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(fileName);
        var diagnostics = new DiagnosticBag();
        int byteCount;
        try
        {
            byteCount = yaml.Length > MaxFileBytes ? int.MaxValue : StrictUtf8.GetByteCount(yaml);
        }
        catch (EncoderFallbackException ex)
        {
            // A lone surrogate has no UTF-8 form: the text is not a file we could have read.
            diagnostics.Error(DiagnosticCodes.UnreadableFile, new SourceLocation(fileName, 1, 1), $"the policy text is not valid Unicode ({ex.Message.Split('.')[0]})");
            return new PolicyLoadResult(null, diagnostics.ToImmutable());
        }

        if (byteCount > MaxFileBytes)
        {
            diagnostics.Error(DiagnosticCodes.FileTooLarge, new SourceLocation(fileName, 1, 1), $"the policy is larger than {MaxFileBytes / (1024 * 1024)} MiB; split or trim it");
            return new PolicyLoadResult(null, diagnostics.ToImmutable());
        }

        return LoadChecked(yaml, fileName, diagnostics, options);
    }

    /// <summary>Loads a policy from UTF-8 bytes (a leading byte order mark is allowed).</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="fileName">The name used in diagnostics.</param>
    /// <returns>The policy, or the diagnostics that prevented it.</returns>
    public static PolicyLoadResult Load(ReadOnlySpan<byte> utf8, string fileName) => Load(utf8, fileName, PolicyLoadOptions.Default);

    /// <summary>Loads a policy from UTF-8 bytes with options.</summary>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="fileName">The name used in diagnostics.</param>
    /// <param name="options">Lint and clock options.</param>
    /// <returns>The policy, or the diagnostics that prevented it.</returns>
    public static PolicyLoadResult Load(ReadOnlySpan<byte> utf8, string fileName, PolicyLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(fileName);
        var diagnostics = new DiagnosticBag();
        var at = new SourceLocation(fileName, 1, 1);
        if (utf8.Length > MaxFileBytes)
        {
            diagnostics.Error(DiagnosticCodes.FileTooLarge, at, $"the policy file is {utf8.Length} bytes, larger than the {MaxFileBytes / (1024 * 1024)} MiB limit; split or trim it");
            return new PolicyLoadResult(null, diagnostics.ToImmutable());
        }

        return SourceText.TryDecode(utf8, fileName, "policy file", diagnostics, out var text)
            ? LoadChecked(text, fileName, diagnostics, options)
            : new PolicyLoadResult(null, diagnostics.ToImmutable());
    }

    /// <summary>Loads a policy file. A missing or unreadable file gives a diagnostic, not an exception.</summary>
    /// <param name="path">The file's path; it is also the name used in diagnostics.</param>
    /// <returns>The policy, or the diagnostics that prevented it.</returns>
    public static PolicyLoadResult LoadFile(string path) => LoadFile(path, PolicyLoadOptions.Default);

    /// <summary>Loads a policy file with options.</summary>
    /// <param name="path">The file's path; it is also the name used in diagnostics.</param>
    /// <param name="options">Lint and clock options.</param>
    /// <returns>The policy, or the diagnostics that prevented it.</returns>
    public static PolicyLoadResult LoadFile(string path, PolicyLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var at = new SourceLocation(path, 1, 1);

        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return Failure(DiagnosticCodes.UnreadableFile, at, "the policy file does not exist");
        }

        // A device such as /dev/zero reports 0 bytes and never ends: at most MaxFileBytes + 1 bytes are read.
        var diagnostics = new DiagnosticBag();
        return SourceText.TryReadFile(path, MaxFileBytes, "policy file", "split or trim it", diagnostics, out var bytes)
            ? Load(bytes, path, options)
            : new PolicyLoadResult(null, diagnostics.ToImmutable());
    }

    /// <summary>Loads a policy from YAML text, throwing when it has errors.</summary>
    /// <param name="yaml">The policy text.</param>
    /// <param name="fileName">The name used in diagnostics.</param>
    /// <returns>The compiled policy.</returns>
    /// <exception cref="PolicyLoadException">The policy has errors; the exception carries all diagnostics.</exception>
    public static Policy LoadOrThrow(string yaml, string fileName = "<string>")
    {
        var result = Load(yaml, fileName);
        return result.Policy ?? throw new PolicyLoadException(result.Diagnostics);
    }

    /// <summary>Loads a policy file, throwing when it cannot be read or has errors.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The compiled policy.</returns>
    /// <exception cref="PolicyLoadException">The file cannot be read or the policy has errors.</exception>
    public static Policy LoadFileOrThrow(string path)
    {
        var result = LoadFile(path);
        return result.Policy ?? throw new PolicyLoadException(result.Diagnostics);
    }

    private static PolicyLoadResult Failure(string code, SourceLocation at, string message)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.Error(code, at, message);
        return new PolicyLoadResult(null, diagnostics.ToImmutable());
    }

    private static PolicyLoadResult LoadChecked(string text, string fileName, DiagnosticBag diagnostics, PolicyLoadOptions options)
    {
        try
        {
            return LoadUnguarded(text, fileName, diagnostics, options);
        }
#pragma warning disable CA1031 // The loader promises never to throw: a host reloading a file must not die of a bug here.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            // Every known fault is reported where it is; this is the last guard, for the ones not yet known.
            diagnostics.Error(DiagnosticCodes.LoadFault, new SourceLocation(fileName, 1, 1), $"the policy could not be loaded because of a fault in SlaEngine ({ex.GetType().Name}: {ex.Message.Split('\n')[0]}); please report it with this file");
            return new PolicyLoadResult(null, diagnostics.ToImmutable());
        }
    }

    private static PolicyLoadResult LoadUnguarded(string text, string fileName, DiagnosticBag diagnostics, PolicyLoadOptions options)
    {
        text = SourceText.WithoutBom(text);
        // Rules are read as the YAML reader reaches them, so the tree never holds them all (see EarlyRules).
        var early = new PolicyReader.EarlyRules(fileName, text, options.ZoneProvider);
        var root = YamlTreeReader.Read(text, fileName, diagnostics, early.Observer);
        if (diagnostics.HasErrors && root is null)
        {
            return new PolicyLoadResult(null, diagnostics.ToImmutable());
        }

        var declared = PolicyReader.Read(root, fileName, text, diagnostics, options.ZoneProvider, early);
        Policy? policy = null;
        if (declared is not null)
        {
            policy = PolicyCompiler.Compile(declared, diagnostics);
            if (policy is not null && options.Lint)
            {
                PolicyLinter.Lint(declared, policy, options.Clock.GetCurrentInstant(), diagnostics);
            }
        }

        return new PolicyLoadResult(policy, diagnostics.ToImmutable());
    }
}
