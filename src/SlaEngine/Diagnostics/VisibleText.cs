using System.Globalization;
using System.Text;

namespace SlaEngine.Diagnostics;

/// <summary>
/// Makes text that quotes user input safe to print: control characters (an ESC sequence would drive the terminal),
/// format characters (zero-width spaces and joiners, bidirectional overrides, a byte order mark), line and paragraph
/// separators and lone surrogates are written as <c>\uXXXX</c>, so that <c>'routing\u200B'</c> does not read as
/// <c>'routing'</c>. Everything else, including every visible non-ASCII letter, is kept.
/// </summary>
internal static class VisibleText
{
    /// <summary>The text with invisible characters escaped; the same instance when there is none.</summary>
    /// <param name="text">The text.</param>
    /// <param name="keepNewlines">Keep line feeds (and carriage returns before them): for multi-line output.</param>
    public static string Escape(string text, bool keepNewlines = false)
    {
        var first = FirstInvisible(text, keepNewlines);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        sb.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                // A well-formed pair is one visible (astral) character, unless it is a format character such as a tag.
                if (IsInvisible(CharUnicodeInfo.GetUnicodeCategory(text, i)))
                {
                    sb.Append(CultureInfo.InvariantCulture, $"\\u{char.ConvertToUtf32(c, text[i + 1]):X4}");
                }
                else
                {
                    sb.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (IsInvisible(c, text, i, keepNewlines))
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static int FirstInvisible(string text, bool keepNewlines)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= ' ' and < '\u007F')
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (IsInvisible(CharUnicodeInfo.GetUnicodeCategory(text, i)))
                {
                    return i;
                }

                i++;
                continue;
            }

            if (IsInvisible(c, text, i, keepNewlines))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsInvisible(char c, string text, int i, bool keepNewlines)
    {
        if (keepNewlines && (c == '\n' || (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')))
        {
            return false;
        }

        return char.IsSurrogate(c) || IsInvisible(CharUnicodeInfo.GetUnicodeCategory(c));
    }

    private static bool IsInvisible(UnicodeCategory category) => category is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
        or UnicodeCategory.Surrogate;
}
