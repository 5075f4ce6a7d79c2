using System;
using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Calendars;
using Xunit;

namespace SlaEngine.Tests.Calendars;

public sealed class EasterHolidayTests
{
    // Published Easter tables (western: Gregorian computus), including the earliest (22 March) and latest (25 April)
    // possible dates.
    [Theory]
    [InlineData(1818, 3, 22)]
    [InlineData(1943, 4, 25)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2030, 4, 21)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void The_western_Easter_Sunday_matches_the_published_tables(int year, int month, int day) =>
        EasterHoliday.EasterSunday(year, EasterChurch.Western).Should().Be(new LocalDate(year, month, day));

    // Orthodox Easter, by the Julian computus, given as the Gregorian date.
    [Theory]
    [InlineData(2021, 5, 2)]
    [InlineData(2022, 4, 24)]
    [InlineData(2023, 4, 16)]
    [InlineData(2024, 5, 5)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 12)]
    [InlineData(2027, 5, 2)]
    [InlineData(2028, 4, 16)]
    [InlineData(2029, 4, 8)]
    [InlineData(2030, 4, 28)]
    public void The_Orthodox_Easter_Sunday_matches_the_published_tables(int year, int month, int day) =>
        EasterHoliday.EasterSunday(year, EasterChurch.Orthodox).Should().Be(new LocalDate(year, month, day));

    [Fact]
    public void Every_western_Easter_of_five_centuries_is_a_Sunday_from_22_March_to_25_April()
    {
        foreach (var year in Enumerable.Range(1600, 500))
        {
            var easter = EasterHoliday.EasterSunday(year, EasterChurch.Western);
            easter.DayOfWeek.Should().Be(IsoDayOfWeek.Sunday, $"Easter {year}");
            easter.Should().BeGreaterThanOrEqualTo(new LocalDate(year, 3, 22)).And.BeLessThanOrEqualTo(new LocalDate(year, 4, 25));
        }
    }

    [Fact]
    public void Every_Orthodox_Easter_of_this_century_and_the_last_is_a_Sunday_from_4_April_to_8_May()
    {
        foreach (var year in Enumerable.Range(1901, 199))
        {
            var easter = EasterHoliday.EasterSunday(year, EasterChurch.Orthodox);
            easter.DayOfWeek.Should().Be(IsoDayOfWeek.Sunday, $"Orthodox Easter {year}");
            easter.Should().BeGreaterThanOrEqualTo(new LocalDate(year, 4, 4)).And.BeLessThanOrEqualTo(new LocalDate(year, 5, 8));
        }
    }

    [Fact]
    public void Good_Friday_Easter_Monday_Ascension_and_Whit_Monday_are_counted_from_Easter_Sunday_2027()
    {
        new EasterHoliday(-2).OccurrenceIn(2027).Should().Be(new LocalDate(2027, 3, 26));
        new EasterHoliday(1).OccurrenceIn(2027).Should().Be(new LocalDate(2027, 3, 29));
        new EasterHoliday(39).OccurrenceIn(2027).Should().Be(new LocalDate(2027, 5, 6));
        new EasterHoliday(50).OccurrenceIn(2027).Should().Be(new LocalDate(2027, 5, 17));
        new EasterHoliday(50, EasterChurch.Orthodox).OccurrenceIn(2027).Should().Be(new LocalDate(2027, 6, 21));
    }

    [Fact]
    public void A_holiday_a_hundred_days_before_Easter_falls_in_the_year_before_and_counts_Easter_s_year_for_from()
    {
        // Easter 2027 is 28 March; 100 days before is 18 December 2026.
        var holiday = new EasterHoliday(-100) { FromYear = 2027 };

        holiday.OccurrenceIn(2027).Should().Be(new LocalDate(2026, 12, 18));
        holiday.FallsOn(new LocalDate(2026, 12, 18)).Should().BeTrue();
        holiday.OccurrenceIn(2026).Should().BeNull("Easter 2026 is before the from year");
    }

    [Theory]
    [InlineData(101)]
    [InlineData(-101)]
    public void An_offset_beyond_a_hundred_days_is_refused(int days)
    {
        var act = () => new EasterHoliday(days);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("DaysAfterEaster");
    }

    [Fact]
    public void Easter_is_computed_for_years_1_to_9998_only()
    {
        var act = () => EasterHoliday.EasterSunday(0, EasterChurch.Western);
        act.Should().Throw<ArgumentOutOfRangeException>();
        new EasterHoliday(0).OccurrenceIn(0).Should().BeNull();
    }
}
