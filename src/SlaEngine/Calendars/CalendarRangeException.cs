using System;

namespace SlaEngine.Calendars;

/// <summary>
/// Thrown by a <see cref="BusinessCalendar"/> when a result would fall outside the range it supports: open time is
/// only generated for local dates from year -9998 to year 9999 (a few days short of NodaTime's instant range at
/// each end), and a calendar that opens only on a few exception dates runs out of open time after the last one.
/// </summary>
public sealed class CalendarRangeException : InvalidOperationException
{
    /// <summary>Initializes a new instance with a default message.</summary>
    public CalendarRangeException()
        : base("The result falls outside the range supported by the business calendar.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public CalendarRangeException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public CalendarRangeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
