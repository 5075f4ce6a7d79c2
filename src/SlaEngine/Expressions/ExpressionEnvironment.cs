using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Events;
using SlaEngine.Model;

namespace SlaEngine.Expressions;

/// <summary>
/// What a condition may refer to: the event's fields (and the built-ins <c>submittedAt</c> and <c>id</c>), the team
/// ids a team field may hold, and the calendars <c>open(...)</c> may name. Immutable; one per policy.
/// </summary>
internal sealed class ExpressionEnvironment
{
    private readonly Func<string, Func<Instant, bool>> _isOpenResolver;

    /// <summary>Creates an environment.</summary>
    /// <param name="schema">The event schema (fields and teams).</param>
    /// <param name="calendarIds">The calendar ids <c>open(...)</c> may name, including <c>24x7</c>.</param>
    /// <param name="isOpenResolver">Gives the "is open at" function of a calendar id in <paramref name="calendarIds"/>.</param>
    /// <param name="unreadable">What the policy reader could not read (already reported): references into it are not reported.</param>
    public ExpressionEnvironment(EventSchema schema, IReadOnlyCollection<string> calendarIds, Func<string, Func<Instant, bool>> isOpenResolver, UnreadableDecls? unreadable = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(calendarIds);
        ArgumentNullException.ThrowIfNull(isOpenResolver);
        Schema = schema;
        CalendarIds = ImmutableHashSet.CreateRange(StringComparer.Ordinal, calendarIds);
        _isOpenResolver = isOpenResolver;
        Unreadable = unreadable ?? UnreadableDecls.None;
    }

    /// <summary>Whether <c>changed(field)</c> may be used: in a clock's conditions only, which are evaluated at timeline entries.</summary>
    public bool AllowsChanged { get; private init; }

    /// <summary>This environment for a clock's conditions, where <c>changed(field)</c> is allowed.</summary>
    /// <returns>The environment.</returns>
    public ExpressionEnvironment ForClockConditions() => new(Schema, CalendarIds, _isOpenResolver, Unreadable) { AllowsChanged = true };

    /// <summary>What the policy reader could not read: an unknown name there is not a second defect.</summary>
    public UnreadableDecls Unreadable { get; }

    /// <summary>The event schema.</summary>
    public EventSchema Schema { get; }

    /// <summary>The calendar ids <c>open(...)</c> may name.</summary>
    public ImmutableHashSet<string> CalendarIds { get; }

    /// <summary>All names an identifier may be: the declared fields and the built-ins, for suggestions.</summary>
    public IEnumerable<string> IdentifierNames
    {
        get
        {
            foreach (var declared in Schema.Fields)
            {
                yield return declared.Name;
            }

            yield return EventSchema.SubmittedAtField;
            yield return EventSchema.IdField;
        }
    }

    /// <summary>The "is open at" function of a declared calendar.</summary>
    public Func<Instant, bool> IsOpen(string calendarId) => _isOpenResolver(calendarId);
}
