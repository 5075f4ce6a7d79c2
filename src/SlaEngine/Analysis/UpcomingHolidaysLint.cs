using System.Linq;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Model;

namespace SlaEngine.Analysis;

/// <summary>The lint of calendars with no holidays in the next twelve months.</summary>
internal static class UpcomingHolidaysLint
{
    /// <summary>
    /// The next twelve months are the local dates from today (in the calendar's zone, "now" being the load options'
    /// clock) up to the same date a year later, excluded. A holiday (dated, yearly or n-th weekday) on one of them
    /// counts, and so does an exception that closes one of them (<c>hours: closed</c>); an exception with hours does not.
    /// </summary>
    public static void Check(PolicyDecl declared, Policy policy, Instant now, DiagnosticBag d)
    {
        foreach (var calendar in policy.Calendars)
        {
            var today = now.InZone(calendar.Zone).Date.WithCalendar(CalendarSystem.Iso);
            var end = today.PlusMonths(12).PlusDays(-1);
            var closedOn = calendar.Exceptions.Any(x => x.IsClosed && x.Date.WithCalendar(CalendarSystem.Iso) >= today && x.Date.WithCalendar(CalendarSystem.Iso) <= end);
            if (!closedOn && !calendar.HolidaysBetween(today, end).Any())
            {
                var decl = declared.Calendars.First(c => c.Id.Value == calendar.Id);
                d.Warning(DiagnosticCodes.NoUpcomingHolidays, decl.Id.Location, $"calendar '{calendar.Id}' has no holidays in the next twelve months: add this year's holidays (or yearly ones) so deadlines skip them");
            }
        }
    }
}
