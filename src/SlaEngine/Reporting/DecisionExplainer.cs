using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;
using SlaEngine.Evaluation;
using SlaEngine.Policies;

namespace SlaEngine.Reporting;

/// <summary>
/// Explains a decision in plain words for someone who has never seen the policy file: each facet with the team's name
/// and the rule behind it (with the rule's description), each instant in the local time of its calendar's zone.
/// </summary>
public static class DecisionExplainer
{
    private static readonly ZonedDateTimePattern Local = ZonedDateTimePattern.CreateWithInvariantCulture("ddd d MMM uuuu HH':'mm x '('z')'", DateTimeZoneProviders.Tzdb);

    private static readonly ZonedDateTimePattern LocalAtOffset = ZonedDateTimePattern.CreateWithInvariantCulture("ddd d MMM uuuu HH':'mm", DateTimeZoneProviders.Tzdb);

    /// <summary>Explains a decision of a policy, each instant in the zone of the calendar it counts on.</summary>
    /// <param name="policy">The policy that made the decision.</param>
    /// <param name="decision">The decision.</param>
    /// <returns>Several lines of text.</returns>
    public static string Explain(Policy policy, Decision decision) => Explain(policy, decision, ExplainOptions.Default);

    /// <summary>Explains a decision of a policy, with instants shown as the options say.</summary>
    /// <param name="policy">The policy that made the decision.</param>
    /// <param name="decision">The decision.</param>
    /// <param name="options">Which zone each instant is shown in.</param>
    /// <returns>Several lines of text.</returns>
    public static string Explain(Policy policy, Decision decision, ExplainOptions options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(options);
        var zones = new Zones(policy, decision, options);
        string At(Instant instant, BusinessCalendar calendar) => zones.At(instant, calendar);
        var sb = new StringBuilder();
        var described = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        string Because(string? ruleId, bool withDescription = true) => BecauseOf(policy, ruleId, withDescription && ruleId is not null && described.Add(ruleId));
        var home = decision.OwnerTeam?.Calendar ?? policy.Calendars.FirstOrDefault() ?? BusinessCalendar.AlwaysOpen;
        sb.Append("Policy ").Append(policy.Id);
        if (policy.Version is not null)
        {
            sb.Append(" (version ").Append(policy.Version).Append(')');
        }

        sb.AppendLine();
        sb.Append("Request").Append(decision.EventId is null ? string.Empty : " " + decision.EventId)
            .Append(" submitted ").AppendLine(At(decision.SubmittedAt, home));
        sb.AppendLine();

        var ownerRule = decision.Trace.RuleFor("owner");
        sb.Append("Owner: ").AppendLine(decision.OwnerTeam is { } owner
            ? $"{Team(owner)}{Because(ownerRule)}"
            : "nobody — no matching rule sets an owner (violation 'unowned')");
        if (!decision.ApproverTeams.IsEmpty)
        {
            sb.Append("Approval: ").Append(decision.Approval == ApprovalMode.Any ? "any one of " : "all of ")
                .Append(Teams(decision.ApproverTeams)).AppendLine(Because(decision.Trace.RuleFor("approvers")));
        }
        else
        {
            sb.AppendLine("Approval: none needed");
        }

        sb.Append("Consulted: ").AppendLine(decision.ConsultedTeams.IsEmpty ? "nobody" : Teams(decision.ConsultedTeams) + Because(decision.Trace.RuleFor("consulted")));
        sb.Append("Informed: ").AppendLine(decision.InformedTeams.IsEmpty ? "nobody" : Teams(decision.InformedTeams) + Because(decision.Trace.RuleFor("informed")));
        sb.AppendLine();

        if (decision.Deadlines.IsEmpty)
        {
            sb.AppendLine("Deadlines: none (no matching rule sets a target)");
        }
        else
        {
            sb.AppendLine("Deadlines:");
            foreach (var d in decision.Deadlines)
            {
                var calendar = policy.FindCalendar(d.CalendarId) ?? BusinessCalendar.AlwaysOpen;
                sb.Append("  ").Append(d.Clock).Append(": due ").Append(At(d.Due, calendar))
                    .Append(" — ").Append(d.Target).Append(" on ").Append(CalendarName(d.CalendarId))
                    .AppendLine(Because(d.DecidedBy, withDescription: false));
            }
        }

        if (!decision.Escalations.IsEmpty)
        {
            sb.AppendLine("Escalations:");
            foreach (var e in decision.Escalations)
            {
                var calendar = policy.FindCalendar(decision.DeadlineFor(e.Clock)?.CalendarId ?? "24x7") ?? BusinessCalendar.AlwaysOpen;
                sb.Append("  ").Append(At(e.At, calendar)).Append(": ").Append(e.Clock).Append(' ').Append(e.Point)
                    .Append(" → notify ").AppendLine(string.Join(", ", e.Notify.Select(id => policy.FindTeam(id) is { } t ? Team(t) : id)));
            }
        }

        if (decision.Notice is { } n)
        {
            var calendar = policy.FindCalendar(n.CalendarId) ?? BusinessCalendar.AlwaysOpen;
            sb.Append("Notice: ").Append(n.AtLeast).Append(" to ").Append(string.Join(", ", n.To.Select(id => policy.FindTeam(id) is { } t ? t.Name : id)))
                .Append(" before ").Append(At(n.Before, calendar)).Append(", so the request was due by ").Append(At(n.Due, calendar))
                .Append(n.Met ? " — given." : " — NOT given.").AppendLine(Because(decision.Trace.RuleFor("notice"), withDescription: false));
        }

        sb.AppendLine();
        sb.Append("Violations: ").AppendLine(decision.Violations.IsEmpty ? "none" : string.Empty);
        foreach (var v in decision.Violations)
        {
            sb.Append("  ").Append(v.Code).Append(": ").AppendLine(v.Message);
        }

        sb.Append("Rules matched, in order: ").AppendLine(decision.Trace.Matched.IsEmpty ? "none" : string.Join(", ", decision.Trace.Matched));
        return Diagnostics.VisibleText.Escape(sb.ToString(), keepNewlines: true);
    }

    internal static string CalendarName(string id) => id == BusinessCalendar.AlwaysOpen.Id ? "24x7 (always open)" : id;

    internal static string Team(Team team) => team.Name == team.Id ? team.Id : $"{team.Name} ({team.Id})";

    private static string Teams(ImmutableArray<Team> teams) => string.Join(", ", teams.Select(Team));

    private static string BecauseOf(Policy policy, string? ruleId, bool withDescription)
    {
        if (ruleId is null)
        {
            return string.Empty;
        }

        var description = withDescription ? policy.FindRule(ruleId)?.Description : null;
        return description is null ? $" [rule {ruleId}]" : $" [rule {ruleId}: {description}]";
    }

    /// <summary>Shows instants in the zones an explanation's options choose.</summary>
    internal sealed class Zones(Policy policy, Decision decision, ExplainOptions options)
    {
        /// <summary>The calendar of an id, or 24x7 when there is none.</summary>
        public BusinessCalendar CalendarOf(string? calendarId) =>
            (calendarId is null ? null : policy.FindCalendar(calendarId)) ?? BusinessCalendar.AlwaysOpen;

        /// <summary>"Tue 24 Nov 2026 10:00 EST (America/New_York) = 2026-11-24T15:00:00Z", in the zone chosen for the calendar.</summary>
        public string At(Instant instant, BusinessCalendar calendar)
        {
            var zone = ZoneFor(calendar);
            ZonedDateTime local;
            try
            {
                local = instant.InZone(zone);
            }
            catch (ArgumentOutOfRangeException)
            {
                return SlaJson.FormatInstant(instant); // at the ends of time the local date has no ISO form
            }

            // A zone of the time zone database reads with its abbreviation and id; a bare offset (UTC, or the
            // offset an event was submitted with) with the offset alone, never as "UTC (UTC)".
            var text = zone.MinOffset != zone.MaxOffset
                ? Local.Format(local)
                : $"{LocalAtOffset.Format(local)} ({OffsetText(local.Offset)})";
            return $"{text} = {SlaJson.FormatInstant(instant)}";
        }

        private DateTimeZone ZoneFor(BusinessCalendar calendar)
        {
            if (options.Zone is { } chosen)
            {
                return chosen;
            }

            if (calendar.Id != BusinessCalendar.AlwaysOpen.Id)
            {
                return calendar.Zone;
            }

            var owner = decision.OwnerTeam?.Calendar;
            return options.AlwaysOpenZone
                ?? (owner is not null && owner.Id != BusinessCalendar.AlwaysOpen.Id ? owner.Zone : null)
                ?? policy.Calendars.FirstOrDefault()?.Zone
                ?? DateTimeZone.Utc;
        }

        private static string OffsetText(Offset offset) =>
            offset == Offset.Zero ? "UTC" : "UTC" + OffsetPattern.CreateWithInvariantCulture("+HH:mm").Format(offset);
    }
}
