using System.Collections.Immutable;
using SlaEngine.Diagnostics;
using SlaEngine.Expressions;

namespace SlaEngine.Policies;

/// <summary>
/// A rule of engagement: when its condition holds, it may decide facets of the decision (owner, approvers, consulted,
/// informed, targets, escalation ladders, notice). Rules are read top to bottom; the first matching rule that sets a
/// facet decides it, and a matching rule with <see cref="Final"/> ends the walk.
/// </summary>
public sealed class Rule
{
    internal Rule(
        string id,
        int index,
        string? description,
        Condition when,
        bool hasWhen,
        Team? owner,
        ImmutableArray<Team>? approvers,
        ApprovalMode approval,
        ImmutableArray<Team>? consulted,
        ImmutableArray<Team>? informed,
        ImmutableArray<TargetDefinition> targets,
        ImmutableArray<EscalationStepDefinition> escalations,
        NoticeDefinition? notice,
        bool final,
        SourceLocation location)
    {
        Id = id;
        Index = index;
        Description = description;
        When = when;
        HasWhen = hasWhen;
        Owner = owner;
        Approvers = approvers;
        Approval = approval;
        Consulted = consulted;
        Informed = informed;
        Targets = targets;
        Escalations = escalations;
        Notice = notice;
        Final = final;
        Location = location;
    }

    /// <summary>The rule's id.</summary>
    public string Id { get; }

    /// <summary>The rule's position in the policy (0-based).</summary>
    public int Index { get; }

    /// <summary>The rule's description, or null.</summary>
    public string? Description { get; }

    /// <summary>The rule's condition (<see cref="Condition.Always"/> when it has no <c>when</c>).</summary>
    public Condition When { get; }

    /// <summary>Whether the rule has a <c>when</c> (a rule without one always matches).</summary>
    public bool HasWhen { get; }

    /// <summary>The owner this rule sets, or null when it sets none.</summary>
    public Team? Owner { get; }

    /// <summary>The approvers this rule sets, or null when it sets none.</summary>
    public ImmutableArray<Team>? Approvers { get; }

    /// <summary>How many approvers must approve when this rule decides the approvers.</summary>
    public ApprovalMode Approval { get; }

    /// <summary>The consulted teams this rule sets, or null.</summary>
    public ImmutableArray<Team>? Consulted { get; }

    /// <summary>The informed teams this rule sets, or null.</summary>
    public ImmutableArray<Team>? Informed { get; }

    /// <summary>The targets this rule sets, one per clock.</summary>
    public ImmutableArray<TargetDefinition> Targets { get; }

    /// <summary>The escalation steps this rule sets; a rule sets the ladder of every clock its steps name.</summary>
    public ImmutableArray<EscalationStepDefinition> Escalations { get; }

    /// <summary>The notice requirement this rule sets, or null.</summary>
    public NoticeDefinition? Notice { get; }

    /// <summary>Whether the rule decides the notice facet as "no notice owed" (<c>notice: none</c>); <see cref="Notice"/> is then null.</summary>
    public bool WaivesNotice { get; internal init; }

    /// <summary>Whether the rule decides the notice facet, with a requirement or with <c>none</c>.</summary>
    internal bool DecidesNotice => Notice is not null || WaivesNotice;

    /// <summary>Whether a match of this rule ends the walk.</summary>
    public bool Final { get; }

    /// <summary>Where the rule is declared.</summary>
    public SourceLocation Location { get; }

    /// <summary>Returns the rule's id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Id;
}
