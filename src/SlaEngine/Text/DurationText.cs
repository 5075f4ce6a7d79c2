using System.Globalization;
using System.Text;
using NodaTime;

namespace SlaEngine.Text;

/// <summary>Formats durations in the compact form policies use: <c>38h</c>, <c>4h30m</c>, <c>15m</c>, <c>1h0m30s</c>, <c>0h</c>.</summary>
public static class DurationText
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
}
