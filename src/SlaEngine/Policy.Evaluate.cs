using System;
using SlaEngine.Evaluation;
using SlaEngine.Events;

namespace SlaEngine;

public sealed partial class Policy
{
    /// <summary>
    /// Decides a change event: owner, approvers, consulted, informed, deadlines, escalations, notice, violations and
    /// the trace of which rule decided what. Pure and deterministic; thread-safe; never throws for a valid event.
    /// </summary>
    /// <param name="changeEvent">An event validated against this policy's <see cref="Schema"/>.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentException">The event was validated against another policy's schema.</exception>
    public Decision Evaluate(ChangeEvent changeEvent)
    {
        EnsureReadByThisPolicy(changeEvent);
        return DecisionEvaluator.Decide(this, changeEvent);
    }

    /// <summary>Refuses an event validated against another policy's schema: its slots would not line up.</summary>
    private void EnsureReadByThisPolicy(ChangeEvent changeEvent, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(changeEvent))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(changeEvent, name);
        if (!ReferenceEquals(changeEvent.Schema, Schema))
        {
            throw new ArgumentException("The event was read against another policy's schema; read it with this policy (Policy.ReadEvent or Policy.NewEvent).", name);
        }
    }
}
