using System;
using NodaTime;
using NodaTime.Text;

namespace SlaEngine.Text;

/// <summary>
/// The instant grammar: ISO-8601 with an offset or <c>Z</c>, seconds and fractions optional
/// (<c>2026-11-24T10:00:00-05:00</c>, <c>2026-11-24T15:00Z</c>), formatted in UTC with <c>Z</c>. A local date-time
/// without an offset is refused, with a message saying so: which zone it meant would be a guess.
/// </summary>
public static class InstantText
{
    private static readonly OffsetDateTimePattern[] OffsetPatterns =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    /// <summary>The same date-times without an offset, recognised only to say that the offset is missing.</summary>
    private static readonly LocalDateTimePattern[] LocalPatterns =
    [
        LocalDateTimePattern.ExtendedIso,
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
    ];

    /// <summary>Formats an instant as ISO-8601 in UTC with <c>Z</c>, as every output of SlaEngine writes instants.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The text, such as <c>2026-11-24T15:00:00Z</c>.</returns>
    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    /// <summary>Parses an ISO-8601 instant with an offset or <c>Z</c>; never throws for bad text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="instant">The instant, when parsed.</param>
    /// <param name="error">Why the text is not an instant, quoting it.</param>
    /// <returns>Whether the text is an instant.</returns>
    public static bool TryParse(string text, out Instant instant, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ok = TryParseOffsetDateTime(text, out var value, out error);
        instant = ok ? value.ToInstant() : default;
        return ok;
    }

    /// <summary>
    /// Parses an ISO-8601 date-time with an offset or <c>Z</c> (seconds optional), keeping the offset it was written
    /// with; a local time without an offset, or a value outside the range of instants, is refused with the reason.
    /// </summary>
    internal static bool TryParseOffsetDateTime(string text, out OffsetDateTime value, out string error)
    {
        var t = text.Trim();
        foreach (var pattern in OffsetPatterns)
        {
            var result = pattern.Parse(t);
            if (!result.Success)
            {
                continue;
            }

            // 9999-12-31T23:59:59-14:00 parses as a date-time but is past Instant.MaxValue once the offset is applied.
            var utc = result.Value.LocalDateTime.InUtc().ToInstant().ToUnixTimeTicks() - result.Value.Offset.Ticks;
            if (utc < Instant.MinValue.ToUnixTimeTicks() || utc > Instant.MaxValue.ToUnixTimeTicks())
            {
                value = default;
                error = $"'{Excerpt.Shorten(text)}' lies outside the supported range of instants (years -9998 to 9999 in UTC)";
                return false;
            }

            value = result.Value;
            error = string.Empty;
            return true;
        }

        value = default;
        error = Array.Exists(LocalPatterns, p => p.Parse(t).Success)
            ? $"'{Excerpt.Shorten(text)}' has no offset: write the instant with an offset or Z, such as 2026-11-24T10:00:00-05:00"
            : $"'{Excerpt.Shorten(text)}' is not an ISO-8601 instant with an offset, such as 2026-11-24T10:00:00-05:00";
        return false;
    }
}
