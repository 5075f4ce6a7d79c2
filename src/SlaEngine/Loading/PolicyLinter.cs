using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Expressions;
using SlaEngine.Model;

namespace SlaEngine.Loading;

/// <summary>
/// Lint warnings for a policy that loads: rules that can never decide anything, teams and calendars never used,
/// enum values no rule gives an owner, calendars with no holidays in the next twelve months.
/// </summary>
internal static partial class PolicyLinter
{
    public static void Lint(PolicyDecl declared, Policy policy, Instant now, DiagnosticBag d)
    {
        Shadowed(declared, policy, d);
        Unused(declared, d);
        UnownedEnumValues(declared, policy, d);
        NoUpcomingHolidays(declared, policy, now, d);
    }

    /// <summary>
    /// A rule is shadowed when every facet it sets is already set by an earlier rule that matches whenever it does:
    /// an earlier rule without <c>when</c>, or with the same condition text. An earlier always-matching final rule shadows everything after it.
    /// </summary>
    private static void Shadowed(PolicyDecl declared, Policy policy, DiagnosticBag d)
    {
        var rules = policy.Rules;

        // Trimmed once: the comparison below runs for every pair of rules (10,000 rules trimmed 100 million strings).
        var whens = new string?[rules.Length];
        for (var i = 0; i < rules.Length; i++)
        {
            whens[i] = rules[i].HasWhen ? rules[i].When.Text.Trim() : null;
        }

        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            var facets = Facets(rule).ToList();
            var covered = new HashSet<string>(StringComparer.Ordinal);
            string? blocker = null;
            for (var j = 0; j < i; j++)
            {
                var earlier = rules[j];
                var always = whens[j] is null || (whens[i] is not null && string.Equals(whens[j], whens[i], StringComparison.Ordinal));
                if (!always)
                {
                    continue;
                }

                if (earlier.Final)
                {
                    blocker = earlier.Id;
                    covered.UnionWith(facets);
                    break;
                }

                foreach (var f in Facets(earlier))
                {
                    if (covered.Add(f) && facets.Contains(f))
                    {
                        blocker ??= earlier.Id;
                    }
                }
            }

            if (facets.Count > 0 && facets.All(covered.Contains))
            {
                d.Warning(DiagnosticCodes.ShadowedRule, declared.Rules[i].Id.Location, $"rule '{rule.Id}' can never decide anything: rule '{blocker}' above it always matches first and already decides {string.Join(", ", facets)}; move it above or narrow the rule above");
            }
        }
    }

    private static IEnumerable<string> Facets(Policies.Rule rule)
    {
        if (rule.Owner is not null)
        {
            yield return "owner";
        }

        if (rule.Approvers is not null)
        {
            yield return "approvers";
        }

        if (rule.Consulted is not null)
        {
            yield return "consulted";
        }

        if (rule.Informed is not null)
        {
            yield return "informed";
        }

        if (rule.Notice is not null)
        {
            yield return "notice";
        }

        foreach (var t in rule.Targets)
        {
            yield return "targets." + t.Clock.Name;
        }

        foreach (var clock in rule.Escalations.Select(e => e.Clock.Name).Distinct())
        {
            yield return "escalations." + clock;
        }
    }

    private static void Unused(PolicyDecl declared, DiagnosticBag d)
    {
        var usedTeams = new HashSet<string>(StringComparer.Ordinal);
        var usedCalendars = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in declared.Rules)
        {
            if (rule.Owner is { } o)
            {
                usedTeams.Add(o.Value);
            }

            foreach (var list in new[] { rule.Approvers, rule.Consulted, rule.Informed })
            {
                usedTeams.UnionWith(list?.Select(t => t.Value) ?? []);
            }

            foreach (var e in rule.Escalations)
            {
                usedTeams.UnionWith(e.Notify.Select(t => t.Value));
            }

            if (rule.Notice is { } n)
            {
                usedTeams.UnionWith(n.To.Select(t => t.Value));
                if (n.Calendar is { } nc)
                {
                    usedCalendars.Add(nc.Value);
                }
            }

            foreach (var t in rule.Targets)
            {
                if (t.Calendar is { } tc)
                {
                    usedCalendars.Add(tc.Value);
                }
            }
        }

        foreach (var team in declared.Teams)
        {
            if (team.Calendar is { } c)
            {
                usedCalendars.Add(c.Value);
            }
        }

        // Team-typed field defaults, and open("calendar") in any expression, are uses too.
        foreach (var field in declared.Fields.Where(f => f.DefaultValue.Kind == FieldValueKind.Team))
        {
            usedTeams.Add(field.DefaultValue.Text!);
        }

        var expressions = declared.Rules.Select(r => r.When)
            .Concat(declared.Clocks.SelectMany(c => new[] { c.PauseWhen, c.StopWhen }))
            .Concat(declared.Freezes.Select(f => f.Unless))
            .OfType<ExpressionDecl>();
        foreach (var e in expressions)
        {
            foreach (Match m in OpenCall().Matches(e.Text))
            {
                usedCalendars.Add(m.Groups[1].Value);
            }

            // A team compared in a condition (requestedBy == "cc-ops") is a use as well.
            foreach (var team in declared.Teams.Where(t => e.Text.Contains(t.Id.Value, StringComparison.Ordinal)))
            {
                usedTeams.Add(team.Id.Value);
            }
        }

        foreach (var team in declared.Teams.Where(t => !usedTeams.Contains(t.Id.Value)))
        {
            d.Warning(DiagnosticCodes.UnusedTeam, team.Id.Location, $"team '{team.Id.Value}' is never used: no rule makes it an owner, approver, consulted or informed party, escalation contact or notice recipient");
        }

        foreach (var calendar in declared.Calendars.Where(c => !usedCalendars.Contains(c.Id.Value)))
        {
            d.Warning(DiagnosticCodes.UnusedCalendar, calendar.Id.Location, $"calendar '{calendar.Id.Value}' is never used: no team, target, notice or open() refers to it");
        }
    }

    /// <summary>For each always-present enum field that ownership rules test, the values that no owning rule can match.</summary>
    private static void UnownedEnumValues(PolicyDecl declared, Policy policy, DiagnosticBag d)
    {
        var owning = policy.Rules.Where(r => r.Owner is not null).ToList();
        if (owning.Count == 0)
        {
            return;
        }

        foreach (var field in policy.Schema.Fields.Where(f => f.Type == FieldType.Enum && (f.IsRequired || f.HasDefault)))
        {
            var sets = owning.Select(r => r.HasWhen ? ConditionAnalysis.PossibleEnumOrdinals(r.When, field) : null).ToList();
            if (sets.Any(s => s is null))
            {
                // Some owning rule may match any value of this field: every value can get an owner.
                continue;
            }

            var decl = declared.Fields.First(f => f.Name.Value == field.Name);
            for (var ordinal = 0; ordinal < field.EnumValues.Length; ordinal++)
            {
                if (!sets.Any(s => s!.Contains(ordinal)))
                {
                    var at = decl.Values.Count > ordinal ? decl.Values[ordinal].Location : decl.Name.Location;
                    d.Warning(DiagnosticCodes.UnownedEnumValue, at, $"no rule gives an owner to {field.Name} '{field.EnumValues[ordinal]}': such a change would be unowned");
                }
            }
        }
    }

    private static void NoUpcomingHolidays(PolicyDecl declared, Policy policy, Instant now, DiagnosticBag d)
    {
        foreach (var calendar in policy.Calendars)
        {
            var today = now.InZone(calendar.Zone).Date;
            if (!calendar.HolidaysBetween(today, today.PlusMonths(12)).Any())
            {
                var decl = declared.Calendars.First(c => c.Id.Value == calendar.Id);
                d.Warning(DiagnosticCodes.NoUpcomingHolidays, decl.Id.Location, $"calendar '{calendar.Id}' has no holidays in the next twelve months: add this year's holidays (or yearly ones) so deadlines skip them");
            }
        }
    }

    [GeneratedRegex("""open\(\s*["']([a-z0-9][a-z0-9-]*)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex OpenCall();
}
