using System;
using System.Globalization;
using System.Text.Json;

namespace SlaEngine.Events;

/// <summary>
/// Says where JSON is broken in words a user can act on: System.Text.Json's message ends with "Path: $ | LineNumber: 4 |
/// BytePositionInLine: 2.", zero-based, which read as "LineNumber: 0" for an error on the first line of any document.
/// </summary>
internal static class JsonErrorText
{
    /// <summary>"line 5, column 3: 'x' is an invalid start of a value", with 1-based positions.</summary>
    /// <param name="ex">The parse error.</param>
    /// <param name="firstLine">The 1-based line of the input where the parsed text starts (for one line of JSON lines).</param>
    public static string Describe(JsonException ex, int firstLine = 1)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        var what = (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
        return ex.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"line {line + firstLine}, column {(ex.BytePositionInLine ?? 0) + 1}: {what}")
            : what;
    }
}
