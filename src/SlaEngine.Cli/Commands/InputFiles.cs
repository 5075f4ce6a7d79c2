using System.IO;
using SlaEngine.Events;

namespace SlaEngine.Cli.Commands;

/// <summary>Reads the tool's input files through the library's <see cref="EventFiles"/>, printing why one was not read.</summary>
internal static class InputFiles
{
    /// <summary>Reads an event, timeline or history file as text; null, after saying why on standard error, when it cannot be.</summary>
    public static string? ReadText(FileInfo file, TextWriter stderr)
    {
        if (!EventFiles.TryReadText(file.FullName, out var text, out var error))
        {
            stderr.WriteLine($"{file}: {error}");
            return null;
        }

        return text;
    }
}
