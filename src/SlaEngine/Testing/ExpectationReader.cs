using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Calendars;
using SlaEngine.Diagnostics;
using SlaEngine.Evaluation;
using SlaEngine.Events;
using SlaEngine.Loading;
using SlaEngine.Text;
using SlaEngine.Yaml;
using SlaEngine.Policies;
using SlaEngine.Tracking;

namespace SlaEngine.Testing;

/// <summary>
/// Reads a case's <c>expect</c> mapping into checks (docs/cli.md, <c>slaengine test</c>): only the keys given are compared; team lists and
/// violations compare as sets, <c>matched</c> and <c>escalations</c> as ordered lists, instants as instants whatever
/// their offset, durations as amounts.
/// </summary>
internal static partial class ExpectationReader
{
    private static readonly string[] Keys =
        ["owner", "approvers", "approval", "consulted", "informed", "deadlines", "escalations", "notice", "violations", "matched", "decidedBy", "clocks", "nextChangeAt", "pending", "error"];

    private static readonly string[] ClockKeys = ["state", "cycle", "elapsed", "remaining", "due", "breached", "breachedAt", "cycles", "elapsedByOwner"];
    private static readonly string[] EscalationKeys = ["clock", "at", "notify"];
    private static readonly string[] NoticeKeys = ["due", "met"];
    private static readonly string[] PlainFacets = ["owner", "approvers", "consulted", "informed", "notice"];
    private static readonly string[] States = ["running", "paused", "stopped", "cancelled", "not-started"];

    public static (string? Error, ImmutableArray<ExpectationCheck> Checks, ImmutableArray<ClockReference> Clocks)? Read(YamlNode node, PolicyTestCaseKind kind, string what, DiagnosticBag diagnostics)
    {
        if (MappingView.ExpectMapping(node, $"'expect' of {what}", diagnostics) is not { } mapping)
        {
            return null;
        }

        var context = $"'expect' of {what}";
        var view = new MappingView(mapping, context, Keys, diagnostics);
        var checks = ImmutableArray.CreateBuilder<ExpectationCheck>();
        var clocks = ImmutableArray.CreateBuilder<ClockReference>();
        string? error = null;
        foreach (var (keyNode, value) in mapping.Entries)
        {
            var key = keyNode.Value;
            if (!view.Has(key) || value is YamlPoisoned)
            {
                continue;
            }

            var reader = new Reader(diagnostics, key, value.Location, clocks);
            switch (key)
            {
                case "owner":
                    reader.Owner(value, checks);
                    break;
                case "approvers" or "consulted" or "informed":
                    reader.TeamSet(value, checks);
                    break;
                case "approval":
                    reader.Approval(value, checks);
                    break;
                case "deadlines":
                    reader.Deadlines(value, checks);
                    break;
                case "escalations":
                    reader.Escalations(value, checks);
                    break;
                case "notice":
                    reader.Notice(value, checks);
                    break;
                case "violations":
                    reader.Violations(value, checks);
                    break;
                case "matched":
                    reader.Matched(value, checks);
                    break;
                case "decidedBy":
                    reader.DecidedBy(value, checks);
                    break;
                case "clocks":
                    if (kind != PolicyTestCaseKind.Timeline)
                    {
                        diagnostics.Error(DiagnosticCodes.InvalidTestCase, keyNode.Location, $"'clocks' in {context} needs a 'timeline' and an 'at': clock status is of a ticket at an instant (write the event as a one-entry timeline)");
                        break;
                    }

                    reader.Clocks(value, checks);
                    break;
                case "nextChangeAt" or "pending":
                    if (kind != PolicyTestCaseKind.Timeline)
                    {
                        diagnostics.Error(DiagnosticCodes.InvalidTestCase, keyNode.Location, $"'{key}' in {context} needs a 'timeline' and an 'at': it is of a ticket at an instant");
                        break;
                    }

                    if (key == "pending")
                    {
                        reader.Pending(value, checks);
                    }
                    else
                    {
                        reader.NextChangeAt(value, checks);
                    }

                    break;
                case "error":
                    if (MappingView.ExpectScalar(value, $"'error' in {context}", diagnostics) is { } text)
                    {
                        if (text.IsNull || string.IsNullOrWhiteSpace(text.Value))
                        {
                            diagnostics.Error(DiagnosticCodes.InvalidExpectation, text.Location, $"'error' in {context} must be text the refusal message contains, such as the field's name");
                        }
                        else
                        {
                            error = text.Value;
                        }
                    }

                    break;
            }
        }

        if (view.KeyOf("error") is { } errorKey && mapping.Entries.Count > 1)
        {
            diagnostics.Error(DiagnosticCodes.InvalidTestCase, errorKey.Location, $"'error' in {context} cannot be combined with other expectations: a refused event has no decision");
        }

        return (error, checks.ToImmutable(), clocks.ToImmutable());
    }

    /// <summary>A clock name written in an expectation (a <c>deadlines</c> or <c>clocks</c> key, an escalation's clock, a <c>targets.</c> or <c>escalations.</c> facet), with where it is written.</summary>
    internal readonly record struct ClockReference(string Clock, string Path, SourceLocation Location);

    /// <summary>An instant as written: the instant, and the offset it was written in (to show the actual value in the same offset).</summary>
    internal readonly record struct ExpectedInstant(Instant Value, Offset Offset);

    private static Offset OffsetFor(Instant instant, BusinessCalendar? calendar) => calendar?.Zone.GetUtcOffset(instant) ?? Offset.Zero;

    private static string ShowActual(Instant? actual, Offset offset, BusinessCalendar? calendar, string absent) =>
        actual is { } a ? TestValueText.Instant(a, offset, calendar) : absent;

    private static string ShowExpected(ExpectedInstant? expected, BusinessCalendar? calendar, string absent) =>
        expected is { } e ? TestValueText.Instant(e.Value, e.Offset, calendar) : absent;

    /// <summary>Compares an optional instant; an expected null means there must be none.</summary>
    private static void CompareInstant(string path, ExpectedInstant? expected, Instant? actual, BusinessCalendar? calendar, string absent, List<PolicyTestMismatch> into)
    {
        if (expected?.Value == actual)
        {
            return;
        }

        var offset = expected?.Offset ?? (actual is { } a ? OffsetFor(a, calendar) : Offset.Zero);
        into.Add(new PolicyTestMismatch(path, ShowExpected(expected, calendar, absent), ShowActual(actual, offset, calendar, absent)));
    }

    private static void CompareSet(string path, IReadOnlyCollection<string> expected, IReadOnlyCollection<string> actual, List<PolicyTestMismatch> into)
    {
        if (!TestValueText.SameSet(expected, actual))
        {
            into.Add(new PolicyTestMismatch(path, TestValueText.List(expected), TestValueText.SetDifference(expected, actual)));
        }
    }

    private static List<string> Ids(ImmutableArray<Team> teams) => teams.Select(t => t.Id).ToList();

    /// <summary>Parses an expected duration: <c>0h</c>, <c>38h</c>, <c>4h30m</c>, <c>1h 30m</c>, <c>1h0m30s</c>, <c>2d</c> (48h), <c>1w</c> (168h), a bare <c>0</c>, or ISO-8601 (<c>PT1H30M</c>, <c>P2D</c>); zero allowed, business days, months and years not (they are not an amount).</summary>
    internal static bool TryParseDuration(string text, out Duration duration)
    {
        duration = Duration.Zero;
        // An amount is an amount however it is written: "1h 30m" as "1h30m", a bare "0" as zero, and ISO-8601
        // ("PT1H30M", "P2D" as 48h) as what other tools print.
        var trimmed = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal);
        if (trimmed.Length == 0 || !DurationText.TryParseWritten(trimmed, out var written) || written.Form == WrittenDurationForm.BusinessDays)
        {
            return false;
        }

        if (written.Form == WrittenDurationForm.Iso)
        {
            var period = written.Period!;
            if (period.Years != 0 || period.Months != 0)
            {
                return false;
            }

            try
            {
                // Weeks and days count as 7 x 24h and 24h, as in a policy's "1w" and "2d".
                duration = period.ToDuration();
            }
            catch (Exception ex) when (ex is OverflowException or ArgumentOutOfRangeException)
            {
                return false;
            }

            return duration <= Duration.FromDays(100 * 366);
        }

        (long Amount, long Seconds)[] units = [(written.Weeks, 7 * 86_400), (written.Days, 86_400), (written.Hours, 3600), (written.Minutes, 60), (written.Seconds, 1)];
        foreach (var (amount, seconds) in units)
        {
            if (amount > 100L * 366 * 86_400 / seconds)
            {
                return false;
            }

            duration += Duration.FromSeconds(amount * seconds);
        }

        duration += Duration.FromNanoseconds(written.Nanoseconds);
        return true;
    }

    /// <summary>Reads the values of one top-level expect key, reporting malformed values at their position.</summary>
    private sealed partial class Reader(DiagnosticBag diagnostics, string key, SourceLocation location, ImmutableArray<ClockReference>.Builder clockReferences)
    {
        /// <summary>Notes a clock name the expectation refers to; the runner checks it against the policy (a typo must not pass as "no deadline").</summary>
        private void Refer(string clock, string path, SourceLocation at) => clockReferences.Add(new ClockReference(clock, path, at));

        private static void Add(ImmutableArray<ExpectationCheck>.Builder checks, string path, SourceLocation at, Action<ActualOutcome, List<PolicyTestMismatch>> compare) =>
            checks.Add(new ExpectationCheck(path, at, compare));

        private void Invalid(SourceLocation at, string message) => diagnostics.Error(DiagnosticCodes.InvalidExpectation, at, message);

        private YamlScalar? Scalar(YamlNode node, string path) => MappingView.ExpectScalar(node, $"'{path}'", diagnostics);

        private List<string>? Names(YamlNode node, string path)
        {
            if (node is YamlScalar { IsNull: true })
            {
                return [];
            }

            return MappingView.ReadScalarList(node, $"'{path}'", diagnostics)?.Select(l => l.Value).ToList();
        }

        private bool TryInstant(YamlNode node, string path, out ExpectedInstant? value)
        {
            value = null;
            if (Scalar(node, path) is not { } s)
            {
                return false;
            }

            if (s.IsNull)
            {
                return true;
            }

            if (FieldValueReader.TryParseOffsetDateTime(s.Value, out var parsed, out var error))
            {
                value = new ExpectedInstant(parsed.ToInstant(), parsed.Offset);
                return true;
            }

            Invalid(s.Location, $"'{path}': {error}");
            return false;
        }

        private bool TryDuration(YamlNode node, string path, out Duration value)
        {
            value = Duration.Zero;
            if (Scalar(node, path) is not { } s)
            {
                return false;
            }

            if (TryParseDuration(s.Value, out value))
            {
                return true;
            }

            Invalid(s.Location, $"'{path}': '{YamlTreeReader.Shorten(s.Value)}' is not an amount of time: write it like 0h, 38h, 4h30m or 1h0m30s");
            return false;
        }

        private bool TryBool(YamlNode node, string path, out bool value)
        {
            value = false;
            if (Scalar(node, path) is not { } s)
            {
                return false;
            }

            if (s.IsPlain && s.Value is "true" or "false")
            {
                value = s.Value == "true";
                return true;
            }

            Invalid(s.Location, $"'{path}' must be true or false, not '{YamlTreeReader.Shorten(s.Value)}'");
            return false;
        }

        public void Owner(YamlNode node, ImmutableArray<ExpectationCheck>.Builder checks)
        {
            if (Scalar(node, key) is not { } s)
            {
                return;
            }

            var expected = s.IsNull ? null : s.Value;
            Add(checks, key, location, (actual, into) =>
            {
                if (actual.Decision.Owner != expected)
                {
                    into.Add(new PolicyTestMismatch(key, expected ?? "no owner", actual.Decision.Owner ?? "no owner"));
                }
            });
        }

        public void TeamSet(YamlNode node, ImmutableArray<ExpectationCheck>.Builder checks)
        {
            if (Names(node, key) is not { } expected)
            {
                return;
            }

            Func<Decision, ImmutableArray<Team>> select = key switch
            {
                "approvers" => d => d.ApproverTeams,
                "consulted" => d => d.ConsultedTeams,
                _ => d => d.InformedTeams,
            };
            Add(checks, key, location, (actual, into) => CompareSet(key, expected, Ids(select(actual.Decision)), into));
        }

        public void Approval(YamlNode node, ImmutableArray<ExpectationCheck>.Builder checks)
        {
            if (Scalar(node, key) is not { } s)
            {
                return;
            }

            ApprovalMode expected;
            switch (s.Value)
            {
                case "all":
                    expected = ApprovalMode.All;
                    break;
                case "any":
                    expected = ApprovalMode.Any;
                    break;
                default:
                    Invalid(s.Location, $"'approval' must be all or any, not '{YamlTreeReader.Shorten(s.Value)}'");
                    return;
            }

            Add(checks, key, location, (actual, into) =>
            {
                if (actual.Decision.Approval != expected)
                {
                    into.Add(new PolicyTestMismatch(key, Text(expected), Text(actual.Decision.Approval)));
                }
            });

            static string Text(ApprovalMode mode) => mode == ApprovalMode.Any ? "any" : "all";
        }

        public void Deadlines(YamlNode node, ImmutableArray<ExpectationCheck>.Builder checks)
        {
            if (MappingView.ExpectMapping(node, "'deadlines'", diagnostics) is not { } mapping)
            {
                return;
            }

            foreach (var (clockKey, value) in mapping.Entries)
            {
                var clock = clockKey.Value;
                var path = $"deadlines.{clock}";
                Refer(clock, path, clockKey.Location);
                if (!TryInstant(value, path, out var expected))
                {
                    continue;
                }

                Add(checks, path, value.Location, (actual, into) =>
                {
                    var deadline = actual.Decision.DeadlineFor(clock);
                    var calendar = deadline is null ? null : actual.Policy.FindCalendar(deadline.CalendarId);
                    var absent = actual.Policy.FindClock(clock) is null ? $"no deadline (the policy has no clock '{clock}')" : "no deadline";
                    CompareInstant(path, expected, deadline?.Due, calendar, absent, into);
                });
            }
        }

        public void Escalations(YamlNode node, ImmutableArray<ExpectationCheck>.Builder checks)
        {
            if (MappingView.ExpectSequence(node, "'escalations'", diagnostics) is not { } sequence)
            {
                return;
            }

            var expected = new List<(string Clock, ExpectedInstant At, List<string> Notify)>();
            var ok = true;
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                var path = $"escalations[{i}]";
                if (MappingView.ExpectMapping(sequence.Items[i], $"'{path}'", diagnostics) is not { } item)
                {
                    ok = false;
                    continue;
                }

                var view = new MappingView(item, $"'{path}'", EscalationKeys, diagnostics);
                var clock = view.Scalar("clock", required: true);
                var atNode = view.Node("at", required: true);
                var notifyNode = view.Node("notify", required: true);
                ExpectedInstant? at = null;
                List<string>? notify = null;
                if (clock is null || atNode is null || notifyNode is null
                    || !TryInstant(atNode, path + ".at", out at) || at is null
                    || (notify = Names(notifyNode, path + ".notify")) is null)
                {
                    if (atNode is YamlScalar { IsNull: true })
                    {
                        Invalid(atNode.Location, $"'{path}.at' must be an instant");
                    }

                    ok = false;
                    continue;
                }

                Refer(clock.Value, path + ".clock", clock.Location);
                expected.Add((clock.Value, at.Value, notify));
            }

            if (!ok)
            {
                return;
            }

            Add(checks, key, location, (actual, into) =>
            {
                var decision = actual.Decision;
                BusinessCalendar? CalendarOf(string clock) =>
                    decision.DeadlineFor(clock) is { } d ? actual.Policy.FindCalendar(d.CalendarId) : null;
                var list = decision.Escalations;
                if (list.Length != expected.Count)
                {
                    var expectedText = expected.Count == 0 ? "none" : string.Join("\n", expected.Select(e => $"{e.Clock} at {TestValueText.Instant(e.At.Value, e.At.Offset, CalendarOf(e.Clock))} notify {TestValueText.List(e.Notify)}"));
                    // Shown in the offset the case writes its instants in, unless the step's calendar has a zone of its own.
                    Offset? written = expected.Count > 0 ? expected[0].At.Offset : null;
                    var actualText = list.IsEmpty ? "none" : string.Join("\n", list.Select(a =>
                    {
                        var calendar = CalendarOf(a.Clock);
                        var offset = calendar is null || calendar.Zone == DateTimeZone.Utc ? written ?? Offset.Zero : OffsetFor(a.At, calendar);
                        return $"{a.Clock} at {TestValueText.Instant(a.At, offset, calendar)} notify {TestValueText.List(a.Notify)}";
                    }));
                    into.Add(new PolicyTestMismatch(
                        string.Create(CultureInfo.InvariantCulture, $"escalations (expected {expected.Count} steps, got {list.Length})"),
                        expectedText,
                        actualText));
                    return;
                }

                for (var i = 0; i < list.Length; i++)
                {
                    var (clock, at, notify) = expected[i];
                    var step = list[i];
                    var path = string.Create(CultureInfo.InvariantCulture, $"escalations[{i}]");
                    if (step.Clock != clock)
                    {
                        into.Add(new PolicyTestMismatch(path + ".clock", clock, step.Clock));
                    }

                    CompareInstant(path + ".at", at, step.At, CalendarOf(step.Clock), "none", into);
                    CompareSet(path + ".notify", notify, step.Notify, into);
                }
            });
        }

        public void Notice(YamlNode node, ImmutableArray<ExpectationCheck>.Builder checks)
        {
            const string NoNotice = "no notice (no matching rule requires notice, or the event has no value for its field)";
            if (node is YamlScalar { IsNull: true })
            {
                Add(checks, key, location, (actual, into) =>
                {
                    if (actual.Decision.Notice is { } n)
                    {
                        var calendar = actual.Policy.FindCalendar(n.CalendarId);
                        into.Add(new PolicyTestMismatch(key, "no notice", $"notice due {TestValueText.Instant(n.Due, OffsetFor(n.Due, calendar), calendar)}, met: {(n.Met ? "true" : "false")}"));
                    }
                });
                return;
            }

            if (MappingView.ExpectMapping(node, "'notice'", diagnostics) is not { } mapping)
            {
                return;
            }

            var view = new MappingView(mapping, "'notice'", NoticeKeys, diagnostics);
            ExpectedInstant? due = null;
            var hasDue = view.Node("due") is { } dueNode && TryInstant(dueNode, "notice.due", out due);
            if (hasDue && due is null)
            {
                Invalid(view.Node("due")!.Location, "'notice.due' must be an instant (write 'notice: null' to expect no notice)");
                return;
            }

            bool? met = null;
            if (view.Node("met") is { } metNode)
            {
                if (!TryBool(metNode, "notice.met", out var m))
                {
                    return;
                }

                met = m;
            }

            Add(checks, key, location, (actual, into) =>
            {
                if (actual.Decision.Notice is not { } n)
                {
                    into.Add(new PolicyTestMismatch(key, "a notice outcome", NoNotice));
                    return;
                }

                if (due is not null)
                {
                    CompareInstant("notice.due", due, n.Due, actual.Policy.FindCalendar(n.CalendarId), "none", into);
                }

                if (met is { } expectedMet && expectedMet != n.Met)
                {
                    into.Add(new PolicyTestMismatch("notice.met", expectedMet ? "true" : "false", n.Met ? "true" : "false"));
                }
            });
        }

        public void Violations(YamlNode node, ImmutableArray<ExpectationCheck>.Builder checks)
        {
            if (Names(node, key) is not { } expected)
            {
                return;
            }

            Add(checks, key, location, (actual, into) => CompareSet(key, expected, actual.Decision.Violations.Select(v => v.Code).ToList(), into));
        }

        public void Matched(YamlNode node, ImmutableArray<ExpectationCheck>.Builder checks)
        {
            if (Names(node, key) is not { } expected)
            {
                return;
            }

            Add(checks, key, location, (actual, into) =>
            {
                var matched = actual.Decision.Trace.Matched;
                if (!matched.SequenceEqual(expected, StringComparer.Ordinal))
                {
                    into.Add(new PolicyTestMismatch(key, TestValueText.List(expected), TestValueText.List(matched)));
                }
            });
        }

        public void DecidedBy(YamlNode node, ImmutableArray<ExpectationCheck>.Builder checks)
        {
            if (MappingView.ExpectMapping(node, "'decidedBy'", diagnostics) is not { } mapping)
            {
                return;
            }

            foreach (var (facetKey, value) in mapping.Entries)
            {
                var facet = facetKey.Value;
                var dot = facet.IndexOf('.', StringComparison.Ordinal);
                var valid = PlainFacets.Contains(facet)
                    || (dot > 0 && dot < facet.Length - 1 && facet[..dot] is "targets" or "escalations");
                if (!valid)
                {
                    Invalid(facetKey.Location, $"'{YamlTreeReader.Shorten(facet)}' is not a facet{SuggestionFinder.DidYouMean(facet, PlainFacets)}; facets are owner, approvers, consulted, informed, notice, targets.<clock> and escalations.<clock>");
                    continue;
                }

                if (dot > 0)
                {
                    Refer(facet[(dot + 1)..], $"decidedBy.{facet}", facetKey.Location);
                }

                if (Scalar(value, $"decidedBy.{facet}") is not { } rule)
                {
                    continue;
                }

                var expected = rule.IsNull ? null : rule.Value;
                var path = $"decidedBy.{facet}";
                Add(checks, path, value.Location, (actual, into) =>
                {
                    var decidedBy = actual.Decision.Trace.RuleFor(facet);
                    if (decidedBy != expected)
                    {
                        into.Add(new PolicyTestMismatch(path, expected ?? "no rule", decidedBy ?? "no rule"));
                    }
                });
            }
        }

        public void Clocks(YamlNode node, ImmutableArray<ExpectationCheck>.Builder checks)
        {
            if (MappingView.ExpectMapping(node, "'clocks'", diagnostics) is not { } mapping)
            {
                return;
            }

            foreach (var (clockKey, value) in mapping.Entries)
            {
                var clock = clockKey.Value;
                var path = $"clocks.{clock}";
                Refer(clock, path, clockKey.Location);
                if (value is YamlScalar { IsNull: true })
                {
                    Add(checks, path, value.Location, (actual, into) =>
                    {
                        if (actual.Status?.ClockFor(clock) is { } status)
                        {
                            into.Add(new PolicyTestMismatch(path, "no status (no target)", $"{State(status.State)} with target {status.TargetText}"));
                        }
                    });
                    continue;
                }

                if (MappingView.ExpectMapping(value, $"'{path}'", diagnostics) is not { } fields)
                {
                    continue;
                }

                var view = new MappingView(fields, $"'{path}'", ClockKeys, diagnostics);
                foreach (var (fieldKey, fieldValue) in fields.Entries)
                {
                    if (view.Has(fieldKey.Value))
                    {
                        ClockField(clock, fieldKey.Value, fieldValue, checks);
                    }
                }
            }
        }

        private void ClockField(string clock, string field, YamlNode value, ImmutableArray<ExpectationCheck>.Builder checks)
        {
            var path = $"clocks.{clock}.{field}";
            Action<ClockStatus, BusinessCalendar?, List<PolicyTestMismatch>>? compare = null;
            switch (field)
            {
                case "state":
                    if (Scalar(value, path) is { } s)
                    {
                        if (!States.Contains(s.Value))
                        {
                            Invalid(s.Location, $"'{path}' must be running, paused, stopped, cancelled or not-started, not '{YamlTreeReader.Shorten(s.Value)}'{SuggestionFinder.DidYouMean(s.Value, States)}");
                            return;
                        }

                        compare = (status, _, into) =>
                        {
                            if (State(status.State) != s.Value)
                            {
                                into.Add(new PolicyTestMismatch(path, s.Value, State(status.State)));
                            }
                        };
                    }

                    break;
                case "elapsed" or "remaining":
                    if (TryDuration(value, path, out var amount))
                    {
                        compare = (status, _, into) =>
                        {
                            var actualAmount = field == "elapsed" ? status.Elapsed : status.Remaining;
                            if (actualAmount != amount)
                            {
                                into.Add(new PolicyTestMismatch(path, TestValueText.Duration(amount), actualAmount is { } a ? TestValueText.Duration(a) : "none (no target)"));
                            }
                        };
                    }

                    break;
                case "breached":
                    if (TryBool(value, path, out var breached))
                    {
                        compare = (status, _, into) =>
                        {
                            if (status.Breached != breached)
                            {
                                into.Add(new PolicyTestMismatch(path, breached ? "true" : "false", status.Breached ? "true" : "false"));
                            }
                        };
                    }

                    break;
                case "cycle" or "cycles" or "elapsedByOwner":
                    compare = LifecycleField(field, path, value);
                    break;
                default:
                    if (TryInstant(value, path, out var instant))
                    {
                        var absent = field == "due" ? "null (paused or stopped)" : "null (not breached)";
                        compare = (status, calendar, into) =>
                            CompareInstant(path, instant, field == "due" ? status.Due : status.BreachedAt, calendar, absent, into);
                    }

                    break;
            }

            if (compare is null)
            {
                return;
            }

            Add(checks, path, value.Location, (actual, into) =>
            {
                if (actual.Status?.ClockFor(clock) is not { } status)
                {
                    var why = actual.Policy.FindClock(clock) is null ? $"the policy has no clock '{clock}'" : "the clock has no target for this ticket";
                    into.Add(new PolicyTestMismatch(path, "a clock status", $"no status ({why})"));
                    return;
                }

                compare(status, status.CalendarId is { } calendarId ? actual.Policy.FindCalendar(calendarId) : null, into);
            });
        }

        private static string State(ClockState state) => LifecycleText.State(state);
    }
}
