using SlaEngine.Tracking;

namespace SlaEngine.Samples.SlaService;

/// <summary>A ticket's status under a policy, or why its timeline was refused.</summary>
public sealed class TicketOutcome
{
    private TicketOutcome(string ticket, Policy? policy, TicketStatus? status, bool duplicate, string? error)
    {
        Ticket = ticket;
        Policy = policy;
        Status = status;
        Duplicate = duplicate;
        Error = error;
    }

    /// <summary>The ticket.</summary>
    public string Ticket { get; }

    /// <summary>The policy the status was computed under.</summary>
    public Policy? Policy { get; }

    /// <summary>The status, unless the timeline was refused.</summary>
    public TicketStatus? Status { get; }

    /// <summary>Whether the entry repeated one the ticket already held (and was not stored again).</summary>
    public bool Duplicate { get; }

    /// <summary>Why the timeline was refused, or null.</summary>
    public string? Error { get; }

    internal static TicketOutcome Tracked(string ticket, Policy policy, TicketStatus status, bool duplicate) => new(ticket, policy, status, duplicate, null);

    internal static TicketOutcome Refused(string ticket, string error) => new(ticket, null, null, false, error);
}
