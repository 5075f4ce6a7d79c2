using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Policies;

namespace SlaEngine.Evaluation;

/// <summary>
/// The answer for one change event: who owns it, who approves, is consulted and informed, when each SLA clock is
/// due, who is escalated to when, whether notice was given, what is wrong, and why. Immutable.
/// </summary>
public sealed class Decision
{
    internal Decision(
        string policyId,
        string? policyVersion,
        string? eventId,
        Instant submittedAt,
        Team? owner,
        ImmutableArray<Team> approvers,
        ApprovalMode approval,
        ImmutableArray<Team> consulted,
        ImmutableArray<Team> informed,
        ImmutableArray<Deadline> deadlines,
        ImmutableArray<ScheduledEscalation> escalations,
        NoticeOutcome? notice,
        ImmutableArray<Violation> violations,
        DecisionTrace trace)
    {
        PolicyId = policyId;
        PolicyVersion = policyVersion;
        EventId = eventId;
        SubmittedAt = submittedAt;
        OwnerTeam = owner;
        ApproverTeams = approvers;
        Approval = approval;
        ConsultedTeams = consulted;
        InformedTeams = informed;
        Deadlines = deadlines;
        Escalations = escalations;
        Notice = notice;
        Violations = violations;
        Trace = trace;
    }

    /// <summary>The id of the policy that decided.</summary>
    public string PolicyId { get; }

    /// <summary>The policy's version text, or null.</summary>
    public string? PolicyVersion { get; }

    /// <summary>The event's id, echoed back, or null.</summary>
    public string? EventId { get; }

    /// <summary>When the request was raised.</summary>
    public Instant SubmittedAt { get; }

    /// <summary>The accountable team, or null when no matching rule sets one (then <see cref="Violations"/> holds <c>unowned</c>).</summary>
    public Team? OwnerTeam { get; }

    /// <summary>The owner's id, or null.</summary>
    public string? Owner => OwnerTeam?.Id;

    /// <summary>The teams that must approve.</summary>
    public ImmutableArray<Team> ApproverTeams { get; }

    /// <summary>Whether all approvers or any one must approve.</summary>
    public ApprovalMode Approval { get; }

    /// <summary>The teams consulted.</summary>
    public ImmutableArray<Team> ConsultedTeams { get; }

    /// <summary>The teams informed.</summary>
    public ImmutableArray<Team> InformedTeams { get; }

    /// <summary>The deadline of each clock that has a target, in clock declaration order.</summary>
    public ImmutableArray<Deadline> Deadlines { get; }

    /// <summary>Every escalation step with its instant, sorted by instant, then clock, then ladder order.</summary>
    public ImmutableArray<ScheduledEscalation> Escalations { get; }

    /// <summary>The notice outcome when a matching rule requires notice and the event has the field it counts from; otherwise null.</summary>
    public NoticeOutcome? Notice { get; }

    /// <summary>What is wrong with the request.</summary>
    public ImmutableArray<Violation> Violations { get; }

    /// <summary>Which rule decided each facet, and which rules matched.</summary>
    public DecisionTrace Trace { get; }

    /// <summary>The deadline of a clock, or null when the clock has no target for this event.</summary>
    /// <param name="clock">The clock's name.</param>
    /// <returns>The deadline, or null.</returns>
    public Deadline? DeadlineFor(string clock)
    {
        foreach (var d in Deadlines)
        {
            if (d.Clock == clock)
            {
                return d;
            }
        }

        return null;
    }
}
