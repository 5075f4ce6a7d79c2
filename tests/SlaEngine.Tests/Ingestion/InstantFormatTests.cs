using System.Text.Json;
using FluentAssertions;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Ingestion;
using Xunit;

namespace SlaEngine.Tests.Ingestion;

public sealed class InstantFormatTests
{
    private static readonly Instant TenUtc = Instant.FromUtc(2026, 11, 24, 10, 0);

    private static (bool Ok, Instant Instant, string Error) Read(InstantFormat format, string json)
    {
        using var document = JsonDocument.Parse(json);
        var ok = format.TryRead(PayloadValue.From(document.RootElement), out var instant, out var error);
        return (ok, instant, error);
    }

    private static InstantFormat Local(string pattern, string zone) =>
        InstantFormat.Local(LocalDateTimePattern.CreateWithInvariantCulture(pattern), DateTimeZoneProviders.Tzdb[zone]);

    [Theory]
    [InlineData("\"2026-11-24T10:00:00.000+0000\"")]
    [InlineData("\"2026-11-24T10:00:00+00:00\"")]
    [InlineData("\"2026-11-24T10:00:00Z\"")]
    [InlineData("\"2026-11-24T10:00:00.000Z\"")]
    [InlineData("\"2026-11-24T05:00:00.000-0500\"")]
    [InlineData("\"2026-11-24T05:00:00-05:00\"")]
    [InlineData("\"2026-11-24T15:30:00.000+0530\"")]
    [InlineData("\"2026-11-24T10:00Z\"")]
    public void Iso_reads_offsets_with_a_colon_without_one_or_as_z(string json)
    {
        var (ok, instant, error) = Read(InstantFormat.Iso, json);

        ok.Should().BeTrue(error);
        instant.Should().Be(TenUtc);
    }

    [Theory]
    [InlineData("\"2026-11-24T10:00:00\"", "has no offset")]
    [InlineData("\"2026-11-24 10:00:00\"", "not an ISO-8601 instant")]
    [InlineData("\"yesterday\"", "not an ISO-8601 instant")]
    [InlineData("1795514400000", "got a number")]
    [InlineData("{}", "got an object")]
    public void Iso_refuses_what_is_not_an_instant_with_an_offset(string json, string words)
    {
        var (ok, _, error) = Read(InstantFormat.Iso, json);

        ok.Should().BeFalse();
        error.Should().Contain(words);
    }

    [Theory]
    [InlineData("1795514400000")]
    [InlineData("\"1795514400000\"")]
    [InlineData("1795514400000.0")]
    public void Epoch_milliseconds_read_a_number_or_a_string_of_digits(string json)
    {
        var (ok, instant, error) = Read(InstantFormat.EpochMilliseconds, json);

        ok.Should().BeTrue(error);
        instant.Should().Be(Instant.FromUtc(2026, 11, 24, 10, 0));
    }

    [Fact]
    public void Epoch_seconds_keep_a_fraction()
    {
        var (ok, instant, error) = Read(InstantFormat.EpochSeconds, "1795514400.25");

        ok.Should().BeTrue(error);
        instant.Should().Be(TenUtc + Duration.FromMilliseconds(250));
    }

    [Theory]
    [InlineData("1e300")]
    [InlineData("99999999999999999999999999")]
    [InlineData("-99999999999999999")]
    [InlineData("\"12 o'clock\"")]
    [InlineData("true")]
    public void Epoch_values_out_of_range_or_not_numbers_are_refused_without_an_exception(string json)
    {
        Read(InstantFormat.EpochMilliseconds, json).Ok.Should().BeFalse();
        Read(InstantFormat.EpochSeconds, json).Ok.Should().BeFalse();
    }

    [Fact]
    public void Local_reads_a_zone_less_date_time_in_the_zone_given()
    {
        var (ok, instant, error) = Read(Local("uuuu-MM-dd HH:mm:ss", "UTC"), "\"2026-11-24 10:00:00\"");

        ok.Should().BeTrue(error);
        instant.Should().Be(TenUtc);
        Read(Local("uuuu-MM-dd HH:mm:ss", "America/New_York"), "\"2026-11-24 05:00:00\"").Instant.Should().Be(TenUtc);
    }

    [Fact]
    public void Local_takes_a_time_skipped_by_daylight_saving_as_shifted_forward_and_a_repeated_one_at_its_first_occurrence()
    {
        var format = Local("uuuu-MM-dd HH:mm", "America/New_York");

        // 2026-03-08 02:30 does not exist in New York (clocks go from 02:00 to 03:00): it is 03:30 EDT.
        Read(format, "\"2026-03-08 02:30\"").Instant.Should().Be(Instant.FromUtc(2026, 3, 8, 7, 30));

        // 2026-11-01 01:30 happens twice: the first, in EDT (-04:00).
        Read(format, "\"2026-11-01 01:30\"").Instant.Should().Be(Instant.FromUtc(2026, 11, 1, 5, 30));
    }

    [Fact]
    public void Local_refuses_text_that_does_not_match_the_pattern_naming_it()
    {
        var (ok, _, error) = Read(Local("uuuu-MM-dd HH:mm:ss", "UTC"), "\"24/11/2026 10:00\"");

        ok.Should().BeFalse();
        error.Should().Contain("uuuu-MM-dd HH:mm:ss");
    }
}
