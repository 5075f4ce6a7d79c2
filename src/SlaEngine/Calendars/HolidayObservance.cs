namespace SlaEngine.Calendars;

/// <summary>
/// How a holiday that falls on a Saturday or a Sunday closes one more date, a weekday (<c>observed:</c> in a policy).
/// The actual date stays a holiday either way.
/// </summary>
public enum HolidayObservance
{
    /// <summary>No other date is closed (the default).</summary>
    None = 0,

    /// <summary>
    /// A Saturday holiday is also observed on the Friday before, a Sunday holiday on the Monday after (United States
    /// federal practice: New Year's Day on Saturday 2022-01-01 is observed on Friday 2021-12-31).
    /// </summary>
    NearestWeekday = 1,

    /// <summary>
    /// A Saturday or Sunday holiday is also observed on the first following Monday to Friday that is neither the
    /// actual date of a holiday of the calendar nor already the observed date of another holiday; holidays take their
    /// observed dates in the order of their actual dates (United Kingdom substitute days: Christmas on Saturday
    /// 2027-12-25 is observed on Monday the 27th, Boxing Day on Sunday the 26th on Tuesday the 28th).
    /// </summary>
    NextWeekday = 2,
}
