using System;
using System.Collections.Generic;
using System.Linq;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Expressions;
using SlaEngine.Expressions.Logic;
using SlaEngine.Model;

namespace SlaEngine.Analysis;

/// <summary>The lint of teams and calendars that nothing refers to.</summary>
internal static class UnusedDefinitionLint
{
    /// <summary>
    /// A team is used when a rule names it (owner, approvers, consulted, informed, escalation notify, notice recipients),
    /// when a condition compares a team field with it (<c>requestedBy == "cc-ops"</c>, in any rule, clock or freeze
    /// condition) or when it is a team field's default. A calendar is used when a team, a target or a notice names it,
    /// or a condition calls <c>open()</c> on it.
    /// </summary>
    public static void Check(PolicyDecl declared, Policy policy, DiagnosticBag d)
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

        foreach (var field in declared.Fields.Where(f => f.DefaultValue.Kind == FieldValueKind.Team))
        {
            usedTeams.Add(field.DefaultValue.Text!);
        }

        // Conditions, read from their typed trees: a team literal is one compared with a team field, and open() names
        // its calendar in its first argument. Text that merely looks alike (inside a string, a field named like a team)
        // is not a use.
        var conditions = policy.Rules.Where(r => r.HasWhen).Select(r => r.When)
            .Concat(policy.Clocks.SelectMany(c => new[] { c.PauseWhen, c.StopWhen, c.StartWhen, c.CancelWhen, c.ResetWhen }))
            .Concat(policy.Freezes.Select(f => f.Unless))
            .OfType<Condition>();
        foreach (var node in conditions.SelectMany(c => ConditionLogic.Nodes(c.Syntax)))
        {
            switch (node)
            {
                case LiteralExpr { Value: string team, Type.Kind: TypeKind.Team }:
                    usedTeams.Add(team);
                    break;
                case CallExpr { Function: BuiltinFunction.Open, Arguments: [LiteralExpr { Value: string calendar }, ..] }:
                    usedCalendars.Add(calendar);
                    break;
            }
        }

        foreach (var team in declared.Teams.Where(t => !usedTeams.Contains(t.Id.Value)))
        {
            d.Warning(DiagnosticCodes.UnusedTeam, team.Id.Location, $"team '{team.Id.Value}' is never used: no rule makes it an owner, approver, consulted or informed party, escalation contact or notice recipient, and no condition or default names it");
        }

        foreach (var calendar in declared.Calendars.Where(c => !usedCalendars.Contains(c.Id.Value)))
        {
            d.Warning(DiagnosticCodes.UnusedCalendar, calendar.Id.Location, $"calendar '{calendar.Id.Value}' is never used: no team, target, notice or open() refers to it");
        }
    }
}
