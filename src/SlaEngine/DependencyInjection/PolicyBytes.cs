using System;
using System.IO;
using SlaEngine.Diagnostics;

namespace SlaEngine.DependencyInjection;

/// <summary>Reads policy bytes from streams and files with the loader's size limit, turning I/O errors into diagnostics.</summary>
internal static class PolicyBytes
{
    /// <summary>Reads a stream to its end (at most one byte more than the limit, so the loader can say it is too large) and loads it.</summary>
    public static PolicyLoadResult Load(Stream stream, string name)
    {
        byte[] bytes;
        try
        {
            bytes = ReadBounded(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            return Unreadable(name, $"the policy stream cannot be read: {ex.Message}");
        }

        return PolicyLoader.Load(bytes, name);
    }

    /// <summary>Reads a stream to its end, stopping one byte past <see cref="PolicyLoader.MaxFileBytes"/>.</summary>
    public static byte[] ReadBounded(Stream stream)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, PolicyLoader.MaxFileBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > PolicyLoader.MaxFileBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    /// <summary>A failed load with one <see cref="DiagnosticCodes.UnreadableFile"/> error.</summary>
    public static PolicyLoadResult Unreadable(string name, string message) => Failure(DiagnosticCodes.UnreadableFile, name, message);

    /// <summary>A failed load with one error of <paramref name="code"/>, at the start of the file.</summary>
    public static PolicyLoadResult Failure(string code, string name, string message)
    {
        var diagnostics = new DiagnosticBag();
        diagnostics.Error(code, new SourceLocation(name, 1, 1), message);
        return new PolicyLoadResult(null, diagnostics.ToImmutable());
    }
}
