using System;
using System.IO;
using System.Text;
using SlaEngine.Diagnostics;

namespace SlaEngine.Yaml;

/// <summary>
/// The one place where a source file becomes text: a bounded read (at most one byte more than the limit, whatever
/// size the file reports), the byte order mark, and strict UTF-8 with the line and column of the first bad byte.
/// Policies and test files go through it; each says what it is called in messages and how to fix a file too large.
/// </summary>
internal static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a file's bytes, reporting a missing, unreadable or too large file at its 1:1.</summary>
    /// <param name="path">The file; also the name in diagnostics.</param>
    /// <param name="maxBytes">The largest accepted size.</param>
    /// <param name="what">What the file is, for messages (<c>policy file</c>, <c>test file</c>).</param>
    /// <param name="tooLargeAdvice">What to do with a file too large (<c>split it</c>), or null.</param>
    /// <param name="diagnostics">Where the refusal goes.</param>
    /// <param name="bytes">The file's bytes, when read.</param>
    /// <returns>Whether the file was read.</returns>
    public static bool TryReadFile(string path, int maxBytes, string what, string? tooLargeAdvice, DiagnosticBag diagnostics, out byte[] bytes)
    {
        if (BoundedFile.TryRead(path, maxBytes, out bytes, out var tooLarge, out var why))
        {
            return true;
        }

        var at = new SourceLocation(path, 1, 1);
        if (tooLarge)
        {
            diagnostics.Error(DiagnosticCodes.FileTooLarge, at, $"the {what} is too large: {why}{(tooLargeAdvice is null ? string.Empty : "; " + tooLargeAdvice)}");
        }
        else
        {
            diagnostics.Error(DiagnosticCodes.UnreadableFile, at, $"the {what} cannot be read: {why}");
        }

        return false;
    }

    /// <summary>Decodes a file's bytes as strict UTF-8 after an optional byte order mark.</summary>
    /// <param name="utf8">The bytes.</param>
    /// <param name="file">The file name for diagnostics.</param>
    /// <param name="what">What the file is, for messages.</param>
    /// <param name="diagnostics">Where an invalid byte is reported, at its line and column.</param>
    /// <param name="text">The text, without the byte order mark, when decoded.</param>
    /// <returns>Whether the bytes are UTF-8 text.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> utf8, string file, string what, DiagnosticBag diagnostics, out string text)
    {
        var offset = utf8.StartsWith("\uFEFF"u8) ? 3 : 0;
        var content = utf8[offset..];
        try
        {
            text = StrictUtf8.GetString(content);
            return true;
        }
        catch (DecoderFallbackException ex)
        {
            // Point at the bad bytes, not at 1:1: a stray byte in a 200-line file must be findable.
            var valid = ValidUtf8Prefix(content);
            var prefix = Encoding.UTF8.GetString(content[..valid]);
            var (line, column) = YamlTreeReader.PositionOf(prefix, prefix.Length);
            diagnostics.Error(DiagnosticCodes.UnreadableFile, new SourceLocation(file, 1, 1).At(line, column), $"the {what} is not valid UTF-8 text at byte {valid + offset} ({ex.Message.Split('.')[0]})");
            text = string.Empty;
            return false;
        }
    }

    /// <summary>
    /// Decodes an input file's bytes (events, timelines, histories) as its byte order mark says: UTF-16 or UTF-32 as
    /// named, otherwise strict UTF-8 after an optional UTF-8 mark. A byte that is not UTF-8 is refused rather than read
    /// as U+FFFD, which would silently change the value it is in.
    /// </summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="text">The text, without the byte order mark, when decoded.</param>
    /// <param name="bad">Where the first bad byte is: its offset in the file and its 1-based line and column.</param>
    /// <returns>Whether the bytes are text.</returns>
    public static bool TryDecodeInput(byte[] bytes, out string text, out (int Offset, int Line, int Column) bad)
    {
        bad = default;
        if (bytes.AsSpan().StartsWith(new byte[] { 0xFE, 0xFF }) || bytes.AsSpan().StartsWith(new byte[] { 0xFF, 0xFE }))
        {
            using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
            return true;
        }

        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var chars = new char[bytes.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes.AsSpan(start), chars, out var read, out var written, replaceInvalidSequences: false);
        if (status != System.Buffers.OperationStatus.Done)
        {
            var before = chars.AsSpan(0, written);
            var line = 1 + before.Count('\n');
            var column = written - (before.LastIndexOf('\n') + 1) + 1;
            bad = (start + read, line, column);
            text = string.Empty;
            return false;
        }

        text = new string(chars, 0, written);
        return true;
    }

    /// <summary>The text without a leading byte order mark (text given as a string may still carry one).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The text without its byte order mark.</returns>
    public static string WithoutBom(string text) => text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;

    /// <summary>The length of the longest prefix of <paramref name="bytes"/> that is valid UTF-8.</summary>
    private static int ValidUtf8Prefix(ReadOnlySpan<byte> bytes)
    {
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? bytes.Length : read;
    }
}
