using System;
using System.IO;

namespace SlaEngine.Yaml;

/// <summary>
/// Reads a policy, test or event file without trusting its reported length: a device such
/// as <c>/dev/zero</c> reports 0 bytes and never ends, so at most <c>max + 1</c> bytes are read.
/// </summary>
internal static class BoundedFile
{
    /// <summary>Reads the whole file when it is a readable file of at most <paramref name="max"/> bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="max">The largest accepted size in bytes.</param>
    /// <param name="bytes">The content, when read.</param>
    /// <param name="tooLarge">Whether the refusal is for size (otherwise the file is missing, a directory or unreadable).</param>
    /// <param name="error">Why the file was not read (without the file's name), when it was not.</param>
    /// <returns>Whether the file was read.</returns>
    public static bool TryRead(string path, int max, out byte[] bytes, out bool tooLarge, out string error)
    {
        bytes = [];
        tooLarge = false;
        try
        {
            if (Directory.Exists(path))
            {
                error = "it is a directory, not a file";
                return false;
            }

            if (!File.Exists(path))
            {
                error = "the file does not exist";
                return false;
            }

            var length = new FileInfo(path).Length;
            if (length > max)
            {
                tooLarge = true;
                error = $"the file is {length} bytes, larger than the {max / (1024 * 1024)} MiB limit";
                return false;
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
            var buffer = new byte[(int)Math.Min(Math.Max(length, 4096), max + 1L)];
            var probe = new byte[1];
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length > max)
                    {
                        tooLarge = true;
                        error = $"the file is larger than the {max / (1024 * 1024)} MiB limit (it did not end after {max} bytes)";
                        return false;
                    }

                    // A file of the length it reported fills the buffer exactly: look one byte further before growing
                    // it, so that such a file is read into one array, not copied into a larger one and back.
                    if (stream.Read(probe, 0, 1) == 0)
                    {
                        break;
                    }

                    Array.Resize(ref buffer, (int)Math.Min(buffer.Length * 2L, max + 1L));
                    buffer[total++] = probe[0];
                    continue;
                }

                var read = stream.Read(buffer, total, buffer.Length - total);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }

            bytes = total == buffer.Length ? buffer : buffer[..total];
            error = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            error = $"the file cannot be read: {ex.Message}";
            return false;
        }
    }
}
