using System.Collections.Generic;
using System.Linq;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Expressions.Logic;
using SlaEngine.Model;

namespace SlaEngine.Analysis;

/// <summary>The lint of enum values for which no event gets an owner.</summary>
internal static class UnownedEnumValueLint
{
    /// <summary>At most this many final rules (that set no owner) above the last owning rule: beyond, the check stays silent.</summary>
    private const int MaxFinalsForOwnership = 200;

    /// <summary>
    /// For each enum field read by the conditions of ownership rules (rules that set an owner, and final rules above
    /// the last of them, since those can stop the walk before an owner is set), the values for which no event gets an
    /// owner at all. A value that gets an owner for some events only (say, emergencies) is not reported; those events
    /// are reported as <c>unowned</c> when decided. An absent optional field is not a value.
    /// </summary>
    public static void Check(PolicyDecl declared, Policy policy, LoweredRules lowered, ConditionSolver solver, DiagnosticBag d)
    {
        var rules = policy.Rules;
        var last = -1;
        for (var j = 0; j < rules.Length; j++)
        {
            if (rules[j].Owner is not null)
            {
                last = j;
            }
        }

        if (last < 0 || rules.Take(last).Count(r => r.Final && r.Owner is null) > MaxFinalsForOwnership)
        {
            return;
        }

        var fields = rules.Take(last + 1)
            .Where(r => r.HasWhen && (r.Owner is not null || r.Final))
            .SelectMany(r => ConditionLogic.FieldsRead(r.When.Syntax))
            .Where(f => f.Type == FieldType.Enum)
            .Distinct()
            .OrderBy(f => f.Slot)
            .ToList();
        if (fields.Count == 0)
        {
            return;
        }

        // Some matching rule sets an owner before a final rule ends the walk; built from the bottom up.
        var owned = Formula.False;
        var segment = new List<Formula>();
        for (var j = last; j >= 0; j--)
        {
            if (rules[j].Owner is not null)
            {
                segment.Add(lowered.When[j]);
            }
            else if (rules[j].Final)
            {
                segment.Reverse();
                segment.Add(owned);
                owned = Formula.And([Formula.Not(lowered.When[j]), Formula.Or(segment)]);
                segment = [];
            }
        }

        segment.Reverse();
        segment.Add(owned);
        owned = Formula.Or(segment);

        foreach (var field in fields)
        {
            var decl = declared.Fields.First(f => f.Name.Value == field.Name);
            for (var ordinal = 0; ordinal < field.EnumValues.Length; ordinal++)
            {
                var value = new TestFormula(field.Name, FieldTest.OfTexts(FieldTestKind.Equal, field.EnumValues[ordinal]));
                if (solver.Solve(Formula.And([value, owned]), LintBudget.Query) == Satisfiability.Unsatisfiable)
                {
                    var at = decl.Values.Count > ordinal ? decl.Values[ordinal].Location : decl.Name.Location;
                    d.Warning(DiagnosticCodes.UnownedEnumValue, at, $"no rule gives an owner to {field.Name} '{field.EnumValues[ordinal]}': such a change would be unowned");
                }
            }
        }
    }
}
