using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// A date a <see cref="BusinessCalendar"/> closes for a holiday: either the holiday's actual date, or the weekday on
/// which a weekend holiday is observed (<see cref="Holiday.Observance"/>). Entries of the calendar that fall on one
/// actual date are one holiday (<see cref="Holidays"/> lists them all, in the calendar's order).
/// </summary>
public sealed class HolidayDate
{
    internal HolidayDate(LocalDate date, LocalDate actualDate, ImmutableArray<Holiday> holidays)
    {
        Date = date;
        ActualDate = actualDate;
        Holidays = holidays;
    }

    /// <summary>Gets the date closed, in the ISO calendar.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets the holiday's actual date: <see cref="Date"/> itself unless <see cref="IsObserved"/>.</summary>
    public LocalDate ActualDate { get; }

    /// <summary>Gets a value indicating whether <see cref="Date"/> is an observed date, not the actual one.</summary>
    public bool IsObserved => Date != ActualDate;

    /// <summary>Gets the entries of the calendar whose actual date is <see cref="ActualDate"/>; never empty.</summary>
    public ImmutableArray<Holiday> Holidays { get; }

    /// <summary>Gets the holiday's name: the first entry's that has one, or <see langword="null"/>.</summary>
    public string? Name
    {
        get
        {
            foreach (var holiday in Holidays)
            {
                if (holiday.Name is { } name)
                {
                    return name;
                }
            }

            return null;
        }
    }

    /// <summary>Returns the date and name, with the actual date of an observed one.</summary>
    /// <returns>For example <c>2027-12-27 Christmas Day (observed; actual 2027-12-25)</c>.</returns>
    public override string ToString()
    {
        var text = $"{CalendarText.Date(Date)} {Name ?? "holiday"}";
        return IsObserved ? $"{text} (observed; actual {CalendarText.Date(ActualDate)})" : text;
    }
}
