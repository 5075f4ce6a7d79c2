using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace SlaEngine.Text;

/// <summary>
/// The one grammar of amounts of time: formats durations in the compact form policies use (<c>38h</c>, <c>4h30m</c>,
/// <c>15m</c>, <c>1h0m30s</c>, <c>0h</c>) and reads what policies and test files write. Each reader then applies its
/// own rules to what was written (a policy takes no seconds and no zero; a test expectation takes no business days).
/// </summary>
public static partial class DurationText
{
    /// <summary>Formats a duration as hours, minutes, seconds and fractional seconds, omitting zero parts (hours always shown when nothing else is).</summary>
    /// <param name="duration">The duration; a negative one is prefixed with <c>-</c>.</param>
    /// <returns>The compact text.</returns>
    public static string Format(Duration duration)
    {
        var sb = new StringBuilder();
        if (duration < Duration.Zero)
        {
            sb.Append('-');
            duration = -duration;
        }

        var totalSeconds = (long)duration.TotalSeconds;
        var hours = totalSeconds / 3600;
        var minutes = totalSeconds % 3600 / 60;
        var seconds = totalSeconds % 60;
        var nanos = (duration - Duration.FromSeconds(totalSeconds)).ToInt64Nanoseconds();
        if (hours > 0)
        {
            sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (minutes > 0)
        {
            sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        if (seconds > 0 || nanos > 0)
        {
            sb.Append(seconds.ToString(CultureInfo.InvariantCulture));
            if (nanos > 0)
            {
                sb.Append('.').Append(nanos.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
            }

            sb.Append('s');
        }

        if (sb.Length == 0 || (sb.Length == 1 && sb[0] == '-'))
        {
            sb.Append("0h");
        }

        return sb.ToString();
    }

    /// <summary>
    /// Reads an amount of time as written, before any reader's bounds: units <c>[Nw][Nd][Nh][Nm][N[.f]s]</c> (a week is
    /// 7 x 24h, a day 24h), business days <c>Nbd</c>, ISO-8601 (<c>PT1H30M</c>, <c>P2D</c>) or a bare <c>0</c>.
    /// </summary>
    /// <param name="text">The text, already trimmed as the reader wants it.</param>
    /// <param name="written">What was written, when the text is in the grammar.</param>
    /// <returns>Whether the text is in the grammar (the empty text is, as no units at all).</returns>
    internal static bool TryParseWritten(string text, out WrittenDuration written)
    {
        written = default;
        if (text == "0")
        {
            written = new WrittenDuration(WrittenDurationForm.Units, IsBareZero: true);
            return true;
        }

        if (text.StartsWith('P') && text.Length > 1 && !text.Contains('-', System.StringComparison.Ordinal))
        {
            var iso = PeriodPattern.NormalizingIso.Parse(text);
            if (!iso.Success)
            {
                return false;
            }

            written = new WrittenDuration(WrittenDurationForm.Iso, Period: iso.Value);
            return true;
        }

        var m = WrittenRegex().Match(text);
        if (!m.Success)
        {
            return false;
        }

        if (m.Groups["bd"].Success)
        {
            written = new WrittenDuration(WrittenDurationForm.BusinessDays, BusinessDays: int.Parse(m.Groups["bd"].Value, NumberStyles.None, CultureInfo.InvariantCulture));
            return true;
        }

        written = new WrittenDuration(
            WrittenDurationForm.Units,
            Weeks: Amount(m, "w"),
            Days: Amount(m, "d"),
            Hours: Amount(m, "h"),
            Minutes: Amount(m, "m"),
            Seconds: Amount(m, "s"),
            Nanoseconds: m.Groups["f"].Success ? long.Parse(m.Groups["f"].Value.PadRight(9, '0'), NumberStyles.None, CultureInfo.InvariantCulture) : 0,
            HasSeconds: m.Groups["s"].Success);
        return true;
    }

    private static long Amount(Match m, string unit) =>
        m.Groups[unit].Success ? long.Parse(m.Groups[unit].Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

    // Twelve digits at most per unit (no amount overflows), nine for business days and fractions of a second.
    [GeneratedRegex(@"^(?:(?<bd>[0-9]{1,9})bd|(?:(?<w>[0-9]{1,12})w)?(?:(?<d>[0-9]{1,12})d)?(?:(?<h>[0-9]{1,12})h)?(?:(?<m>[0-9]{1,12})m)?(?:(?<s>[0-9]{1,12})(?:\.(?<f>[0-9]{1,9}))?s)?)\z", RegexOptions.CultureInvariant)]
    private static partial Regex WrittenRegex();
}
