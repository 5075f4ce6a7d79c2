namespace SlaEngine.Events;

public sealed partial class ChangeEvent
{
    /// <summary>
    /// The ticket's fields before the timeline entry that produced this event, or null for a submission or a single
    /// event: what <c>changed(field)</c> compares with.
    /// </summary>
    internal ChangeEvent? Previous { get; init; }
}
