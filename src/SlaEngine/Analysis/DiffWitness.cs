using SlaEngine.Evaluation;

namespace SlaEngine.Analysis;

/// <summary>
/// An event that shows a difference: evaluated under both versions with <see cref="Policy.Evaluate"/>, their
/// decisions differ in the reported facets (the diff checks this before reporting it).
/// </summary>
public sealed class DiffWitness
{
    internal DiffWitness(string eventJson, Decision oldDecision, Decision newDecision)
    {
        EventJson = eventJson;
        OldDecision = oldDecision;
        NewDecision = newDecision;
    }

    /// <summary>The event as a JSON object, ready for <c>slaengine evaluate --event</c>.</summary>
    public string EventJson { get; }

    /// <summary>The old version's decision for the event.</summary>
    public Decision OldDecision { get; }

    /// <summary>The new version's decision for the event.</summary>
    public Decision NewDecision { get; }
}
