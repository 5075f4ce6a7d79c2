using System;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Policies;
using SlaEngine.Text;
using SlaEngine.Tracking;

namespace SlaEngine.Reporting;

/// <summary>
/// Explains a ticket's status in plain words: the decision in force, then each clock's cycle (state, elapsed against
/// its target, due, breach) with the cycles that ended, when next to look, and the escalation steps to come.
/// </summary>
public static class TicketStatusExplainer
{
    /// <summary>Explains a ticket's status under its policy, each instant in the zone of the calendar it counts on.</summary>
    /// <param name="policy">The ticket's policy.</param>
    /// <param name="status">The status.</param>
    /// <returns>Several lines of text.</returns>
    public static string Explain(Policy policy, TicketStatus status) => Explain(policy, status, ExplainOptions.Default);

    /// <summary>Explains a ticket's status under its policy, with the instants in the zones the options choose.</summary>
    /// <param name="policy">The ticket's policy.</param>
    /// <param name="status">The status.</param>
    /// <param name="options">Which zone each instant is shown in.</param>
    /// <returns>Several lines of text.</returns>
    /// <example>
    /// <code>
    /// TicketStatus status = ticket.StatusAt(now);
    /// Console.Write(TicketStatusExplainer.Explain(policy, status, new ExplainOptions { Zone = DateTimeZoneProviders.Tzdb["Europe/Dublin"] }));
    /// </code>
    /// </example>
    public static string Explain(Policy policy, TicketStatus status, ExplainOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(options);
        var zones = new DecisionExplainer.Zones(policy, status.Decision, options);
        string At(Instant instant, BusinessCalendar calendar) => zones.At(instant, calendar);
        var sb = new StringBuilder(DecisionExplainer.Explain(policy, status.Decision, options));
        var home = status.Decision.OwnerTeam?.Calendar ?? BusinessCalendar.AlwaysOpen;
        sb.AppendLine();
        sb.Append("Clocks at ").AppendLine(At(status.At, home));
        foreach (var clock in status.Clocks)
        {
            var calendar = clock.CalendarId is { } id ? policy.FindCalendar(id) ?? home : home;
            sb.Append("  ").Append(clock.Clock).Append(": ").Append(LifecycleText.State(clock.State));
            if (clock.Cycle > 0)
            {
                sb.Append(", cycle ").Append(clock.Cycle.ToString(CultureInfo.InvariantCulture));
            }

            if (clock.State != ClockState.NotStarted)
            {
                sb.Append(", ").Append(DurationText.Format(clock.Elapsed)).Append(" elapsed");
                if (clock.Target is { } target)
                {
                    sb.Append(" of ").Append(DurationText.Format(target)).Append(" (").Append(clock.TargetText).Append(" on ").Append(clock.CalendarId).Append(')');
                }
            }

            if (clock.Breached && clock.BreachedAt is { } breachedAt)
            {
                sb.Append(", breached ").Append(At(breachedAt, calendar));
            }
            else if (clock.Due is { } due)
            {
                sb.Append(", due ").Append(At(due, calendar));
            }

            sb.AppendLine();
            foreach (var cycle in clock.Cycles)
            {
                var outcome = cycle.EndedBy == CycleEnd.Cancel ? "cancelled" : cycle.EndedBy == CycleEnd.Reset ? "reset" : cycle.Met ? "met" : "breached";
                sb.Append("    cycle ").Append(cycle.Number.ToString(CultureInfo.InvariantCulture)).Append(": ")
                    .Append(At(cycle.Start, calendar)).Append(" to ").Append(At(cycle.End, calendar)).Append(", ")
                    .Append(DurationText.Format(cycle.Elapsed))
                    .Append(cycle.Target is { } t ? " of " + DurationText.Format(t) : string.Empty)
                    .Append(", ").AppendLine(outcome);
            }
        }

        sb.AppendLine();
        sb.Append("Next change: ").AppendLine(status.NextChangeAt is { } next ? At(next, home) : "none without a new entry");
        if (status.Pending.IsEmpty)
        {
            sb.AppendLine("Pending escalations: none");
        }
        else
        {
            sb.AppendLine("Pending escalations:");
            foreach (var step in status.Pending)
            {
                sb.Append("  ").Append(step.Key).Append(": ").Append(step.Point).Append(" due ").Append(At(step.Due, home))
                    .Append(", notify ").AppendLine(string.Join(", ", step.Notify));
            }
        }

        return sb.ToString();
    }
}
