using System;
using System.Collections.Generic;
using System.Globalization;
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

        // A role is written only when a reference is reported: a policy of many rules builds no text for the valid ones.
        void Team(Located<string> id, Role role)
        {
            if (!unreadable.Teams && !teams.Contains(id.Value))
            {
                d.Error(DiagnosticCodes.UnknownTeam, id.Location, $"unknown team '{YamlTreeReader.Shorten(id.Value)}' as {role}{SuggestionFinder.DidYouMeanOrList(id.Value, teamList, "teams")}");
            }
        }

        void Teams(IEnumerable<Located<string>>? ids, Role role)
        {
            foreach (var id in ids ?? [])
            {
                Team(id, role);
            }
        }

        void Calendar(Located<string>? id, Role role, bool allowOwner)
        {
            if (unreadable.Calendars || id is not { } c || calendars.Contains(c.Value) || (allowOwner && c.Value == PolicyReader.OwnerCalendarKeyword))
            {
                return;
            }

            var known = allowOwner ? calendars.Append(PolicyReader.OwnerCalendarKeyword) : calendars;
            d.Error(DiagnosticCodes.UnknownCalendar, c.Location, $"unknown calendar '{YamlTreeReader.Shorten(c.Value)}' as {role}{SuggestionFinder.DidYouMeanOrList(c.Value, known.ToList(), "calendars")}");
        }

        void Clock(Located<string> name, Role role)
        {
            if (!unreadable.Clocks && !clocks.Contains(name.Value))
            {
                d.Error(DiagnosticCodes.UnknownClock, name.Location, $"unknown clock '{YamlTreeReader.Shorten(name.Value)}' in {role}{SuggestionFinder.DidYouMeanOrList(name.Value, clockList, "clocks")}; declare it under 'clocks'");
            }
        }

        foreach (var team in policy.Teams)
        {
            Calendar(team.Calendar, new Role("the calendar of team '{0}'", team.Id.Value), allowOwner: false);
        }

        foreach (var rule in policy.Rules)
        {
            var r = rule.Id.Value;
            if (rule.Owner is { } owner)
            {
                Team(owner, new Role("owner of rule '{0}'", r));
            }

            Teams(rule.Approvers, new Role("approver in rule '{0}'", r));
            Teams(rule.Consulted, new Role("consulted team in rule '{0}'", r));
            Teams(rule.Informed, new Role("informed team in rule '{0}'", r));
            foreach (var target in rule.Targets)
            {
                Clock(target.Clock, new Role("the targets of rule '{0}'", r));
                Calendar(target.Calendar, new Role("the calendar of target '{1}' in rule '{0}'", r, target.Clock.Value), allowOwner: true);
            }

            foreach (var escalation in rule.Escalations)
            {
                Clock(escalation.Clock, new Role("an escalation of rule '{0}'", r));
                Teams(escalation.Notify, new Role("escalation contact in rule '{0}'", r));
            }

            if (rule.Notice is { Waived: false } notice)
            {
                Teams(notice.To, new Role("notice recipient in rule '{0}'", r));
                Calendar(notice.Calendar, new Role("the notice calendar of rule '{0}'", r), allowOwner: false);
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

    /// <summary>The role a reference plays ("owner of rule 'x'"), formatted only when it is reported.</summary>
    private readonly record struct Role(string Format, string Rule, string? Detail = null)
    {
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, Format, Rule, Detail);
    }
}
