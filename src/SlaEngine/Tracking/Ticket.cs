using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Events;

namespace SlaEngine.Tracking;

/// <summary>
/// A ticket's timeline under a policy: the submission, then field changes at instants, and where every clock's
/// cycles stand after each. Immutable and thread-safe: <see cref="Append(TimelineEntry)"/> returns a new ticket that
/// shares the earlier entries, so an integration that receives one change at a time never replays from scratch.
/// </summary>
/// <remarks>
/// <para>Deliveries may repeat and arrive out of order: an entry whose id the ticket already holds is ignored, and an
/// entry earlier than the last is placed in time order (after entries at the same instant); only the entries after
/// it are recomputed. An entry earlier than the submission is refused.</para>
/// <para>Each clock's life is a sequence of cycles (see <see cref="ClockStatus"/>): the rules of
/// <see cref="Policies.ClockDefinition"/> are applied at each entry on the ticket's fields after it. Cost: appending
/// an entry walks the rules once and evaluates the clock conditions once; <see cref="StatusAt(Instant)"/> walks the
/// rules once and visits each entry of the current cycles up to the instant once.</para>
/// </remarks>
public sealed class Ticket
{
    // Entries live in a buffer shared by successive tickets: a ticket sees its first _count slots, which never
    // change; appending claims the next slot atomically when it is free and copies the buffer otherwise. Slots at
    // and beyond _count may be null.
    private readonly TicketEntry[] _buffer;
    private readonly int _count;
    private readonly ImmutableHashSet<string> _ids;

    private Ticket(Policy policy, TicketEntry[] buffer, int count, ImmutableHashSet<string> ids)
    {
        Policy = policy;
        _buffer = buffer;
        _count = count;
        _ids = ids;
    }

    /// <summary>The policy the ticket is tracked under.</summary>
    public Policy Policy { get; }

    /// <summary>The entries, the submission first, in time order.</summary>
    public IReadOnlyList<TicketEntry> Entries => new EntryList(_buffer, _count);

    /// <summary>The ticket's raw history in time order: entries any policy can apply (see <see cref="Policy.Track(Timeline)"/>).</summary>
    public Timeline Timeline
    {
        get
        {
            var entries = new TimelineEntry[_count];
            for (var i = 0; i < _count; i++)
            {
                entries[i] = _buffer[i].Source;
            }

            return Timeline.From(ImmutableCollectionsMarshal.AsImmutableArray(entries));
        }
    }

    /// <summary>The ticket's current fields (after the last entry).</summary>
    public ChangeEvent Current => Entry(_count - 1).Fields;

    /// <summary>When the ticket was submitted.</summary>
    public Instant SubmittedAt => Entry(0).At;

    /// <summary>Whether the ticket holds an entry with this id.</summary>
    /// <param name="entryId">The entry id.</param>
    /// <returns>True when an entry with the id was applied.</returns>
    public bool Contains(string entryId)
    {
        ArgumentNullException.ThrowIfNull(entryId);
        return _ids.Contains(entryId);
    }

    internal static Ticket Start(Policy policy, ChangeEvent submission, TimelineEntry? source = null)
    {
        source ??= SourceOf(submission);
        var buffer = new TicketEntry[8];
        var entry = Build(policy, buffer, 0, source, submission);
        buffer[0] = entry;
        return new Ticket(policy, buffer, 1, source.Id is { } id ? [id] : ImmutableHashSet<string>.Empty);
    }

    /// <summary>Appends an entry that sets some fields at an instant.</summary>
    /// <param name="at">When the change happened; an instant before the last entry's is placed in time order.</param>
    /// <param name="changes">Field name → new value (as for <see cref="ChangeEventBuilder.Set(string, object)"/>; null clears an optional field).</param>
    /// <returns>The new ticket; this one is unchanged.</returns>
    /// <exception cref="TimelineException">The entry is before the submission or sets an invalid value; the message names the entry and the field.</exception>
    public Ticket Append(Instant at, IEnumerable<KeyValuePair<string, object?>> changes) => Append(TimelineEntry.Create(at, changes));

    /// <summary>Appends an entry with an id: when the ticket already holds an entry with that id (a repeated delivery), it is returned unchanged.</summary>
    /// <param name="at">When the change happened; an instant before the last entry's is placed in time order.</param>
    /// <param name="changes">Field name → new value (null clears an optional field).</param>
    /// <param name="entryId">The entry's id (such as the webhook delivery's or the change log's id).</param>
    /// <returns>The new ticket, or this one for a repeated id.</returns>
    /// <exception cref="TimelineException">The entry is before the submission or sets an invalid value.</exception>
    public Ticket Append(Instant at, IEnumerable<KeyValuePair<string, object?>> changes, string? entryId) => Append(TimelineEntry.Create(at, changes, entryId));

    /// <summary>
    /// Appends a raw entry: ignored when the ticket already holds its id; placed in time order (after entries at the
    /// same instant) when it is earlier than the last entry, the entries after it being recomputed.
    /// </summary>
    /// <param name="entry">The entry.</param>
    /// <returns>The new ticket, or this one for a repeated id.</returns>
    /// <exception cref="TimelineException">The entry is before the submission or sets an invalid value; the message names the entry and the field.</exception>
    public Ticket Append(TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Id is { } id && _ids.Contains(id))
        {
            return this;
        }

        var ids = entry.Id is { } newId ? _ids.Add(newId) : _ids;
        if (entry.At < SubmittedAt)
        {
            throw new TimelineException(_count, $"timeline entry {Describe(_count, entry)} at {FormatInstant(entry.At)} is before the submission at {FormatInstant(SubmittedAt)}", []);
        }

        var position = UpperBound(entry.At);
        if (position == _count)
        {
            var built = Build(Policy, _buffer, _count, entry, null);
            if (_count < _buffer.Length && Interlocked.CompareExchange(ref _buffer[_count], built, null!) is null)
            {
                return new Ticket(Policy, _buffer, _count + 1, ids);
            }

            var grown = new TicketEntry[Math.Max(8, _count * 2)];
            Array.Copy(_buffer, grown, _count);
            grown[_count] = built;
            return new Ticket(Policy, grown, _count + 1, ids);
        }

        // A late entry: keep what precedes it, then apply it and every later entry again.
        var buffer = new TicketEntry[Math.Max(8, (_count + 1) * 2)];
        Array.Copy(_buffer, buffer, position);
        buffer[position] = Build(Policy, buffer, position, entry, null);
        for (var i = position; i < _count; i++)
        {
            buffer[i + 1] = Build(Policy, buffer, i + 1, _buffer[i].Source, null);
        }

        return new Ticket(Policy, buffer, _count + 1, ids);
    }

    /// <summary>
    /// The ticket as JSON, to store and read back with <see cref="Policy.ReadTicket(string, bool)"/>:
    /// <c>{"policy", "policyVersion", "policyDigest", "entries": [{"id"?, "at", "set"}]}</c>, the entries in time order.
    /// </summary>
    /// <param name="indented">Whether to indent.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false) => TicketJson.ToJson(this, indented);

    /// <summary>Writes the ticket as JSON (see <see cref="ToJson(bool)"/>).</summary>
    /// <param name="writer">The writer.</param>
    public void WriteJson(System.Text.Json.Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        TicketJson.Write(writer, this);
    }

    /// <summary>The decision on the ticket's fields as they stood at an instant (targets count from submission).</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The decision.</returns>
    public Decision DecisionAt(Instant at) => DecisionEvaluator.Decide(Policy, Entry(IndexAt(at)).Fields);

    /// <summary>
    /// Where every clock stands at an instant: each clock's current cycle and ended cycles, when next to look, and the
    /// escalation steps to come. Never throws.
    /// </summary>
    /// <param name="at">The instant; one before submission is treated as the submission.</param>
    /// <returns>The status.</returns>
    public TicketStatus StatusAt(Instant at)
    {
        if (at < SubmittedAt)
        {
            at = SubmittedAt;
        }

        var k = IndexAt(at);
        var entry = Entry(k);
        var fields = entry.Fields;
        var walk = RuleWalk.Run(Policy, fields);
        var outOfRange = new List<string>(0);
        var plans = ClockPlan.Build(walk, SubmittedAt, outOfRange);
        var decision = DecisionEvaluator.Compose(Policy, fields, walk, plans, outOfRange);
        var clocks = Policy.Clocks;
        var statuses = ImmutableArray.CreateBuilder<ClockStatus>(clocks.Length);
        List<(PendingEscalation Step, int Clock)>? pending = null;
        Instant? next = null;
                foreach (var clock in clocks)
        {
            var i = clock.Index;
            var phase = entry.Phases[i];
            var cycles = EndedCycles.ToArray(phase.Ended);
            CycleFigures figures;
            ClockState state;
            if (phase.Active)
            {
                figures = CycleMeter.Measure(Policy, _buffer, clock, phase.Cycle, phase.StartEntry, _buffer[phase.StartEntry].At, k, at, entry.Decision);
                state = phase.Paused ? ClockState.Paused : ClockState.Running;
            }
            else if (phase.Cycle == 0 || phase.LastEnd == CycleEnd.Reset)
            {
                figures = CycleFigures.NotStarted;
                state = ClockState.NotStarted;
            }
            else
            {
                figures = phase.Ended!.Cycle.Figures;
                state = phase.LastEnd == CycleEnd.Cancel ? ClockState.Cancelled : ClockState.Stopped;
            }

            var decided = entry.Decision.Targets[i] is { Waived: false };
            if (!decided && figures.Target is null && cycles.Length == 0)
            {
                continue;
            }

            Instant? due = null;
            if (state == ClockState.Running && figures.Target is { } target && figures.Calendar is { } calendar)
            {
                var remaining = target - figures.Elapsed;
                due = remaining > Duration.Zero ? CycleMeter.SafeAdd(calendar, at, remaining) : figures.BreachedAt ?? at;
                if (remaining > Duration.Zero && due is { } breach)
                {
                    next = Earliest(next, breach);
                }

                foreach (var step in Upcoming(clock.Name, phase.Cycle, figures, at))
                {
                    (pending ??= []).Add((step, i));
                    if (step.Due > at)
                    {
                        next = Earliest(next, step.Due);
                    }
                }
            }

            statuses.Add(new ClockStatus(clock.Name, state, phase.Cycle, phase.Active ? _buffer[phase.StartEntry].At : null, figures, due, cycles));
        }

        return new TicketStatus(at, decision, statuses.ToImmutable(), next, Sorted(pending));
    }

    /// <summary>The raw entry of an event given as a submission: its fields as set (defaults included) and its id.</summary>
    private static TimelineEntry SourceOf(ChangeEvent submission)
    {
        var changes = ImmutableArray.CreateBuilder<KeyValuePair<string, RawValue>>();
        if (submission.Id is { } id)
        {
            changes.Add(new(EventSchema.IdField, RawValue.String(id)));
        }

        foreach (var field in submission.Schema.Fields)
        {
            var value = submission[field.Slot];
            if (value.IsAbsent)
            {
                continue;
            }

            changes.Add(new(field.Name, value.Kind switch
            {
                FieldValueKind.Bool => RawValue.Boolean(value.Bool),
                FieldValueKind.Int => RawValue.Integer(value.Number),
                FieldValueKind.Instant => RawValue.Object(value.Instant),
                FieldValueKind.StringList => RawValue.List([.. value.List.Select(RawValue.String)]),
                _ => RawValue.String(value.Text!),
            }));
        }

        return new TimelineEntry(null, submission.SubmittedAt, changes.ToImmutable());
    }

    /// <summary>Applies an entry at <paramref name="index"/> on the entry before it in <paramref name="buffer"/>: fields, decision, clock phases.</summary>
    private static TicketEntry Build(Policy policy, TicketEntry[] buffer, int index, TimelineEntry source, ChangeEvent? submission)
    {
        var previous = index == 0 ? null : buffer[index - 1];
        ChangeEvent fields;
        if (previous is null)
        {
            fields = submission!;
        }
        else
        {
            var result = EventChanges.Apply(previous.Fields, source.RawChanges);
            if (!result.Success)
            {
                throw new TimelineException(index, $"timeline entry {Describe(index, source)} at {FormatInstant(source.At)}: {result.ErrorMessage}", result.Errors);
            }

            fields = result.Event;
        }

        var decision = EntryDecision.Of(policy, fields, previous?.Decision);
        var entry = new TicketEntry(index, source, fields, decision);
        var clocks = policy.Clocks;
        var phases = new ClockPhase[clocks.Length];
        foreach (var clock in clocks)
        {
            var before = previous is null ? ClockPhase.Initial : previous.Phases[clock.Index];
            var step = ClockLifecycle.Next(clock, before, fields, index);
            var phase = step.Phase;
            if (step.Ended is { } how)
            {
                // The ended cycle keeps the decision in force just before this entry (the submission's, at submission).
                var judgedBy = previous?.Decision ?? decision;
                var start = step.EndedStart == index ? source.At : buffer[step.EndedStart].At;
                var figures = CycleMeter.Measure(policy, buffer, clock, step.EndedCycle, step.EndedStart, start, index - 1, source.At, judgedBy);
                var cycle = new ClockCycle(clock.Name, step.EndedCycle, start, source.At, how, figures);
                phase = phase with { Ended = new EndedCycles(cycle, phase.Ended) };
            }

            phases[clock.Index] = phase;
        }

        entry.Phases = phases;
        return entry;
    }

    private static string Describe(int index, TimelineEntry entry) => entry.Id is { } id ? $"{index} (id '{id}')" : index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static string FormatInstant(Instant instant) => NodaTime.Text.InstantPattern.ExtendedIso.Format(instant);

    private static Instant Earliest(Instant? a, Instant b) => a is { } x && x <= b ? x : b;

    /// <summary>The steps of a running cycle not fired by <paramref name="at"/>, each with the instant it will fire.</summary>
    private static IEnumerable<PendingEscalation> Upcoming(string clock, int cycle, CycleFigures figures, Instant at)
    {
        var steps = figures.Steps;
        for (var s = 0; s < steps.Length; s++)
        {
            var offset = steps[s].Offset;
            if (figures.Elapsed > offset)
            {
                continue;
            }

            var due = offset == figures.Elapsed ? at : CycleMeter.SafeAdd(figures.Calendar!, at, offset - figures.Elapsed);
            if (due is { } when)
            {
                yield return new PendingEscalation(clock, cycle, s, steps[s].Step.At.Text, when, DecisionEvaluator.TeamIds(steps[s].Step.Notify));
            }
        }
    }

    private static ImmutableArray<PendingEscalation> Sorted(List<(PendingEscalation Step, int Clock)>? pending)
    {
        if (pending is null)
        {
            return [];
        }

        pending.Sort(static (a, b) =>
        {
            var c = a.Step.Due.CompareTo(b.Step.Due);
            if (c == 0)
            {
                c = a.Clock.CompareTo(b.Clock);
            }

            return c != 0 ? c : a.Step.Index.CompareTo(b.Step.Index);
        });
        return [.. pending.Select(p => p.Step)];
    }

    private TicketEntry Entry(int index) => _buffer[index];

    /// <summary>The index of the last entry at or before an instant (entries with equal instants: the last of them).</summary>
    private int IndexAt(Instant at) => Math.Max(0, UpperBound(at) - 1);

    /// <summary>The number of entries at or before an instant.</summary>
    private int UpperBound(Instant at)
    {
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_buffer[mid].At <= at)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>A read-only view of the first entries of a buffer.</summary>
    private sealed class EntryList(TicketEntry[] buffer, int count) : IReadOnlyList<TicketEntry>
    {
        public int Count => count;

        public TicketEntry this[int index] => (uint)index < (uint)count ? buffer[index] : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<TicketEntry> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return buffer[i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
