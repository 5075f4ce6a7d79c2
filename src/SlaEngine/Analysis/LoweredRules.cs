using System;
using System.Collections.Immutable;
using System.Linq;
using SlaEngine.Expressions.Logic;
using SlaEngine.Policies;

namespace SlaEngine.Analysis;

/// <summary>
/// Each rule's condition of a policy lowered once to a <see cref="Formula"/> (a rule without <c>when</c> is
/// <see cref="Formula.True"/>), and, when first asked, its <see cref="RuleHint"/>: the shared input of the linter's
/// proofs and the diff's event space.
/// </summary>
internal sealed class LoweredRules
{
    private readonly Lazy<RuleHint[]> _hints;

    public LoweredRules(ImmutableArray<Rule> rules)
    {
        When = [.. rules.Select(r => r.HasWhen ? ConditionLogic.Lower(r.When.Syntax) : Formula.True)];
        _hints = new Lazy<RuleHint[]>(() => [.. When.Select(RuleHint.Of)]);
    }

    /// <summary>Each rule's condition, in policy order.</summary>
    public Formula[] When { get; }

    /// <summary>Each rule's co-match hint, in policy order.</summary>
    public RuleHint[] Hints => _hints.Value;
}
