using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using CsCheck;
using FluentAssertions;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Evaluation;
using SlaEngine.Reporting;
using SlaEngine.Tracking;
using Xunit;
using Xunit.Abstractions;

namespace SlaEngine.Tests.Reliability;

/// <summary>
/// Random JSON timelines read against the reference policy (<see cref="Policy.ReadTimeline"/>): wrong types, nulls,
/// huge numbers, deep nesting, duplicate properties, entries out of order, equal instants, instants at the edges of
/// NodaTime's range, thousands of entries. Each is refused with a message naming the entry, or gives a ticket whose
/// status and decision answer at any instant (before submission, at the ends of time) without an exception.
/// </summary>
public sealed class TimelineFuzzTests(ITestOutputHelper output)
{
    private const string Seed = "0000jNVVYYG1";
    private const int CiSeconds = 3;
    private static readonly Policy Reference = PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath);
    private static readonly Instant Base = Instant.FromUtc(2026, 11, 24, 15, 0);

    private static readonly string[] Names =
    [
        "category", "priority", "emergency", "requestedBy", "summary", "affectedAgents", "tags", "status", "scheduledStart", "id",
        "submittedAt", "unknown", "", "Category", "__proto__", "é",
    ];

    private static readonly string[] EdgeInstants =
    [
        "-9998-01-01T00:00:00Z", "-9998-01-01T00:00:00+14:00", "-9998-01-01T00:00:00-14:00", "9999-12-31T23:59:59.999999999Z",
        "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00", "9999-12-20T00:00:00Z", "+10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
        "2026-11-24T10:00:00", "2026-11-24", "2026-02-30T10:00:00Z", "2026-11-24T25:00:00Z", "2026-11-24T10:00:00+25:00",
        "2026-11-24T10:00Z", "2011-12-30T12:00:00+14:00", "2026-03-08T02:30:00-05:00", "1970-01-01T00:00:00Z", "", "now",
        "2026-11-24T10:00:00.123456789123Z",
    ];

    private static readonly string[] Values =
    [
        "null", "true", "false", "0", "-1", "1.5", "-0", "1e400", "-1e400", "99999999999999999999999999", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "\"P1\"", "\"P3\"", "\"P9\"", "\"routing\"", "\"upgrade\"", "\"cc-ops\"",
        "\"nobody\"", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"\\ud83d\\ude00\"", "\"new\"", "\"in-progress\"", "\"waiting-on-requester\"",
        "\"resolved\"", "\"closed\"", "\"done\"", "[]", "[\"a\"]", "[null]", "[1]", "{}", "{\"a\":{\"b\":{\"c\":1}}}",
        "\"2026-11-24T10:00:00Z\"", "\"9999-12-31T23:59:59Z\"",
    ];

    private static readonly string[] Statuses = [.. Reference.Schema.Find("status")!.EnumValues];

    private static readonly Gen<(int Seed, int Shape)> GenTimeline = Gen.Select(Gen.Int, Gen.Int[0, 99]);

    [Fact]
    public void Random_timelines_are_refused_naming_the_entry_or_give_a_ticket_that_answers_at_any_instant()
    {
        var longMode = HostileInput.LongModeSeconds() is not null;
        var findings = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        long tried = 0, accepted = 0, entries = 0;
        GenTimeline.Sample(
            t =>
            {
                Interlocked.Increment(ref tried);
                var random = new Random(t.Seed);
                var json = Timeline(random, t.Shape);
                try
                {
                    var read = Hostile.WithinTime(TimeSpan.FromSeconds(10), () => Reference.ReadTimeline(json), () => HostileInput.Shorten(json));
                    if (!read.Success)
                    {
                        read.Error.Message.Should().NotBeNullOrWhiteSpace();
                        read.Error.Message.Length.Should().BeLessThan(2_000, "a message quotes a bounded part of the input: {0}", HostileInput.Shorten(read.Error.Message));
                        return;
                    }

                    Interlocked.Increment(ref accepted);
                    Interlocked.Add(ref entries, read.Ticket.Entries.Count);
                    Hostile.WithinTime(TimeSpan.FromSeconds(60), () => Ask(read.Ticket, random), () => "status of " + HostileInput.Shorten(json));
                }
                catch (Exception ex)
                {
                    var finding = $"{HostileInput.Describe(ex)}\ninput: {HostileInput.Shorten(json)}";
                    if (!longMode)
                    {
                        throw new InvalidOperationException($"seed {t.Seed} shape {t.Shape}: {finding}");
                    }

                    if (findings.TryAdd(finding.Split('\n')[0], finding))
                    {
                        HostileInput.Report($"FINDING timeline seed {t.Seed} shape {t.Shape}: {finding}");
                    }
                }
            },
            seed: Seed,
            time: HostileInput.LongModeSeconds() ?? CiSeconds,
            print: t => $"seed {t.Seed} shape {t.Shape}: {HostileInput.Shorten(Timeline(new Random(t.Seed), t.Shape))}");

        var figures = $"timeline fuzz: {tried} timelines, {accepted} accepted ({entries} entries), {findings.Count} distinct findings";
        output.WriteLine(figures);
        if (longMode)
        {
            HostileInput.Report(figures);
        }

        findings.Should().BeEmpty();
        accepted.Should().BeGreaterThan(0, "the generator must reach tracking");
    }

    /// <summary>Asks the status and decision at the entries, between them, before the submission and at the ends of time.</summary>
    private static int Ask(Ticket ticket, Random random)
    {
        var entries = ticket.Entries;
        var asked = new List<Instant> { ticket.SubmittedAt, entries[^1].At, Hostile.Plus(entries[^1].At, Duration.FromDays(3)), Instant.MinValue };
        asked.Add(entries[random.Next(entries.Count)].At);
        if (random.Next(10) == 0)
        {
            // Costs about a second per clock from 2026 (docs/reliability.md, "Known cost"): now and then.
            asked.Add(Instant.MaxValue);
        }

        foreach (var at in asked)
        {
            var status = ticket.StatusAt(at);
            status.At.Should().BeGreaterThanOrEqualTo(ticket.SubmittedAt, "an instant before submission is read as the submission");
            foreach (var clock in status.Clocks)
            {
                clock.Elapsed.Should().BeGreaterThanOrEqualTo(Duration.Zero);
                clock.Remaining.GetValueOrDefault().Should().BeGreaterThanOrEqualTo(Duration.Zero);
                clock.Breached.Should().Be(clock.Elapsed > clock.Target);
                if (clock.State != ClockState.Running)
                {
                    clock.Due.Should().BeNull("a paused or stopped clock has no due instant");
                }
            }

            SlaJson.ToJson(status).Should().NotBeNullOrEmpty();
            ticket.DecisionAt(at).ToJson().Should().NotBeNullOrEmpty();
        }

        return asked.Count;
    }

    /// <summary>A timeline drawn from <paramref name="random"/>: mostly nearly right (so that tickets are reached), sometimes hostile.</summary>
    internal static string Timeline(Random random, int shape)
    {
        switch (shape)
        {
            case 0:
                return random.Next(6) switch
                {
                    0 => string.Empty,
                    1 => "[]",
                    2 => "{}",
                    3 => "null",
                    4 => new string('[', random.Next(1, 2_000)) + new string(']', random.Next(1, 2_000)),
                    _ => "[" + string.Join(",", Enumerable.Repeat("{\"at\":\"2026-11-24T10:00:00Z\",\"set\":{\"category\":\"routing\"}}", 2)) + "]]",
                };
            case 1:
                // Thousands of entries, half of them at the previous entry's instant.
                var count = random.Next(1_000, 5_000);
                var sb = new StringBuilder("[").Append(Entry(Base, "\"category\":\"routing\",\"priority\":\"P3\""));
                for (var i = 1; i < count; i++)
                {
                    sb.Append(',').Append(Entry(Base + Duration.FromMinutes(i / 2 * 7), $"\"status\":{(i % 2 == 0 ? "\"in-progress\"" : "\"waiting-on-requester\"")}"));
                }

                return sb.Append(']').ToString();
        }

        // Half the timelines draw a hostile part one time in eight (so that tickets are reached), half at every turn.
        var hostile = shape >= 50 ? 8 : 1;
        var n = random.Next(1, 8);
        var items = new List<string>();
        var t = random.Next(8) == 0 ? Instant.FromUtc(9999, 12, 31, 0, 0) : random.Next(8) == 0 ? Instant.FromUtc(-9998, 1, 1, 12, 0) : Base;
        for (var i = 0; i < n; i++)
        {
            var fields = new List<string>();
            if (i == 0)
            {
                fields.Add("\"category\":" + (random.Next(8) == 0 ? Values[random.Next(Values.Length)] : "\"" + Reference.Schema.Find("category")!.EnumValues[random.Next(3)] + "\""));
            }

            for (var f = random.Next(0, 4); f > 0; f--)
            {
                fields.Add(random.Next(hostile) == 0
                    ? $"\"{Names[random.Next(Names.Length)]}\":{Value(random)}"
                    : random.Next(2) == 0 ? $"\"status\":\"{Statuses[random.Next(Statuses.Length)]}\"" : $"\"priority\":\"P{random.Next(1, 5)}\"");
            }

            string at;
            switch (random.Next(12 * hostile))
            {
                case 0:
                    at = "\"" + EdgeInstants[random.Next(EdgeInstants.Length)] + "\"";
                    break;
                case 1:
                    at = Values[random.Next(Values.Length)];
                    break;
                case 2:
                    // Out of order.
                    at = Text(t >= Instant.MinValue + Duration.FromDays(7) ? t - Duration.FromMinutes(random.Next(1, 10_000)) : Instant.MinValue);
                    break;
                default:
                    // Equal to the previous entry's instant or later.
                    t = random.Next(3) == 0 ? t : Hostile.Plus(t, Duration.FromMinutes(random.Next(1, 5_000)));
                    at = Text(t);
                    break;
            }

            var set = "{" + string.Join(",", fields) + "}";
            items.Add(random.Next(14 * hostile) switch
            {
                0 => Values[random.Next(Values.Length)],
                1 => $"{{\"at\":{at},\"at\":{at},\"set\":{set}}}",
                2 => $"{{\"at\":{at},\"set\":{set},\"set\":{{\"status\":\"closed\"}}}}",
                3 => $"{{\"set\":{set}}}",
                4 => $"{{\"at\":{at},\"set\":{Values[random.Next(Values.Length)]}}}",
                5 => $"{{\"at\":{at},\"set\":{set},\"extra\":{new string('[', 20)}{new string(']', 20)}}}",
                6 => $"{{\"at\":{at}}}",
                7 => $"{{\"AT\":{at},\"set\":{set}}}",
                _ => $"{{\"at\":{at},\"set\":{set}}}",
            });
        }

        return "[" + string.Join(random.Next(20) == 0 ? ",," : ",", items) + (random.Next(20) == 0 ? ",]" : "]");
    }

    private static string Value(Random random) => random.Next(20) switch
    {
        0 => "\"" + new string('x', random.Next(0, 100_000)) + "\"",
        1 => new string('[', random.Next(1, 30)) + new string(']', random.Next(1, 30)),
        2 => "\"" + EdgeInstants[random.Next(EdgeInstants.Length)] + "\"",
        _ => Values[random.Next(Values.Length)],
    };

    private static string Entry(Instant at, string set) => $"{{\"at\":{Text(at)},\"set\":{{{set}}}}}";

    private static string Text(Instant at) => "\"" + InstantPattern.ExtendedIso.Format(at) + "\"";
}
