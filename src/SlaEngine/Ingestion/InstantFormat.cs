using System;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;
using SlaEngine.Events;
using SlaEngine.Loading;

namespace SlaEngine.Ingestion;

/// <summary>
/// How a payload writes an instant: <c>iso</c> (ISO-8601 with an offset written <c>+00:00</c>, <c>+0000</c> or
/// <c>Z</c>, fraction optional), <c>epoch-ms</c> and <c>epoch-s</c> (a JSON number or a string of digits since
/// 1970-01-01T00:00Z; seconds may have a fraction), or <c>local</c> (a NodaTime pattern read in a time zone, for tools
/// that send zone-less date-times). Immutable and thread-safe.
/// </summary>
/// <remarks>
/// With <c>local</c>, a date-time skipped by a daylight-saving change is moved forward by the gap, and one that occurs
/// twice is taken at its first occurrence (NodaTime's lenient resolver): a tool that writes local times cannot say
/// which one it meant, and refusing the payload would lose the change.
/// </remarks>
internal sealed class InstantFormat
{
    public const string IsoName = "iso";
    public const string EpochMillisecondsName = "epoch-ms";
    public const string EpochSecondsName = "epoch-s";
    public const string LocalName = "local";

    public static readonly string[] Names = [IsoName, EpochMillisecondsName, EpochSecondsName, LocalName];

    private static readonly long MinMilliseconds = Instant.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxMilliseconds = Instant.MaxValue.ToUnixTimeMilliseconds();

    private readonly LocalDateTimePattern? _pattern;
    private readonly DateTimeZone? _zone;

    private InstantFormat(string name, LocalDateTimePattern? pattern, DateTimeZone? zone)
    {
        Name = name;
        _pattern = pattern;
        _zone = zone;
    }

    public static InstantFormat Iso { get; } = new(IsoName, null, null);

    public static InstantFormat EpochMilliseconds { get; } = new(EpochMillisecondsName, null, null);

    public static InstantFormat EpochSeconds { get; } = new(EpochSecondsName, null, null);

    /// <summary>The format's name as a mapping writes it.</summary>
    public string Name { get; }

    /// <summary>A local date-time pattern read in a zone.</summary>
    public static InstantFormat Local(LocalDateTimePattern pattern, DateTimeZone zone) => new(LocalName, pattern, zone);

    /// <summary>Reads an instant from a payload value; on failure, says why (without naming the field).</summary>
    public bool TryRead(PayloadValue value, out Instant instant, out string error)
    {
        instant = default;
        switch (Name)
        {
            case EpochMillisecondsName or EpochSecondsName:
                return TryReadEpoch(value, Name == EpochSecondsName, out instant, out error);
            default:
                if (value.Kind != JsonValueKind.String || !value.TryScalarText(out var text))
                {
                    error = $"expected a date-time string ({Describe()}), got {value.Describe()}";
                    return false;
                }

                return _pattern is null ? TryReadIso(text, out instant, out error) : TryReadLocal(text, out instant, out error);
        }
    }

    /// <summary>What the format expects, for messages.</summary>
    public string Describe() => Name switch
    {
        EpochMillisecondsName => "milliseconds since 1970-01-01T00:00Z",
        EpochSecondsName => "seconds since 1970-01-01T00:00Z",
        LocalName => $"'{_pattern!.PatternText}' in {_zone!.Id}",
        _ => "ISO-8601 with an offset, such as 2026-11-24T10:00:00.000+0000",
    };

    private static bool TryReadIso(string text, out Instant instant, out string error)
    {
        // +0000, as Jira writes it, is ISO-8601's basic offset: read it as +00:00.
        var t = text.Trim();
        if (t.Length > 5 && t[^5] is '+' or '-' && IsDigits(t.AsSpan(t.Length - 4)))
        {
            t = string.Concat(t.AsSpan(0, t.Length - 2), ":", t.AsSpan(t.Length - 2));
        }

        return FieldValueReader.TryParseInstant(t, out instant, out error);
    }

    private bool TryReadLocal(string text, out Instant instant, out string error)
    {
        instant = default;
        var parsed = _pattern!.Parse(text);
        if (!parsed.Success)
        {
            error = $"'{Short(text)}' does not match the pattern '{_pattern.PatternText}'";
            return false;
        }

        try
        {
            instant = _zone!.ResolveLocal(parsed.Value, Resolvers.LenientResolver).ToInstant();
            error = string.Empty;
            return true;
        }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or OverflowException)
        {
            error = $"'{Short(text)}' lies outside the supported range of instants";
            return false;
        }
    }

    private static bool TryReadEpoch(PayloadValue value, bool seconds, out Instant instant, out string error)
    {
        instant = default;
        decimal number;
        switch (value.Kind)
        {
            case JsonValueKind.Number when decimal.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out number):
                break;
            case JsonValueKind.String when value.TryScalarText(out var text)
                && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number):
                break;
            default:
                error = $"expected a number of {(seconds ? "seconds" : "milliseconds")} since 1970-01-01T00:00Z, got {(value.Kind == JsonValueKind.String && value.TryScalarText(out var shown) ? $"'{Short(shown)}'" : value.Describe())}";
                return false;
        }

        // Bounds first: a decimal times 1000 can overflow.
        var scale = seconds ? 1000m : 1m;
        if (number < MinMilliseconds / scale || number > MaxMilliseconds / scale)
        {
            error = $"{number.ToString(CultureInfo.InvariantCulture)} lies outside the supported range of instants (years -9998 to 9999)";
            return false;
        }

        var ticks = decimal.Truncate(number * scale * NodaConstants.TicksPerMillisecond);
        instant = Instant.FromUnixTimeTicks((long)ticks);
        error = string.Empty;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
