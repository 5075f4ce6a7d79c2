using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Events;
using SlaEngine.Tracking;

namespace SlaEngine.DependencyInjection;

/// <summary>
/// The default <see cref="ISlaEvaluator"/>: evaluates with the policy of an <see cref="IPolicySource"/> and tells the
/// time with a NodaTime <see cref="IClock"/>. Thread-safe; the hot path takes no lock.
/// </summary>
/// <remarks>
/// It remembers every policy version its source publishes, weakly (a version is forgotten once no event read against
/// it is alive), so that <see cref="Evaluate"/> can decide an event with the version it was read against.
/// </remarks>
public sealed class SlaEvaluator : ISlaEvaluator
{
    private readonly IPolicySource _source;
    private readonly IClock _clock;
    private readonly ConditionalWeakTable<EventSchema, Policy> _published = new();
    private volatile Policy? _lastRemembered;

    /// <summary>Creates an evaluator over a policy source.</summary>
    /// <param name="source">Where the policy in force comes from.</param>
    /// <param name="clock">The clock for <see cref="Now"/>; <see cref="SystemClock.Instance"/> in production, a <c>FakeClock</c> in tests.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SlaEvaluator(IPolicySource source, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(clock);
        _source = source;
        _clock = clock;
        source.Reloaded += (_, e) => Remember(e.Current.Policy);
        Remember(source.Current);
    }

    /// <inheritdoc />
    public PolicySnapshot Snapshot
    {
        get
        {
            var snapshot = _source.Snapshot;
            Remember(snapshot.Policy);
            return snapshot;
        }
    }

    /// <inheritdoc />
    public Policy Policy => Snapshot.Policy;

    /// <inheritdoc />
    public Instant Now => _clock.GetCurrentInstant();

    /// <inheritdoc />
    public EventReadResult ReadEvent(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Policy.ReadEvent(json);
    }

    /// <inheritdoc />
    public EventReadResult ReadEvent(IEnumerable<KeyValuePair<string, object?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Policy.ReadEvent(values);
    }

    /// <inheritdoc />
    public EventReadResult RereadEvent(ChangeEvent changeEvent)
    {
        ArgumentNullException.ThrowIfNull(changeEvent);
        var policy = Policy;
        if (ReferenceEquals(changeEvent.Schema, policy.Schema))
        {
            return ChangeEventValues.AsReadResult(changeEvent);
        }

        return policy.ReadEvent(ChangeEventValues.Of(changeEvent));
    }

    /// <inheritdoc />
    public Decision Evaluate(ChangeEvent changeEvent)
    {
        ArgumentNullException.ThrowIfNull(changeEvent);
        return ReadWith(changeEvent).Evaluate(changeEvent);
    }

    /// <inheritdoc />
    public Ticket Track(ChangeEvent submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        return ReadWith(submission).Track(submission);
    }

    /// <inheritdoc />
    public TimelineReadResult ReadTimeline(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Policy.ReadTimeline(json);
    }

    /// <inheritdoc />
    public TicketReadResult ReadTicket(string json, bool refuseOtherDigest = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Policy.ReadTicket(json, refuseOtherDigest);
    }

    // The policy version an event was read against: the one in force, or an earlier one the source published.
    private Policy ReadWith(ChangeEvent changeEvent)
    {
        var policy = Policy;
        if (ReferenceEquals(changeEvent.Schema, policy.Schema))
        {
            return policy;
        }

        if (_published.TryGetValue(changeEvent.Schema, out var readWith))
        {
            return readWith;
        }

        throw new ArgumentException(
            "The event was read against a policy this evaluator's source never published; read it with ISlaEvaluator.ReadEvent or the evaluator's Snapshot.",
            nameof(changeEvent));
    }

    private void Remember(Policy policy)
    {
        if (ReferenceEquals(policy, _lastRemembered))
        {
            return;
        }

        _published.AddOrUpdate(policy.Schema, policy);
        _lastRemembered = policy;
    }
}
