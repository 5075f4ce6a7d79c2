using FluentAssertions;
using NodaTime;
using SlaEngine.Calendars;
using Xunit;
using static SlaEngine.Tests.Calendars.TestCalendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>The deadlines of shared/acceptance/contact-center.tests.yaml, computed directly on the calendars.</summary>
public sealed class ContactCenterDeadlineTests
{
    [Fact]
    public void Routing_change_is_acknowledged_an_hour_later_on_cc_hours() =>
        CcHours.Add(I("2026-11-24T10:00:00-05:00"), Duration.FromHours(1)).Should().Be(I("2026-11-24T11:00:00-05:00"));

    [Fact]
    public void Two_business_days_from_Tuesday_morning_on_cc_hours_end_Thursday_at_closing() =>
        CcHours.AddBusinessDays(I("2026-11-24T10:00:00-05:00"), 2).Should().Be(I("2026-11-26T22:00:00-05:00"));

    [Fact]
    public void The_two_business_day_target_is_42_open_hours_and_75_percent_of_it_is_Thursday_11_30()
    {
        var start = I("2026-11-24T10:00:00-05:00");
        var target = CcHours.OpenTimeBetween(start, I("2026-11-26T22:00:00-05:00"));
        target.Should().Be(Duration.FromHours(42));
        CcHours.Add(start, target * 0.75).Should().Be(I("2026-11-26T11:30:00-05:00"));
    }

    [Fact]
    public void Emergency_targets_on_24x7_are_plain_elapsed_time()
    {
        var start = I("2026-11-24T10:00:00-05:00");
        BusinessCalendar.AlwaysOpen.Add(start, Duration.FromMinutes(15)).Should().Be(I("2026-11-24T10:15:00-05:00"));
        BusinessCalendar.AlwaysOpen.Add(start, Duration.FromHours(4)).Should().Be(I("2026-11-24T14:00:00-05:00"));
        BusinessCalendar.AlwaysOpen.Add(start, Duration.FromHours(2)).Should().Be(I("2026-11-24T12:00:00-05:00"));
    }

    [Fact]
    public void Friday_afternoon_plus_two_hours_is_due_exactly_at_closing() =>
        ItHours.Add(I("2026-11-27T16:00:00-05:00"), Duration.FromHours(2)).Should().Be(I("2026-11-27T18:00:00-05:00"));

    [Fact]
    public void Friday_afternoon_plus_forty_hours_runs_into_next_Thursday()
    {
        var start = I("2026-11-27T16:00:00-05:00");
        var due = ItHours.Add(start, Duration.FromHours(40));
        due.Should().Be(I("2026-12-03T16:00:00-05:00"));
        ItHours.Add(start, Duration.FromHours(30)).Should().Be(I("2026-12-02T16:00:00-05:00"));
        ItHours.Add(due, Duration.FromHours(8)).Should().Be(I("2026-12-04T14:00:00-05:00"));
    }

    [Fact]
    public void Thanksgiving_is_skipped_on_it_hours() =>
        ItHours.Add(I("2026-11-25T17:00:00-05:00"), Duration.FromHours(2)).Should().Be(I("2026-11-27T09:00:00-05:00"));

    [Fact]
    public void Christmas_Eve_short_hours_Christmas_and_the_weekend_are_skipped() =>
        ItHours.Add(I("2026-12-24T11:00:00-05:00"), Duration.FromHours(2)).Should().Be(I("2026-12-28T09:00:00-05:00"));

    [Fact]
    public void Three_business_days_before_Tuesday_08_00_on_cc_hours_is_Friday_at_opening() =>
        CcHours.SubtractBusinessDays(I("2026-12-01T08:00:00-05:00"), 3).Should().Be(I("2026-11-27T07:00:00-05:00"));

    [Fact]
    public void Three_business_days_before_a_Tuesday_in_January_is_the_Friday_before_at_opening() =>
        CcHours.SubtractBusinessDays(I("2027-01-12T08:00:00-05:00"), 3).Should().Be(I("2027-01-08T07:00:00-05:00"));

    [Fact]
    public void Desktop_change_after_the_freeze_is_acknowledged_in_four_hours_and_resolved_in_five_business_days()
    {
        var start = I("2027-01-05T10:00:00-05:00");
        ItHours.Add(start, Duration.FromHours(4)).Should().Be(I("2027-01-05T14:00:00-05:00"));
        ItHours.AddBusinessDays(start, 5).Should().Be(I("2027-01-12T18:00:00-05:00"));
    }

    [Fact]
    public void System_selection_is_acknowledged_in_one_and_resolved_in_twenty_it_business_days()
    {
        var start = I("2026-11-24T10:00:00-05:00");
        ItHours.AddBusinessDays(start, 1).Should().Be(I("2026-11-25T18:00:00-05:00"));
        ItHours.AddBusinessDays(start, 20).Should().Be(I("2026-12-23T18:00:00-05:00"));
    }

    [Fact]
    public void On_call_night_shift_acknowledges_two_hours_after_Saturday_18_00() =>
        OncallNights.Add(I("2027-03-13T18:00:00-05:00"), Duration.FromHours(2)).Should().Be(I("2027-03-13T20:00:00-05:00"));

    [Fact]
    public void The_night_of_the_spring_change_has_thirteen_real_hours()
    {
        var start = I("2027-03-13T18:00:00-05:00");
        OncallNights.OpenTimeBetween(start, I("2027-03-14T12:00:00-04:00")).Should().Be(Duration.FromHours(13));
        var due = OncallNights.Add(start, Duration.FromHours(14));
        due.Should().Be(I("2027-03-14T19:00:00-04:00"));
        OncallNights.Add(start, Duration.FromHours(10.5)).Should().Be(I("2027-03-14T05:30:00-04:00"));
        OncallNights.Add(due, Duration.FromHours(8)).Should().Be(I("2027-03-15T03:00:00-04:00"));
    }

    [Fact]
    public void A_paused_clock_counts_only_the_open_time_it_ran()
    {
        var ran = CcHours.OpenTimeBetween(I("2026-11-24T10:00:00-05:00"), I("2026-11-24T11:00:00-05:00"))
            + CcHours.OpenTimeBetween(I("2026-11-25T09:00:00-05:00"), I("2026-11-25T12:00:00-05:00"));
        ran.Should().Be(Duration.FromHours(4));
        CcHours.Add(I("2026-11-25T12:00:00-05:00"), Duration.FromHours(38)).Should().Be(I("2026-11-27T20:00:00-05:00"));
    }

    [Fact]
    public void Telephony_outage_on_Saturday_evening_is_outside_it_hours_but_Tuesday_morning_is_inside()
    {
        ItHours.IsOpen(I("2027-03-13T18:00:00-05:00")).Should().BeFalse();
        ItHours.IsOpen(I("2026-11-24T10:00:00-05:00")).Should().BeTrue();
    }
}
