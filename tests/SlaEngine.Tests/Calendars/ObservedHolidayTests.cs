using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FluentAssertions;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;
using Xunit;
using static SlaEngine.Tests.Calendars.TestCalendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>
/// Observed days against official published lists: GOV.UK's bank holidays of England and Wales (substitute days,
/// next-weekday) and OPM's federal holidays of the United States (nearest-weekday). The lists are the weekdays a
/// worker has off. Years in which a proclamation moved a bank holiday (2020's VE Day, 2022's Jubilee) are left out, and
/// one-off extra days (the 2023 coronation) are not rules.
/// </summary>
public sealed class ObservedHolidayTests
{
    private static readonly ImmutableArray<Holiday> EnglandAndWales =
    [
        new YearlyHoliday(1, 1, "New Year's Day"),
        new EasterHoliday(-2, Name: "Good Friday"),
        new EasterHoliday(1, Name: "Easter Monday"),
        new NthWeekdayHoliday(5, IsoDayOfWeek.Monday, 1, "Early May bank holiday"),
        new NthWeekdayHoliday(5, IsoDayOfWeek.Monday, -1, "Spring bank holiday"),
        new NthWeekdayHoliday(8, IsoDayOfWeek.Monday, -1, "Summer bank holiday"),
        new YearlyHoliday(12, 25, "Christmas Day"),
        new YearlyHoliday(12, 26, "Boxing Day"),
    ];

    private static readonly ImmutableArray<Holiday> UsFederal =
    [
        new YearlyHoliday(1, 1, "New Year's Day") { Observance = HolidayObservance.NearestWeekday },
        new NthWeekdayHoliday(1, IsoDayOfWeek.Monday, 3, "Birthday of Martin Luther King, Jr."),
        new NthWeekdayHoliday(2, IsoDayOfWeek.Monday, 3, "Washington's Birthday"),
        new NthWeekdayHoliday(5, IsoDayOfWeek.Monday, -1, "Memorial Day"),
        new YearlyHoliday(6, 19, "Juneteenth") { FromYear = 2021, Observance = HolidayObservance.NearestWeekday },
        new YearlyHoliday(7, 4, "Independence Day") { Observance = HolidayObservance.NearestWeekday },
        new NthWeekdayHoliday(9, IsoDayOfWeek.Monday, 1, "Labor Day"),
        new NthWeekdayHoliday(10, IsoDayOfWeek.Monday, 2, "Columbus Day"),
        new YearlyHoliday(11, 11, "Veterans Day") { Observance = HolidayObservance.NearestWeekday },
        new NthWeekdayHoliday(11, IsoDayOfWeek.Thursday, 4, "Thanksgiving Day"),
        new YearlyHoliday(12, 25, "Christmas Day") { Observance = HolidayObservance.NearestWeekday },
    ];

    public static TheoryData<int, string> UkBankHolidays => new()
    {
        { 2021, "01-01 04-02 04-05 05-03 05-31 08-30 12-27 12-28" },
        { 2023, "01-02 04-07 04-10 05-01 05-29 08-28 12-25 12-26" },
        { 2024, "01-01 03-29 04-01 05-06 05-27 08-26 12-25 12-26" },
        { 2025, "01-01 04-18 04-21 05-05 05-26 08-25 12-25 12-26" },
        { 2026, "01-01 04-03 04-06 05-04 05-25 08-31 12-25 12-28" },
        { 2027, "01-01 03-26 03-29 05-03 05-31 08-30 12-27 12-28" },
        { 2028, "01-03 04-14 04-17 05-01 05-29 08-28 12-25 12-26" },
    };

    public static TheoryData<int, string> UsFederalHolidays => new()
    {
        { 2021, "01-01 01-18 02-15 05-31 06-18 07-05 09-06 10-11 11-11 11-25 12-24 12-31" },
        { 2022, "01-17 02-21 05-30 06-20 07-04 09-05 10-10 11-11 11-24 12-26" },
        { 2023, "01-02 01-16 02-20 05-29 06-19 07-04 09-04 10-09 11-10 11-23 12-25" },
        { 2026, "01-01 01-19 02-16 05-25 06-19 07-03 09-07 10-12 11-11 11-26 12-25" },
        { 2027, "01-01 01-18 02-15 05-31 06-18 07-05 09-06 10-11 11-11 11-25 12-24 12-31" },
        { 2028, "01-17 02-21 05-29 06-19 07-04 09-04 10-09 11-10 11-23 12-25" },
    };

    [Theory]
    [MemberData(nameof(UkBankHolidays))]
    public void Substitute_days_give_the_bank_holidays_of_England_and_Wales(int year, string expected) =>
        WeekdaysOff(SubstituteDays(EnglandAndWales), year).Should().Equal(Dates(year, expected));

    [Theory]
    [MemberData(nameof(UsFederalHolidays))]
    public void Nearest_weekdays_give_the_federal_holidays_of_the_United_States(int year, string expected) =>
        WeekdaysOff(UsFederal, year).Should().Equal(Dates(year, expected));

    [Fact]
    public void A_UK_Christmas_on_Saturday_is_observed_Monday_and_Boxing_Day_on_Sunday_Tuesday()
    {
        var calendar = Calendar(SubstituteDays(EnglandAndWales));

        var dates = calendar.HolidayDates(new LocalDate(2027, 12, 24), new LocalDate(2027, 12, 31)).ToList();

        dates.Select(d => (d.Date, d.ActualDate, d.Name)).Should().Equal(
            (new LocalDate(2027, 12, 25), new LocalDate(2027, 12, 25), "Christmas Day"),
            (new LocalDate(2027, 12, 26), new LocalDate(2027, 12, 26), "Boxing Day"),
            (new LocalDate(2027, 12, 27), new LocalDate(2027, 12, 25), "Christmas Day"),
            (new LocalDate(2027, 12, 28), new LocalDate(2027, 12, 26), "Boxing Day"));
        dates.Select(d => d.IsObserved).Should().Equal(false, false, true, true);
    }

    [Fact]
    public void Next_weekday_skips_the_actual_date_of_a_holiday_that_does_not_move()
    {
        // Christmas on Sunday 2022-12-25 is observed on Tuesday 27: Monday 26 is Boxing Day itself.
        var calendar = Calendar(
        [
            new YearlyHoliday(12, 25, "Christmas Day") { Observance = HolidayObservance.NextWeekday },
            new YearlyHoliday(12, 26, "Boxing Day"),
        ]);

        calendar.HolidayDates(new LocalDate(2022, 12, 27), new LocalDate(2022, 12, 27)).Single().ActualDate.Should().Be(new LocalDate(2022, 12, 25));
        calendar.IsOpenDate(new LocalDate(2022, 12, 27)).Should().BeFalse();
        calendar.IsOpenDate(new LocalDate(2022, 12, 28)).Should().BeTrue();
    }

    [Fact]
    public void Holidays_take_their_observed_dates_in_the_order_of_their_actual_dates_whatever_the_order_written()
    {
        // Boxing Day listed first: Christmas (actual 25th) still takes Monday 27th, Boxing Day Tuesday 28th.
        var calendar = Calendar(
        [
            new YearlyHoliday(12, 26, "Boxing Day") { Observance = HolidayObservance.NextWeekday },
            new YearlyHoliday(12, 25, "Christmas Day") { Observance = HolidayObservance.NextWeekday },
        ]);

        calendar.HolidayDates(new LocalDate(2027, 12, 27), new LocalDate(2027, 12, 28)).Select(d => d.Name)
            .Should().Equal("Christmas Day", "Boxing Day");
    }

    [Fact]
    public void Two_entries_on_one_date_are_one_holiday_observed_once()
    {
        var calendar = Calendar(
        [
            new YearlyHoliday(12, 25, "Christmas Day") { Observance = HolidayObservance.NextWeekday },
            new FixedDateHoliday(new LocalDate(2027, 12, 25), "Company Christmas") { Observance = HolidayObservance.NextWeekday },
        ]);

        var dates = calendar.HolidayDates(new LocalDate(2027, 12, 25), new LocalDate(2027, 12, 31)).ToList();

        dates.Select(d => d.Date).Should().Equal(new LocalDate(2027, 12, 25), new LocalDate(2027, 12, 27));
        dates[1].Holidays.Select(h => h.Name).Should().Equal("Christmas Day", "Company Christmas");
        calendar.IsOpenDate(new LocalDate(2027, 12, 28)).Should().BeTrue();
    }

    [Fact]
    public void An_observed_date_closes_the_open_time_and_the_business_days()
    {
        var calendar = Calendar(UsFederal);
        var friday = London.AtStrictly(new LocalDateTime(2026, 7, 3, 10, 0)).ToInstant();

        // Friday 2026-07-03 is the observed Independence Day: closed, so 1h from Thursday 16:00 runs to Monday 09:00+.
        calendar.IsOpen(friday).Should().BeFalse();
        calendar.IsOpenDate(new LocalDate(2026, 7, 3)).Should().BeFalse();
        var thursday = London.AtStrictly(new LocalDateTime(2026, 7, 2, 16, 0)).ToInstant();
        calendar.Add(thursday, Duration.FromHours(2)).Should().Be(London.AtStrictly(new LocalDateTime(2026, 7, 6, 10, 0)).ToInstant());
        calendar.AddBusinessDays(thursday, 1).Should().Be(London.AtStrictly(new LocalDateTime(2026, 7, 6, 17, 0)).ToInstant());
    }

    [Fact]
    public void An_exception_still_wins_over_an_observed_holiday()
    {
        var calendar = new BusinessCalendar(
            "c", London, Week((MondayToFriday, [H("09:00", "17:00")])), UsFederal,
            [new CalendarException(new LocalDate(2026, 7, 3), [H("09:00", "12:00")])]);

        calendar.IsOpenDate(new LocalDate(2026, 7, 3)).Should().BeTrue();
        calendar.Describe(new LocalDate(2026, 7, 3)).Kind.Should().Be(CalendarDayKind.Exception);
    }

    [Fact]
    public void HolidaysBetween_counts_rule_based_holidays_but_not_observed_dates()
    {
        var calendar = Calendar(UsFederal);

        calendar.HolidaysBetween(new LocalDate(2026, 7, 1), new LocalDate(2026, 7, 31)).Should().Equal((new LocalDate(2026, 7, 4), "Independence Day"));
    }

    /// <summary>As a policy's <c>{ set: …, observed: next-weekday }</c> does: every entry but the Easter ones.</summary>
    private static IEnumerable<Holiday> SubstituteDays(IEnumerable<Holiday> holidays) =>
        holidays.Select(h => h is EasterHoliday ? h : h with { Observance = HolidayObservance.NextWeekday });

    private static BusinessCalendar Calendar(IEnumerable<Holiday> holidays) =>
        new("c", London, Week((MondayToFriday, [H("09:00", "17:00")])), holidays);

    private static List<LocalDate> WeekdaysOff(IEnumerable<Holiday> holidays, int year)
    {
        var calendar = Calendar(holidays);
        return calendar.HolidayDates(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31))
            .Select(d => d.Date)
            .Where(d => d.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            .Distinct()
            .ToList();
    }

    private static List<LocalDate> Dates(int year, string monthDays) =>
        monthDays.Split(' ').Select(md => LocalDatePattern.Iso.Parse($"{year}-{md}").Value).ToList();
}
