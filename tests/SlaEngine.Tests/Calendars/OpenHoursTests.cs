using FluentAssertions;
using NodaTime;
using SlaEngine.Calendars;
using Xunit;
using static SlaEngine.Tests.Calendars.TestCalendars;

namespace SlaEngine.Tests.Calendars;

public sealed class OpenHoursTests
{
    [Fact]
    public void A_day_interval_does_not_cross_midnight()
    {
        var hours = H("08:00", "18:00");
        hours.CrossesMidnight.Should().BeFalse();
        hours.LocalLength.Should().Be(Duration.FromHours(10));
        hours.ToString().Should().Be("08:00-18:00");
    }

    [Fact]
    public void An_end_not_after_the_start_runs_into_the_next_day()
    {
        var hours = H("22:00", "06:00");
        hours.CrossesMidnight.Should().BeTrue();
        hours.LocalLength.Should().Be(Duration.FromHours(8));
    }

    [Fact]
    public void An_end_of_24_00_is_midnight_of_the_next_day()
    {
        var hours = OpenHours.Create(18, 0, 24, 0);
        hours.End.Should().Be(LocalTime.Midnight);
        hours.CrossesMidnight.Should().BeTrue();
        hours.LocalLength.Should().Be(Duration.FromHours(6));
        OpenHours.Create(0, 0, 24, 0).ToString().Should().Be("00:00-24:00");
    }

    [Fact]
    public void Equal_start_and_end_is_a_whole_day() =>
        H("08:00", "08:00").LocalLength.Should().Be(Duration.FromHours(24));
}
