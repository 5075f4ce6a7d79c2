using System;
using System.Collections.Generic;
using System.Linq;
using SlaEngine.Events;
using SlaEngine.Expressions;
using SlaEngine.Policies;

namespace SlaEngine.Analysis;

/// <summary>
/// Compares what lies outside the rules: clocks (their conditions as typed trees, positions ignored), freezes
/// (matched by content first, then by id), fields (events one version accepts and the other refuses) and teams.
/// Descriptions, names shown to people and declaration order are not differences.
/// </summary>
internal static class DefinitionComparer
{
    public static List<DefinitionChange> Compare(Policy oldPolicy, Policy newPolicy)
    {
        var changes = new List<DefinitionChange>();
        Clocks(oldPolicy, newPolicy, changes);
        Freezes(oldPolicy, newPolicy, changes);
        Fields(oldPolicy, newPolicy, changes);
        Teams(oldPolicy, newPolicy, changes);
        return changes;
    }

    private static void Clocks(Policy oldPolicy, Policy newPolicy, List<DefinitionChange> changes)
    {
        foreach (var old in oldPolicy.Clocks)
        {
            if (newPolicy.FindClock(old.Name) is not { } @new)
            {
                changes.Add(new(DefinitionSection.Clock, old.Name, "removed"));
                continue;
            }

            Condition(old.PauseWhen, @new.PauseWhen, "pauseWhen", DefinitionSection.Clock, old.Name, changes);
            Condition(old.StopWhen, @new.StopWhen, "stopWhen", DefinitionSection.Clock, old.Name, changes);
            Condition(old.StartWhen, @new.StartWhen, "startWhen", DefinitionSection.Clock, old.Name, changes);
            Condition(old.CancelWhen, @new.CancelWhen, "cancelWhen", DefinitionSection.Clock, old.Name, changes);
            Condition(old.ResetWhen, @new.ResetWhen, "resetWhen", DefinitionSection.Clock, old.Name, changes);
            if (old.Repeat != @new.Repeat || old.Retarget != @new.Retarget)
            {
                changes.Add(new(DefinitionSection.Clock, old.Name, $"repeat {Flag(old.Repeat)} → {Flag(@new.Repeat)}, retarget {Retarget(old.Retarget)} → {Retarget(@new.Retarget)}"));
            }
        }

        foreach (var added in newPolicy.Clocks.Where(c => oldPolicy.FindClock(c.Name) is null))
        {
            changes.Add(new(DefinitionSection.Clock, added.Name, "added"));
        }
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static string Retarget(SlaEngine.Policies.ClockRetarget retarget) => retarget == SlaEngine.Policies.ClockRetarget.Strictest ? "strictest" : "retroactive";

    private static void Condition(Condition? old, Condition? @new, string key, DefinitionSection section, string subject, List<DefinitionChange> changes)
    {
        if (!ExprEquality.Instance.Equals(old?.Syntax, @new?.Syntax))
        {
            changes.Add(new(section, subject, $"{key} {Show(old)} → {Show(@new)}"));
        }

        static string Show(Condition? c) => c is null ? "none" : "'" + c.Text + "'";
    }

    private static void Freezes(Policy oldPolicy, Policy newPolicy, List<DefinitionChange> changes)
    {
        var unmatched = newPolicy.Freezes.ToList();
        var left = new List<FreezeWindow>();
        foreach (var old in oldPolicy.Freezes)
        {
            var same = unmatched.FirstOrDefault(f => Window(f) == Window(old) && ExprEquality.Instance.Equals(f.Unless?.Syntax, old.Unless?.Syntax));
            if (same is not null)
            {
                unmatched.Remove(same);
            }
            else
            {
                left.Add(old);
            }
        }

        foreach (var old in left)
        {
            if (unmatched.FirstOrDefault(f => f.Id == old.Id) is { } @new)
            {
                unmatched.Remove(@new);
                if (Window(old) != Window(@new))
                {
                    changes.Add(new(DefinitionSection.Freeze, old.Id, $"window {Window(old)} → {Window(@new)}"));
                }

                Condition(old.Unless, @new.Unless, "unless", DefinitionSection.Freeze, old.Id, changes);
            }
            else
            {
                changes.Add(new(DefinitionSection.Freeze, old.Id, $"removed ({Window(old)})"));
            }
        }

        foreach (var added in unmatched)
        {
            changes.Add(new(DefinitionSection.Freeze, added.Id, $"added ({Window(added)})"));
        }

        static string Window(FreezeWindow f) => $"{f.From:uuuu-MM-ddTHH:mm} to {f.To:uuuu-MM-ddTHH:mm} {f.Zone.Id}";
    }

    private static void Fields(Policy oldPolicy, Policy newPolicy, List<DefinitionChange> changes)
    {
        foreach (var old in oldPolicy.Schema.Fields)
        {
            if (newPolicy.Schema.Find(old.Name) is not { } @new)
            {
                changes.Add(new(DefinitionSection.Field, old.Name, old.IsRequired ? "removed (it was required: events without it are now accepted)" : "removed (events that carry it are no longer read)"));
                continue;
            }

            if (old.Type != @new.Type)
            {
                changes.Add(new(DefinitionSection.Field, old.Name, $"type {Type(old.Type)} → {Type(@new.Type)}"));
                continue;
            }

            if (old.Type == FieldType.Enum)
            {
                var removed = old.EnumValues.Where(v => @new.EnumOrdinal(v) < 0).ToList();
                var added = @new.EnumValues.Where(v => old.EnumOrdinal(v) < 0).ToList();
                if (added.Count > 0)
                {
                    changes.Add(new(DefinitionSection.Field, old.Name, $"values added: [{string.Join(", ", added)}] (events with them were refused)"));
                }

                if (removed.Count > 0)
                {
                    changes.Add(new(DefinitionSection.Field, old.Name, $"values removed: [{string.Join(", ", removed)}] (events with them are now refused)"));
                }

                var common = old.EnumValues.Where(v => @new.EnumOrdinal(v) >= 0).ToList();
                if (!common.SequenceEqual(common.OrderBy(@new.EnumOrdinal), StringComparer.Ordinal))
                {
                    changes.Add(new(DefinitionSection.Field, old.Name, $"order of values [{string.Join(", ", common)}] → [{string.Join(", ", common.OrderBy(@new.EnumOrdinal))}] (comparisons such as < and <= read it)"));
                }
            }

            if (old.IsRequired != @new.IsRequired)
            {
                changes.Add(new(DefinitionSection.Field, old.Name, @new.IsRequired ? "now required: events without it are refused" : "no longer required: events without it are accepted"));
            }

            if (Default(old) != Default(@new))
            {
                changes.Add(new(DefinitionSection.Field, old.Name, $"default {Default(old)} → {Default(@new)}"));
            }
        }

        foreach (var added in newPolicy.Schema.Fields.Where(f => oldPolicy.Schema.Find(f.Name) is null))
        {
            changes.Add(new(DefinitionSection.Field, added.Name, added.IsRequired
                ? $"added, required ({Type(added.Type)}): events without it are now refused"
                : $"added, optional ({Type(added.Type)})"));
        }

        static string Default(FieldDefinition f) => !f.HasDefault ? "none" : f.Type == FieldType.StringList ? "[" + string.Join(", ", f.Default.List) + "]" : f.Default.ToString();
    }

    private static string Type(FieldType type) => type == FieldType.StringList ? "list<string>" : type.ToString().ToLowerInvariant();

    private static void Teams(Policy oldPolicy, Policy newPolicy, List<DefinitionChange> changes)
    {
        foreach (var old in oldPolicy.Teams)
        {
            if (newPolicy.FindTeam(old.Id) is not { } @new)
            {
                changes.Add(new(DefinitionSection.Team, old.Id, "removed"));
            }
            else if (old.Calendar.Id != @new.Calendar.Id)
            {
                changes.Add(new(DefinitionSection.Team, old.Id, $"calendar {old.Calendar.Id} → {@new.Calendar.Id}"));
            }
        }

        foreach (var added in newPolicy.Teams.Where(t => oldPolicy.FindTeam(t.Id) is null))
        {
            changes.Add(new(DefinitionSection.Team, added.Id, "added"));
        }
    }
}
