using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RulesEngine.Models;

namespace SlaEngine.Benchmarks.Synthetic;

/// <summary>The same rules as one Microsoft RulesEngine workflow, one lambda-expression rule per policy rule.</summary>
internal static class RulesEngineWorkflow
{
    public const string Name = "synthetic";

    public static Workflow Create(SyntheticRule[] rules) => new()
    {
        WorkflowName = Name,
        Rules = [.. rules.Select(r => new Rule
        {
            RuleName = r.Id,
            Expression = r.LambdaExpression,
            RuleExpressionType = RuleExpressionType.LambdaExpression,
            SuccessEvent = r.Owner,
        })],
    };

    /// <summary>Builds an engine and compiles the workflow (RulesEngine compiles lazily, on the first execution).</summary>
    public static RulesEngine.RulesEngine Compile(SyntheticRule[] rules, SyntheticEvent sample)
    {
        var engine = new RulesEngine.RulesEngine([Create(rules)], new ReSettings());
        _ = Wait(engine.ExecuteAllRulesAsync(Name, sample));
        return engine;
    }

    public static int CountMatches(RulesEngine.RulesEngine engine, SyntheticEvent e)
    {
        var results = Wait(engine.ExecuteAllRulesAsync(Name, e));
        var count = 0;
        foreach (var r in results)
        {
            if (r.IsSuccess)
            {
                count++;
            }
        }

        return count;
    }

    // ExecuteAllRulesAsync completes synchronously for lambda rules; waiting keeps the benchmark synchronous either way.
    private static List<RuleResultTree> Wait(ValueTask<List<RuleResultTree>> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
}
