using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>When one SLA clock is due for a change event.</summary>
/// <param name="Clock">The clock's name.</param>
/// <param name="Due">The due instant: the calendar's <c>Add(submittedAt, within)</c>, or the business-day rule.</param>
/// <param name="CalendarId">The id of the calendar the target counts on (<c>24x7</c> for the built-in one).</param>
/// <param name="Target">The target as written in the policy, such as <c>2bd</c> or <c>4h</c>.</param>
/// <param name="TargetOpenTime">The target as open time: for business days, the open time between submission and <see cref="Due"/>.</param>
/// <param name="DecidedBy">The id of the rule whose target applies.</param>
public sealed record Deadline(string Clock, Instant Due, string CalendarId, string Target, Duration TargetOpenTime, string DecidedBy);
