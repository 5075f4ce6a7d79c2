using System;
using System.Collections.Generic;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Events;
using SlaEngine.Tracking;

namespace SlaEngine.DependencyInjection;

/// <summary>
/// What a service injects to decide change events with the policy in force: read an event, evaluate it, know the time.
/// Registered by <see cref="ServiceCollectionExtensions.AddSlaEngine(Microsoft.Extensions.DependencyInjection.IServiceCollection, System.Action{SlaEngineOptions})"/> as a singleton; thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// The policy can be reloaded at any moment. Two ways to stay consistent across a reload:
/// </para>
/// <list type="bullet">
/// <item><description>
/// Take one <see cref="Snapshot"/> (or <see cref="Policy"/>) and use it for both reading and evaluating; the
/// snapshot is immutable, so both calls see the same version.
/// </description></item>
/// <item><description>
/// Or call <see cref="ReadEvent(string)"/> then <see cref="Evaluate(ChangeEvent)"/> on the evaluator: an event
/// is always evaluated by the policy version it was read against, even if a reload happened in between, so the pair
/// never throws for a version mismatch and never mixes versions. <see cref="Decision.PolicyVersion"/> says which
/// version decided.
/// </description></item>
/// </list>
/// <para>
/// To apply the rules in force now to an event read earlier (a long-lived ticket after a policy change), re-read it
/// with <see cref="RereadEvent"/> and evaluate the result.
/// </para>
/// </remarks>
public interface ISlaEvaluator
{
    /// <summary>The policy in force with its generation, read in one step.</summary>
    PolicySnapshot Snapshot { get; }

    /// <summary>The policy in force. Immutable: keep the reference to use one version for several calls.</summary>
    Policy Policy { get; }

    /// <summary>The current instant from the container's NodaTime <see cref="IClock"/>.</summary>
    Instant Now { get; }

    /// <summary>Reads a change event from a JSON object against the policy in force. Never throws for bad input.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The validated event, or errors that name the field at fault.</returns>
    EventReadResult ReadEvent(string json);

    /// <summary>Reads a change event from field values given in C# against the policy in force.</summary>
    /// <param name="values">Field name → value, including <c>submittedAt</c>.</param>
    /// <returns>The validated event, or errors that name the field at fault.</returns>
    EventReadResult ReadEvent(IEnumerable<KeyValuePair<string, object?>> values);

    /// <summary>
    /// Re-reads an event read against any earlier version of the policy against the policy in force, so that the
    /// current rules can decide it. The event's <c>submittedAt</c>, <c>id</c> and field values are validated against
    /// the current schema: a field the new version dropped is ignored (and noted), a new field takes its default, and a
    /// value the new version refuses (a removed enum value, a changed type) is an error. Never throws for bad input.
    /// </summary>
    /// <param name="changeEvent">The event.</param>
    /// <returns>The event as the current policy reads it (the same instance when it already was), or the errors.</returns>
    EventReadResult RereadEvent(ChangeEvent changeEvent);

    /// <summary>
    /// Decides an event with the policy version it was read against: the one in force, or an earlier one the policy
    /// source published (a reload happened after the event was read). Never throws for a version mismatch.
    /// </summary>
    /// <param name="changeEvent">An event read through this evaluator, its <see cref="Snapshot"/> or its policy source.</param>
    /// <returns>The decision; <see cref="Decision.PolicyVersion"/> names the version that decided.</returns>
    /// <exception cref="ArgumentException">The event was read against a policy this evaluator's source never published.</exception>
    Decision Evaluate(ChangeEvent changeEvent);

    /// <summary>
    /// Starts tracking a ticket from its submission, with the policy version the event was read against (as
    /// <see cref="Evaluate(ChangeEvent)"/> does); append later changes with <see cref="Ticket.Append(TimelineEntry)"/>
    /// and ask <see cref="Ticket.StatusAt(Instant)"/> at <see cref="Now"/> where every clock stands.
    /// </summary>
    /// <param name="submission">The ticket as submitted, read through this evaluator or its <see cref="Snapshot"/>.</param>
    /// <returns>The ticket, tracked under the policy its submission was read against.</returns>
    /// <exception cref="ArgumentException">The event was read against a policy this evaluator's source never published.</exception>
    Ticket Track(ChangeEvent submission);

    /// <summary>
    /// Reads a ticket's timeline from JSON (<c>[{"id"?: "…", "at": "…", "set": {…}}, …]</c>, the first entry being the
    /// submission) and tracks it under the policy in force. Never throws for bad input.
    /// </summary>
    /// <param name="json">The timeline as a JSON array, or a stored ticket.</param>
    /// <returns>The ticket with every entry applied, or why the timeline was refused (naming the entry).</returns>
    TimelineReadResult ReadTimeline(string json);

    /// <summary>
    /// Reads a ticket stored with <see cref="Ticket.ToJson(bool)"/> and tracks it under the policy in force; a ticket
    /// stored under another policy id or digest (the policy was edited since) is read with a warning, or refused when
    /// <paramref name="refuseOtherDigest"/> is set. Never throws for bad input.
    /// </summary>
    /// <param name="json">The stored ticket.</param>
    /// <param name="refuseOtherDigest">Whether to refuse a ticket stored under another policy id or digest.</param>
    /// <returns>The ticket, or why it was refused, with any warnings.</returns>
    TicketReadResult ReadTicket(string json, bool refuseOtherDigest = false);
}
