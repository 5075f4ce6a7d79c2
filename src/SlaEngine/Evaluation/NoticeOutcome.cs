using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>Whether a change gave the notice its rule requires.</summary>
/// <param name="Due">The latest instant the request could be raised and still give the notice.</param>
/// <param name="Met">Whether the event was submitted at or before <see cref="Due"/>.</param>
/// <param name="To">The ids of the teams owed notice.</param>
/// <param name="Before">The instant the notice counts back from (the value of the <c>before</c> field).</param>
/// <param name="AtLeast">The notice period as written.</param>
/// <param name="CalendarId">The calendar the period counts on.</param>
public sealed record NoticeOutcome(Instant Due, bool Met, ImmutableArray<string> To, Instant Before, string AtLeast, string CalendarId);
