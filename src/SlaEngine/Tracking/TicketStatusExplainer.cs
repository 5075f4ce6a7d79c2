using System;
using System.Linq;
using System.Text;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Tracking;

/// <summary>
/// Explains where a ticket stands in plain words: the decision for its current fields (as
/// <see cref="DecisionExplainer"/> writes it), then every SLA clock's state at the instant asked: running, paused or
/// stopped, the open time used of its target on its calendar, what remains, when it is due, whether and when it was
/// breached, and the escalations fired so far.
/// </summary>
/// <example>
/// <code>
/// TicketStatus status = ticket.StatusAt(now);
/// Console.Write(TicketStatusExplainer.Explain(policy, status, ExplainOptions.Default));
/// //   resolve: running, within target: 5h elapsed of 16h (2bd) on cc-hours, 11h remaining; due Thu 26 Nov 2026 ...
/// </code>
/// </example>
public static class TicketStatusExplainer
{
    /// <summary>Explains a ticket's status.</summary>
    /// <param name="policy">The policy that tracks the ticket.</param>
    /// <param name="status">The status, from <see cref="Ticket.StatusAt"/>.</param>
    /// <param name="options">Which zone each instant is shown in.</param>
    /// <returns>Several lines of text.</returns>
    public static string Explain(Policy policy, TicketStatus status, ExplainOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(options);
        var zones = new DecisionExplainer.Zones(policy, status.Decision, options);
        var home = status.Decision.OwnerTeam?.Calendar ?? zones.CalendarOf(null);
        var sb = new StringBuilder(DecisionExplainer.Explain(policy, status.Decision, options));
        sb.AppendLine();
        sb.Append("Clocks at ").Append(zones.At(status.At, home)).AppendLine(":");
        if (status.Clocks.IsEmpty)
        {
            sb.AppendLine("  none: no matching rule sets a target for this ticket");
        }

        foreach (var clock in status.Clocks)
        {
            var calendar = zones.CalendarOf(clock.CalendarId);
            sb.Append("  ").Append(clock.Clock).Append(": ").Append(State(clock.State));
            sb.Append(clock.Breached ? $", BREACHED at {zones.At(clock.BreachedAt!.Value, calendar)}" : ", within target");
            sb.Append(": ").Append(DurationText.Format(clock.Elapsed)).Append(" elapsed of ").Append(DurationText.Format(clock.Target));
            if (clock.TargetText != DurationText.Format(clock.Target))
            {
                sb.Append(" (").Append(clock.TargetText).Append(')');
            }

            sb.Append(" on ").Append(DecisionExplainer.CalendarName(clock.CalendarId));
            if (!clock.Breached)
            {
                sb.Append(", ").Append(DurationText.Format(clock.Remaining)).Append(" remaining");
            }

            sb.AppendLine(clock switch
            {
                { State: ClockState.Running, Breached: false, Due: { } due } => $"; due {zones.At(due, calendar)}",
                { State: ClockState.Paused } => "; no due time while paused",
                { State: ClockState.Stopped } => clock.Breached ? "; stopped late" : "; stopped in time (met)",
                _ => string.Empty,
            });
            foreach (var fired in clock.Escalations)
            {
                sb.Append("    escalation ").Append(fired.Point).Append(" fired ").Append(zones.At(fired.At, calendar))
                    .Append(" → notify ").AppendLine(string.Join(", ", fired.Notify.Select(id => policy.FindTeam(id) is { } t ? DecisionExplainer.Team(t) : id)));
            }
        }

        return sb.ToString();
    }

    private static string State(ClockState state) => state switch
    {
        ClockState.Running => "running",
        ClockState.Paused => "paused",
        _ => "stopped",
    };
}
