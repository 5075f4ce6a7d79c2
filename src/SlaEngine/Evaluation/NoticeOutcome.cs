using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Evaluation;

/// <summary>Whether a change gave the notice its rule requires.</summary>
public sealed record NoticeOutcome
{
    internal NoticeOutcome(Instant due, bool met, ImmutableArray<string> to, Instant before, string atLeast, string calendarId)
    {
        Due = due;
        Met = met;
        To = to;
        Before = before;
        AtLeast = atLeast;
        CalendarId = calendarId;
    }

    /// <summary>The latest instant the request could be raised and still give the notice.</summary>
    public Instant Due { get; }

    /// <summary>Whether the event was submitted at or before <see cref="Due"/>.</summary>
    public bool Met { get; }

    /// <summary>The ids of the teams owed notice.</summary>
    public ImmutableArray<string> To { get; }

    /// <summary>The instant the notice counts back from (the value of the <c>before</c> field).</summary>
    public Instant Before { get; }

    /// <summary>The notice period as written.</summary>
    public string AtLeast { get; }

    /// <summary>The calendar the period counts on.</summary>
    public string CalendarId { get; }
}
