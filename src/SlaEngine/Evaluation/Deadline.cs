using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>When one SLA clock is due for a change event.</summary>
public sealed record Deadline
{
    internal Deadline(string clock, Instant due, string calendarId, string target, Duration targetOpenTime, string decidedBy)
    {
        Clock = clock;
        Due = due;
        CalendarId = calendarId;
        Target = target;
        TargetOpenTime = targetOpenTime;
        DecidedBy = decidedBy;
    }

    /// <summary>The clock's name.</summary>
    public string Clock { get; }

    /// <summary>The due instant: the calendar's <c>Add(submittedAt, within)</c>, or the business-day rule.</summary>
    public Instant Due { get; }

    /// <summary>The id of the calendar the target counts on (<c>24x7</c> for the built-in one).</summary>
    public string CalendarId { get; }

    /// <summary>The target as written in the policy, such as <c>2bd</c> or <c>4h</c>.</summary>
    public string Target { get; }

    /// <summary>The target as open time: for business days, the open time between submission and <see cref="Due"/>.</summary>
    public Duration TargetOpenTime { get; }

    /// <summary>The id of the rule whose target applies.</summary>
    public string DecidedBy { get; }
}
