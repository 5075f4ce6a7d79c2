using System;
using SlaEngine.Diagnostics;

namespace SlaEngine.Expressions;

/// <summary>
/// The entry point of the rules language: parse, check (the condition must be bool) and compile, in the manner of
/// cel-go's parse → check → plan split.
/// </summary>
internal static class ConditionCompiler
{
    /// <summary>
    /// Parses, checks and compiles <paramref name="text"/>. Every problem is reported into
    /// <paramref name="diagnostics"/> at its position in the file (through <paramref name="map"/>).
    /// </summary>
    /// <returns>The condition, or null when any error was reported for this text.</returns>
    public static Condition? Compile(string text, IPositionMap map, ExpressionEnvironment env, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(diagnostics);

        // Count this expression's errors only: the bag may already hold errors of other parts of the policy.
        var scratch = new DiagnosticBag();
        var syntax = Parser.Parse(text, map, scratch);
        Expr? typed = null;
        if (syntax is not null && !scratch.HasErrors)
        {
            typed = Checker.CheckCondition(syntax, env, map, scratch);
        }

        if (scratch.Count > 0)
        {
            foreach (var diagnostic in scratch.ToImmutable())
            {
                diagnostics.Add(diagnostic);
            }
        }

        if (typed is null || scratch.HasErrors)
        {
            return null;
        }

        return new Condition(text, map.Map(0), typed, ClosureCompiler.Compile(typed, env));
    }
}
