using System.Linq;
using FluentAssertions;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.Reliability;

/// <summary>
/// Freezes whose bounds, read in their zone, fall outside the instants NodaTime represents: the loader must report
/// them at the value, never throw (a watched file with such a freeze once killed its host from the reload timer).
/// </summary>
public sealed class FreezeRangeTests
{
    private static string PolicyWithFreeze(string zone, string from, string to) => $$"""
        format: slaengine/v1
        policy: p
        teams:
          a: { name: A }
        fields:
          category: { type: enum, values: [x, y] }
          scheduledStart: { type: instant, required: false }
        clocks:
          resolve: {}
        rules:
          - id: r
            when: category == "x"
            owner: a
            targets:
              resolve: { within: 8h }
        freezes:
          - id: forever
            zone: {{zone}}
            from: {{from}}
            to: {{to}}
        """;

    [Theory]
    [InlineData("America/New_York", "2026-12-01T00:00", "9999-12-31T23:59", 20, 9)]
    [InlineData("Etc/GMT-14", "-9998-01-01T00:00", "2026-12-01T00:00", 19, 11)]
    [InlineData("Etc/GMT+12", "2026-12-01T00:00", "9999-12-31T12:00", 20, 9)]
    public void A_freeze_bound_beyond_the_representable_instants_is_an_error_at_that_bound(string zone, string from, string to, int line, int column)
    {
        var result = PolicyLoader.Load(PolicyWithFreeze(zone, from, to), "freeze.yaml");

        Hostile.ShouldBeWellFormed(result);
        result.Success.Should().BeFalse();
        var error = result.Errors.Should().Contain(d => d.Code == DiagnosticCodes.InvalidFreeze).Which;
        error.Location.Line.Should().Be(line);
        error.Location.Column.Should().Be(column);
        error.Message.Should().Contain("forever").And.Contain(zone);
    }

    [Fact]
    public void A_freeze_ending_at_the_last_representable_minute_in_utc_loads()
    {
        var result = PolicyLoader.Load(PolicyWithFreeze("UTC", "2026-12-01T00:00", "9999-12-31T23:59"), "freeze.yaml");

        result.Errors.Should().BeEmpty();
        result.Policy!.Freezes.Single().End.Should().Be(NodaTime.Instant.FromUtc(9999, 12, 31, 23, 59));
    }
}
