using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using CsCheck;
using FluentAssertions;
using NodaTime;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;
using Xunit;
using Xunit.Abstractions;

namespace SlaEngine.Tests.Reliability;

/// <summary>
/// Random JSON events (wrong types, huge numbers, deep objects, huge strings, duplicate properties, nulls, instants at
/// the edges of NodaTime's range) read against the reference policy: validation errors that name a field, or a valid
/// event that is decided and tracked without an exception.
/// </summary>
public sealed class EventFuzzTests(ITestOutputHelper output)
{
    private const string Seed = "0000jNVVYYG1";
    private static readonly Policy Reference = PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath);

    private static readonly string[] Names =
    [
        "submittedAt", "id", "category", "priority", "emergency", "requestedBy", "summary", "affectedAgents", "tags", "status",
        "scheduledStart", "unknown", "", "Category", "__proto__", "submittedAt ", "é",
    ];

    private static readonly string[] Instants =
    [
        "2026-11-24T10:00:00-05:00", "2026-11-24T10:00:00Z", "2026-11-24T10:00:00", "2026-11-24", "-9998-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59-14:00", "-9998-01-01T00:00:00+14:00",
        "+10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2026-02-30T10:00:00Z", "2026-11-24T25:00:00Z", "2026-11-24T10:00:00+25:00",
        "2011-12-30T12:00:00+14:00", "2026-03-08T02:30:00-05:00", "1970-01-01T00:00:00Z", "2026-11-24T10:00:00.123456789123Z",
    ];

    private static readonly string[] Scalars =
    [
        "null", "true", "false", "0", "-1", "1.5", "-0", "1e400", "-1e400", "99999999999999999999999999", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "\"P1\"", "\"P9\"", "\"routing\"", "\"cc-ops\"", "\"nobody\"", "\"\"",
        "\"\\u0000\"", "\"\\ud800\"", "\"\\ud83d\\ude00\"", "\"new\"", "\"done\"", "\"agent-desktop\"", "\"telephony-platform\"",
        "[]", "[\"a\"]", "[null]", "[1]", "{}",
    ];

    private static readonly Gen<string> GenString = Gen.Frequency(
        (4, Gen.OneOf<string>(Instants).Select(i => Quote(i))),
        (8, Gen.OneOf<string>(Scalars)),
        (1, Gen.Int[0, 200_000].Select(n => Quote(new string('x', n)))),
        (2, Gen.String.Select(Quote)));

    private static readonly Gen<string> GenValue = Gen.Recursive<string>((depth, self) => depth >= 3
        ? GenString
        : Gen.Frequency(
            (6, GenString),
            (1, self.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Gen.OneOf<string>(Names), self).Array[0, 3].Select(props => "{" + string.Join(",", props.Select(p => Quote(p.Item1) + ":" + p.Item2)) + "}")),
            (1, Gen.Int[1, 200].Select(n => new string('[', n) + new string(']', n))),
            (1, Gen.Int[1, 100].Select(n => string.Concat(Enumerable.Repeat("{\"a\":", n)) + "1" + new string('}', n)))));

    // A nearly right event (a submission instant and a category, often valid) with a few properties drawn from the
    // schema's names and others, so that both refusals and evaluations are reached; duplicates are allowed.
    private static readonly Gen<string> GenEvent = Gen.Select(
        Gen.OneOf<string>(Instants).Select(i => Quote(i)),
        Gen.OneOf<string>(Reference.Schema.Find("category")!.EnumValues.Select(v => Quote(v)).Append("\"nope\"").Append("null").ToArray()),
        Gen.Select(Gen.OneOf<string>(Names), GenValue).Array[0, 4],
        Gen.Int[0, 3],
        (submitted, category, props, shape) =>
        {
            var start = shape switch
            {
                0 => [],
                1 => [("submittedAt", submitted)],
                _ => new[] { ("submittedAt", submitted), ("category", category) },
            };
            return "{" + string.Join(",", start.Concat(props).Select(p => Quote(p.Item1) + ":" + p.Item2)) + "}";
        });

    [Fact]
    public void Random_json_gives_errors_naming_a_field_or_an_event_that_is_decided_without_an_exception()
    {
        long tried = 0, accepted = 0;
        GenEvent.Sample(
            json =>
            {
                Interlocked.Increment(ref tried);
                var read = Hostile.WithinTime(TimeSpan.FromSeconds(10), () => Reference.ReadEvent(json), () => Shorten(json));
                if (read.Event is null)
                {
                    read.Errors.Should().NotBeEmpty();
                    read.Errors.Should().OnlyContain(e => e.Message.Length < 1_000, "a message quotes a bounded part of the input");
                    return;
                }

                read.Errors.Should().BeEmpty();
                Interlocked.Increment(ref accepted);
                Decide(read.Event);
            },
            seed: Seed,
            time: 3,
            print: Shorten);

        output.WriteLine($"event fuzz: {tried} events, {accepted} accepted");
        accepted.Should().BeGreaterThan(0, "the generator must reach evaluation");
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("9999-12-20T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.999999999Z")]
    public void An_event_submitted_near_the_end_of_time_gets_an_out_of_range_violation_not_an_exception(string submittedAt)
    {
        foreach (var category in Reference.Schema.Find("category")!.EnumValues)
        {
            var json = $$"""{"submittedAt":"{{submittedAt}}","category":"{{category}}","priority":"P1","emergency":true,"scheduledStart":"{{submittedAt}}"}""";
            var e = Reference.ReadEvent(json).GetEventOrThrow();

            var decision = Reference.Evaluate(e);

            decision.ToJson().Should().NotBeNullOrEmpty();
            var clocksWithTargets = decision.Trace.DecidedBy.Count(f => f.Facet.StartsWith("targets.", StringComparison.Ordinal));
            if (decision.Deadlines.Length < clocksWithTargets)
            {
                decision.Violations.Should().Contain(v => v.Code == Violation.OutOfRange, "{0}: a deadline that cannot be computed is reported", category);
            }

            Decide(e);
        }
    }

    [Theory]
    [InlineData("-9998-01-01T00:00:00Z")]
    [InlineData("-9998-01-06T12:00:00Z")]
    public void An_event_submitted_at_the_start_of_time_is_decided_with_a_notice_out_of_range_not_an_exception(string at)
    {
        var json = $$"""{"submittedAt":"{{at}}","category":"agent-desktop","scheduledStart":"{{at}}"}""";
        var e = Reference.ReadEvent(json).GetEventOrThrow();

        var decision = Reference.Evaluate(e);

        decision.Violations.Should().Contain(v => v.Code == Violation.OutOfRange, "three business days before the first supported date do not exist");
        Decide(e);
    }

    [Theory]
    [InlineData("""{"submittedAt":"2026-11-24T10:00:00Z","category":"routing","category":"upgrade"}""", "category")]
    [InlineData("""{"submittedAt":"2026-11-24T10:00:00Z","submittedAt":"2026-11-25T10:00:00Z","category":"routing"}""", "submittedAt")]
    public void A_duplicate_property_is_refused_naming_it_never_last_one_wins(string json, string field)
    {
        var read = Reference.ReadEvent(json);

        read.Success.Should().BeFalse();
        read.ErrorMessage.Should().Contain(field);
    }

    [Theory]
    [InlineData("""{"submittedAt":"2026-11-24T10:00:00Z","category":"routing","affectedAgents":1e400}""", "affectedAgents")]
    [InlineData("""{"submittedAt":"2026-11-24T10:00:00Z","category":"routing","affectedAgents":9223372036854775808}""", "affectedAgents")]
    [InlineData("""{"submittedAt":"2026-11-24T10:00:00Z","category":"routing","affectedAgents":1.5}""", "affectedAgents")]
    [InlineData("""{"submittedAt":"9999-12-31T23:59:59-14:00","category":"routing"}""", "submittedAt")]
    [InlineData("""{"submittedAt":"+10000-01-01T00:00:00Z","category":"routing"}""", "submittedAt")]
    [InlineData("""{"submittedAt":"2026-11-24T10:00:00","category":"routing"}""", "submittedAt")]
    [InlineData("""{"submittedAt":null,"category":"routing"}""", "submittedAt")]
    [InlineData("""{"submittedAt":"2026-11-24T10:00:00Z","category":null}""", "category")]
    [InlineData("""{"submittedAt":"2026-11-24T10:00:00Z","category":"routing","tags":[null]}""", "tags")]
    [InlineData("""{"submittedAt":"2026-11-24T10:00:00Z","category":"routing","tags":[["a"]]}""", "tags")]
    [InlineData("""{"submittedAt":"2026-11-24T10:00:00Z","category":"routing","emergency":"true"}""", "emergency")]
    public void A_wrong_value_is_refused_naming_the_field(string json, string field)
    {
        var read = Reference.ReadEvent(json);

        read.Success.Should().BeFalse(json);
        read.Errors.Should().Contain(e => e.Location.Path == field || e.Message.Contains(field, StringComparison.Ordinal));
    }

    [Fact]
    public void Deep_and_huge_json_is_refused_quickly()
    {
        var deep = "{\"submittedAt\":\"2026-11-24T10:00:00Z\",\"category\":\"routing\",\"x\":" + new string('[', 100_000) + new string(']', 100_000) + "}";
        var huge = "{\"submittedAt\":\"2026-11-24T10:00:00Z\",\"category\":\"" + new string('r', 4_000_000) + "\"}";

        foreach (var json in new[] { deep, huge })
        {
            var read = Hostile.WithinTime(TimeSpan.FromSeconds(10), () => Reference.ReadEvent(json), () => "deep or huge");
            read.Success.Should().BeFalse();
            read.Errors.Should().OnlyContain(e => e.Message.Length < 1_000);
        }
    }

    private static void Decide(SlaEngine.Events.ChangeEvent e)
    {
        var decision = Reference.Evaluate(e);
        decision.ToJson().Should().NotBeNullOrEmpty();
        DecisionExplainer.Explain(Reference, decision).Should().NotBeNull();
        var ticket = Reference.Track(e);
        ticket = ticket.Append(Hostile.Plus(e.SubmittedAt, Duration.FromHours(1)), new System.Collections.Generic.Dictionary<string, object?> { ["status"] = "in-progress" });
        SlaJson.ToJson(ticket.StatusAt(Hostile.Plus(e.SubmittedAt, Duration.FromDays(3)))).Should().NotBeNullOrEmpty();
    }

    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => ((int)c).ToString("x4", CultureInfo.InvariantCulture).Insert(0, "\\u"),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    private static string Shorten(string s) => s.Length > 400 ? s[..400] + $"… ({s.Length} characters)" : s;
}
