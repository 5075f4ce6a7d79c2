namespace SlaEngine.Calendars;

/// <summary>Which Easter an <see cref="EasterHoliday"/> is counted from.</summary>
public enum EasterChurch
{
    /// <summary>The western Easter, by the Gregorian computus (Easter 2027 is Sunday 28 March).</summary>
    Western = 0,

    /// <summary>
    /// The Orthodox Easter, by the Julian computus, given as its date in the Gregorian calendar (Orthodox Easter 2027
    /// is Sunday 2 May).
    /// </summary>
    Orthodox = 1,
}
