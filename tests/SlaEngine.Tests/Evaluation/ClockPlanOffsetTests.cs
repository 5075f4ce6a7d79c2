using System.Numerics;
using CsCheck;
using FluentAssertions;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Policies;
using Xunit;

namespace SlaEngine.Tests.Evaluation;

public sealed class ClockPlanOffsetTests
{
    private static Duration Reference(decimal percent, Duration target)
    {
        var scaled = new BigInteger(decimal.Round(percent * 1_000_000m));
        return Duration.FromNanoseconds(target.ToBigIntegerNanoseconds() * scaled / 100_000_000);
    }

    private static EscalationPoint Percent(decimal percent) => new(true, percent, Duration.Zero, percent + "%");

    [Theory]
    [InlineData(75, 40 * 3600)]
    [InlineData(50, 4 * 3600)]
    [InlineData(33.333333, 7)]
    [InlineData(0.000001, 1)]
    [InlineData(100, 0)]
    public void A_percent_offset_is_the_exact_share_of_the_target_rounded_down(decimal percent, long seconds)
    {
        var target = Duration.FromSeconds(seconds);
        ClockPlan.OffsetOf(Percent(percent), target).Should().Be(Reference(percent, target));
    }

    [Fact]
    public void A_percent_offset_of_a_target_of_centuries_does_not_overflow()
    {
        var target = Duration.FromDays(3_000_000);
        ClockPlan.OffsetOf(Percent(99.999999m), target).Should().Be(Reference(99.999999m, target));
        var week = Duration.FromDays(7);
        ClockPlan.OffsetOf(Percent(5_000_000m), week).Should().Be(Reference(5_000_000m, week));
    }

    [Fact]
    public void A_percent_offset_matches_exact_big_integer_arithmetic_for_any_target_and_percent()
    {
        Gen.Select(Gen.Long[0, 200L * 365 * 86_400_000_000_000], Gen.Int[0, 200_000_000])
            .Sample((nanos, micropercent) =>
            {
                var target = Duration.FromNanoseconds(nanos);
                var percent = micropercent / 1_000_000m;
                ClockPlan.OffsetOf(Percent(percent), target).Should().Be(Reference(percent, target));
            });
    }

    [Fact]
    public void A_breach_offset_adds_to_the_target()
    {
        var point = new EscalationPoint(false, 0m, Duration.FromHours(4), "breach+4h");
        ClockPlan.OffsetOf(point, Duration.FromHours(8)).Should().Be(Duration.FromHours(12));
    }
}
