using NodaTime;
using SlaEngine.Analysis;
using SlaEngine.Diagnostics;
using SlaEngine.Expressions.Logic;
using SlaEngine.Model;

namespace SlaEngine.Loading;

/// <summary>
/// Lint warnings for a policy that loads: rules that can never decide anything, teams and calendars never used,
/// enum values no rule gives an owner, calendars with no holidays in the next twelve months. Each lint lives in
/// <see cref="SlaEngine.Analysis"/>, over the rules' conditions lowered once and one solver whose budget they share.
/// </summary>
internal static class PolicyLinter
{
    public static void Lint(PolicyDecl declared, Policy policy, Instant now, DiagnosticBag d)
    {
        var lowered = new LoweredRules(policy.Rules);
        var solver = new ConditionSolver(policy.Schema, LintBudget.Total);
        ShadowedRuleLint.Check(declared, policy, lowered, solver, d);
        UnusedDefinitionLint.Check(declared, policy, d);
        UnownedEnumValueLint.Check(declared, policy, lowered, solver, d);
        UpcomingHolidaysLint.Check(declared, policy, now, d);
    }
}
