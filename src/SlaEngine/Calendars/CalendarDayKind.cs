namespace SlaEngine.Calendars;

/// <summary>Why a local date of a <see cref="BusinessCalendar"/> has the intervals it has.</summary>
public enum CalendarDayKind
{
    /// <summary>The weekly hours of the date's weekday (none, on a weekday the calendar is closed).</summary>
    WeeklyHours = 0,

    /// <summary>An exception of the calendar gives the date its own hours, or closes it; it wins over holidays.</summary>
    Exception = 1,

    /// <summary>The date is the actual date of a holiday: no interval starts on it.</summary>
    Holiday = 2,

    /// <summary>The date is the observed date of a weekend holiday: no interval starts on it.</summary>
    ObservedHoliday = 3,
}
