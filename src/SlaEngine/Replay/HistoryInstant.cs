using System;
using NodaTime;
using SlaEngine.Events;
using SlaEngine.Loading;

namespace SlaEngine.Replay;

/// <summary>
/// Reads the <c>at</c> of a history row. Exports write instants in one shape, <c>2026-11-24T10:00:00-05:00</c> (or with
/// <c>Z</c>, or fractional seconds): that shape is read directly, a million times faster than a pattern can afford;
/// anything else goes to the general instant parser, which stays the one definition of the grammar (and gives its
/// errors). Both give the same instant for every text the direct path takes.
/// </summary>
internal static class HistoryInstant
{
    /// <summary>Parses an instant written as UTF-8 bytes.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Instant instant, out string error)
    {
        if (utf8.Length <= 40)
        {
            Span<char> chars = stackalloc char[utf8.Length];
            var ascii = true;
            for (var i = 0; i < utf8.Length; i++)
            {
                ascii &= utf8[i] < 0x80;
                chars[i] = (char)utf8[i];
            }

            if (ascii && TryParseDirect(chars, out instant))
            {
                error = string.Empty;
                return true;
            }
        }

        return FieldValueReader.TryParseInstant(System.Text.Encoding.UTF8.GetString(utf8), out instant, out error);
    }

    /// <summary>Parses an instant written as text.</summary>
    public static bool TryParse(string text, out Instant instant, out string error)
    {
        if (TryParseDirect(text, out instant))
        {
            error = string.Empty;
            return true;
        }

        return FieldValueReader.TryParseInstant(text, out instant, out error);
    }

    /// <summary>
    /// <c>YYYY-MM-DDTHH:MM:SS[.f…]</c> then <c>Z</c> or <c>±HH:MM</c>, years 1000-9998 (the edges of the range of
    /// instants go the general way); false for anything else, never an error.
    /// </summary>
    internal static bool TryParseDirect(ReadOnlySpan<char> s, out Instant instant)
    {
        instant = default;
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1000 || year > 9998 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var i = 19;
        long nanos = 0;
        if (s[i] == '.')
        {
            i++;
            var digits = 0;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                if (++digits > 9)
                {
                    return false;
                }

                nanos = (nanos * 10) + (s[i] - '0');
                i++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (var d = digits; d < 9; d++)
            {
                nanos *= 10;
            }
        }

        int offsetSeconds;
        if (i == s.Length - 1 && s[i] == 'Z')
        {
            offsetSeconds = 0;
        }
        else if (i == s.Length - 6 && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':' && Digits(s, i + 1, 2, out var oh) && Digits(s, i + 4, 2, out var om) && oh <= 18 && om <= 59)
        {
            offsetSeconds = ((oh * 3600) + (om * 60)) * (s[i] == '-' ? -1 : 1);
            if (Math.Abs(offsetSeconds) > 18 * 3600)
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        var local = new LocalDateTime(year, month, day, hour, minute, second).PlusNanoseconds(nanos);
        instant = local.InUtc().ToInstant() - Duration.FromSeconds(offsetSeconds);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
