using System;
using System.Collections.Generic;
using System.Linq;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Yaml;
using SlaEngine.Model;

namespace SlaEngine.Loading;

/// <summary>Reports every reference to a team, calendar, clock or field that the policy does not declare.</summary>
internal static class ReferenceChecker
{
    public static void Check(PolicyDecl policy, DiagnosticBag d)
    {
        var teamList = policy.Teams.Select(t => t.Id.Value).Distinct(StringComparer.Ordinal).ToList();
        var teams = teamList.ToHashSet(StringComparer.Ordinal);
        var calendars = policy.Calendars.Select(c => c.Id.Value).Append(PolicyReader.AlwaysOpenCalendarId).Distinct(StringComparer.Ordinal).ToList();
        var clockList = policy.Clocks.Select(c => c.Name.Value).Distinct(StringComparer.Ordinal).ToList();
        var clocks = clockList.ToHashSet(StringComparer.Ordinal);
        var instantFields = policy.Fields.Where(f => f.Type == FieldType.Instant).Select(f => f.Name.Value).ToHashSet(StringComparer.Ordinal);

        var unreadable = policy.Unreadable;

        void Team(Located<string> id, string role)
        {
            if (!unreadable.Teams && !teams.Contains(id.Value))
            {
                d.Error(DiagnosticCodes.UnknownTeam, id.Location, $"unknown team '{YamlTreeReader.Shorten(id.Value)}' as {role}{SuggestionFinder.DidYouMeanOrList(id.Value, teamList, "teams")}");
            }
        }

        void Teams(IEnumerable<Located<string>>? ids, string role)
        {
            foreach (var id in ids ?? [])
            {
                Team(id, role);
            }
        }

        void Calendar(Located<string>? id, string role, bool allowOwner)
        {
            if (unreadable.Calendars || id is not { } c || calendars.Contains(c.Value) || (allowOwner && c.Value == PolicyReader.OwnerCalendarKeyword))
            {
                return;
            }

            var known = allowOwner ? calendars.Append(PolicyReader.OwnerCalendarKeyword) : calendars;
            d.Error(DiagnosticCodes.UnknownCalendar, c.Location, $"unknown calendar '{YamlTreeReader.Shorten(c.Value)}' as {role}{SuggestionFinder.DidYouMeanOrList(c.Value, known.ToList(), "calendars")}");
        }

        void Clock(Located<string> name, string role)
        {
            if (!unreadable.Clocks && !clocks.Contains(name.Value))
            {
                d.Error(DiagnosticCodes.UnknownClock, name.Location, $"unknown clock '{YamlTreeReader.Shorten(name.Value)}' in {role}{SuggestionFinder.DidYouMeanOrList(name.Value, clockList, "clocks")}; declare it under 'clocks'");
            }
        }

        foreach (var team in policy.Teams)
        {
            Calendar(team.Calendar, $"the calendar of team '{team.Id.Value}'", allowOwner: false);
        }

        foreach (var rule in policy.Rules)
        {
            var r = rule.Id.Value;
            if (rule.Owner is { } owner)
            {
                Team(owner, $"owner of rule '{r}'");
            }

            Teams(rule.Approvers, $"approver in rule '{r}'");
            Teams(rule.Consulted, $"consulted team in rule '{r}'");
            Teams(rule.Informed, $"informed team in rule '{r}'");
            foreach (var target in rule.Targets)
            {
                Clock(target.Clock, $"the targets of rule '{r}'");
                Calendar(target.Calendar, $"the calendar of target '{target.Clock.Value}' in rule '{r}'", allowOwner: true);
            }

            foreach (var escalation in rule.Escalations)
            {
                Clock(escalation.Clock, $"an escalation of rule '{r}'");
                Teams(escalation.Notify, $"escalation contact in rule '{r}'");
            }

            if (rule.Notice is { Waived: false } notice)
            {
                Teams(notice.To, $"notice recipient in rule '{r}'");
                Calendar(notice.Calendar, $"the notice calendar of rule '{r}'", allowOwner: false);
                if (!instantFields.Contains(notice.Before.Value) && !unreadable.IsUnreadableField(notice.Before.Value))
                {
                    var declared = policy.Fields.FirstOrDefault(f => f.Name.Value == notice.Before.Value);
                    d.Error(
                        DiagnosticCodes.UnknownField,
                        notice.Before.Location,
                        declared is null
                            ? $"unknown field '{YamlTreeReader.Shorten(notice.Before.Value)}' as the notice's 'before'{SuggestionFinder.DidYouMeanOrList(notice.Before.Value, instantFields.Order(StringComparer.Ordinal).ToList(), "instant fields")}; it must be an instant field"
                            : $"the notice's 'before' field '{notice.Before.Value}' is of type {FieldValueReader.Describe(declared.Type)}; it must be an instant field");
                }
            }
        }
    }
}
