using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;

namespace SlaEngine.Tests.Calendars;

/// <summary>The calendars of the reference policy (examples/contact-center.yaml), built in code, and small helpers.</summary>
internal static class TestCalendars
{
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    public static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    public static readonly IsoDayOfWeek[] MondayToFriday =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    public static readonly IsoDayOfWeek[] EveryDay = [.. MondayToFriday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    /// <summary>it-hours: New York, mon-fri 08:00-18:00, Thanksgiving, Christmas, New Year, Christmas Eve 08:00-12:00.</summary>
    public static BusinessCalendar ItHours { get; } = new(
        "it-hours",
        NewYork,
        Week((MondayToFriday, [H("08:00", "18:00")])),
        [
            new NthWeekdayHoliday(11, IsoDayOfWeek.Thursday, 4, "Thanksgiving"),
            new YearlyHoliday(12, 25, "Christmas Day"),
            new YearlyHoliday(1, 1, "New Year's Day"),
        ],
        [new CalendarException(new LocalDate(2026, 12, 24), [H("08:00", "12:00")])]);

    /// <summary>cc-hours: New York, mon-fri 07:00-22:00, sat 09:00-17:00, Christmas.</summary>
    public static BusinessCalendar CcHours { get; } = new(
        "cc-hours",
        NewYork,
        Week((MondayToFriday, [H("07:00", "22:00")]), ([IsoDayOfWeek.Saturday], [H("09:00", "17:00")])),
        [new YearlyHoliday(12, 25, "Christmas Day")]);

    /// <summary>oncall-nights: New York, mon-sun 18:00-08:00.</summary>
    public static BusinessCalendar OncallNights { get; } = new(
        "oncall-nights",
        NewYork,
        Week((EveryDay, [H("18:00", "08:00")])));

    /// <summary>Parses an offset date-time such as <c>2026-11-24T10:00:00-05:00</c> (seconds optional).</summary>
    public static Instant I(string text)
    {
        var pattern = text.Length > 22 ? "uuuu-MM-dd'T'HH:mm:sso<G>" : "uuuu-MM-dd'T'HH:mmo<G>";
        return OffsetDateTimePattern.CreateWithInvariantCulture(pattern).Parse(text).GetValueOrThrow().ToInstant();
    }

    /// <summary>Parses <c>HH:mm</c> pairs into an interval; <c>24:00</c> is midnight at the end of the day.</summary>
    public static OpenHours H(string start, string end)
    {
        static LocalTime T(string s) => s == "24:00"
            ? LocalTime.Midnight
            : LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(s).GetValueOrThrow();
        return new OpenHours(T(start), T(end));
    }

    public static Dictionary<IsoDayOfWeek, IReadOnlyList<OpenHours>> Week(params (IsoDayOfWeek[] Days, OpenHours[] Hours)[] entries)
    {
        var week = new Dictionary<IsoDayOfWeek, IReadOnlyList<OpenHours>>();
        foreach (var (days, hours) in entries)
        {
            foreach (var day in days)
            {
                week[day] = hours.ToList();
            }
        }

        return week;
    }

    /// <summary>A calendar in New York (unless another zone is given) with the same hours every given day.</summary>
    public static BusinessCalendar Simple(
        IsoDayOfWeek[] days,
        OpenHours[] hours,
        DateTimeZone? zone = null,
        IEnumerable<Holiday>? holidays = null,
        IEnumerable<CalendarException>? exceptions = null) =>
        new("test", zone ?? NewYork, Week((days, hours)), holidays, exceptions);
}
