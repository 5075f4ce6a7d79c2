using System.Collections.Immutable;
using System.Linq;
using System.Text;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// One local date of a <see cref="BusinessCalendar"/>, described: the intervals that start on it and why
/// (<see cref="BusinessCalendar.Describe(LocalDate)"/>).
/// </summary>
public sealed class CalendarDay
{
    internal CalendarDay(LocalDate date, CalendarDayKind kind, ImmutableArray<OpenHours> hours, ImmutableArray<Interval> intervals, ImmutableArray<HolidayDate> holidays)
    {
        Date = date;
        Kind = kind;
        Hours = hours;
        Intervals = intervals;
        Holidays = holidays;
    }

    /// <summary>Gets the local date, in the ISO calendar.</summary>
    public LocalDate Date { get; }

    /// <summary>Gets why the date has its intervals.</summary>
    public CalendarDayKind Kind { get; }

    /// <summary>Gets the intervals that start on the date, in local time, sorted by start; empty when closed.</summary>
    public ImmutableArray<OpenHours> Hours { get; }

    /// <summary>
    /// Gets the same intervals as instants (the lenient resolver applied; an interval lying wholly in a DST gap is
    /// left out). Overnight intervals end on the next date.
    /// </summary>
    public ImmutableArray<Interval> Intervals { get; }

    /// <summary>
    /// Gets the holidays on the date, actual or observed (also when an exception wins over them); usually empty.
    /// </summary>
    public ImmutableArray<HolidayDate> Holidays { get; }

    /// <summary>Gets a value indicating whether at least one interval starts on the date: a business day.</summary>
    public bool IsOpenDate => !Intervals.IsEmpty;

    /// <summary>
    /// Returns one line: the date and weekday, the hours (or <c>closed</c>) and why, for example
    /// <c>2027-12-27 Mon  closed  holiday (observed): Christmas Day, Sat 2027-12-25</c>.
    /// </summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CalendarText.Date(Date)).Append(' ').Append(CalendarText.Weekday(Date.DayOfWeek)).Append("  ");
        text.Append(Intervals.IsEmpty ? "closed" : string.Join(", ", Hours.Select(Describe)));
        text.Append("  ").Append(Kind switch
        {
            CalendarDayKind.Exception => "exception",
            CalendarDayKind.Holiday => "holiday",
            CalendarDayKind.ObservedHoliday => "holiday (observed)",
            _ => Hours.IsEmpty ? "weekly hours (closed on " + CalendarText.Weekday(Date.DayOfWeek) + ")" : "weekly hours",
        });
        if (!Holidays.IsEmpty)
        {
            text.Append(Kind == CalendarDayKind.Exception ? " (over " : ": ");
            text.Append(string.Join("; ", Holidays.Select(h => h.IsObserved
                ? $"{h.Name ?? "holiday"} observed, actual {CalendarText.Weekday(h.ActualDate.DayOfWeek)} {CalendarText.Date(h.ActualDate)}"
                : h.Name ?? "holiday")));
            text.Append(Kind == CalendarDayKind.Exception ? ")" : string.Empty);
        }

        return text.ToString();
    }

    private string Describe(OpenHours hours)
    {
        var text = hours.ToString();
        return hours.CrossesMidnight ? text + " (ends next day)" : text;
    }
}
