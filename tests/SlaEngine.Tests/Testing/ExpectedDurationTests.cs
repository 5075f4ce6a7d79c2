using FluentAssertions;
using NodaTime;
using SlaEngine.Testing;
using Xunit;

namespace SlaEngine.Tests.Testing;

/// <summary>Expected durations compare as amounts (SPEC 8), however a suite writes them.</summary>
public sealed class ExpectedDurationTests
{
    [Theory]
    [InlineData("90m", 90)]
    [InlineData("1h30m", 90)]
    [InlineData("1h 30m", 90)]
    [InlineData("5400s", 90)]
    [InlineData("PT1H30M", 90)]
    [InlineData("PT90M", 90)]
    [InlineData("P2D", 2 * 24 * 60)]
    [InlineData("2d", 2 * 24 * 60)]
    [InlineData("P1W", 7 * 24 * 60)]
    [InlineData("1w", 7 * 24 * 60)]
    [InlineData("0", 0)]
    [InlineData("0h", 0)]
    [InlineData("PT0S", 0)]
    public void The_same_amount_written_differently_reads_the_same(string text, int minutes)
    {
        ExpectationReader.TryParseDuration(text, out var duration).Should().BeTrue();

        duration.Should().Be(Duration.FromMinutes(minutes));
    }

    [Theory]
    [InlineData("2bd")]
    [InlineData("P1M")]
    [InlineData("P1Y")]
    [InlineData("-1h")]
    [InlineData("PT-1H")]
    [InlineData("P")]
    [InlineData("1.5h")]
    [InlineData("")]
    [InlineData("soon")]
    public void What_is_not_an_amount_of_time_is_refused(string text) =>
        ExpectationReader.TryParseDuration(text, out _).Should().BeFalse();

    [Fact]
    public void A_clock_expectation_in_ISO_8601_compares_with_the_engine_amount()
    {
        using var scratch = new Scratch();
        var path = scratch.Suite(
            "  - name: iso\n" +
            "    timeline:\n" +
            "      - { at: \"2026-11-24T10:00:00-05:00\", set: { category: routing } }\n" +
            "    at: \"2026-11-24T11:30:00-05:00\"\n" +
            "    expect: { clocks: { resolve: { elapsed: PT1H30M, remaining: 390m } } }\n");

        new PolicyTestRunner().Run([path]).Results.Should().ContainSingle().Which.Passed.Should().BeTrue();
    }
}
