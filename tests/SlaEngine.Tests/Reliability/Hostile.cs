using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Reporting;
using SlaEngine.Tracking;

namespace SlaEngine.Tests.Reliability;

/// <summary>What every reliability test asserts about loading and evaluating: an answer, on time, well-formed.</summary>
internal static class Hostile
{
    /// <summary>Every stable diagnostic code the library declares.</summary>
    public static readonly HashSet<string> KnownCodes = typeof(DiagnosticCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Instants that stress calendars and formatting: the ends of NodaTime's range and of the calendar's.</summary>
    public static readonly Instant[] EdgeInstants =
    [
        Instant.MinValue,
        Instant.FromUtc(-9998, 1, 1, 0, 0),
        Instant.FromUtc(-9998, 1, 6, 12, 0),
        Instant.FromUtc(1, 1, 1, 0, 0),
        Instant.FromUtc(1970, 1, 1, 0, 0),
        Instant.FromUtc(2026, 11, 24, 15, 0),
        Instant.FromUtc(2026, 12, 25, 3, 30),
        Instant.FromUtc(9999, 12, 20, 0, 0),
        Instant.FromUtc(9999, 12, 31, 23, 59, 59),
        Instant.MaxValue,
    ];

    /// <summary>Runs <paramref name="action"/> on its own thread and fails when it has not finished within <paramref name="limit"/>.</summary>
    public static T WithinTime<T>(TimeSpan limit, Func<T> action, Func<string> describe)
    {
        var task = Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        // The limit tells a hang from slowness; on a shared, loaded machine the same work can take several times
        // as long, so a hang is declared only after three times the limit.
        if (!task.Wait(limit * 3))
        {
            throw new TimeoutException($"no answer within {(limit * 3).TotalSeconds:0.#} s (a hang): {describe()}");
        }

        return task.Result;
    }

    /// <summary>Asserts a load result is either a policy (no errors) or errors (no policy), with positioned, known diagnostics.</summary>
    public static void ShouldBeWellFormed(PolicyLoadResult result, string because = "")
    {
        result.Should().NotBeNull();
        result.Diagnostics.IsDefault.Should().BeFalse();
        foreach (var d in result.Diagnostics)
        {
            d.Location.Line.Should().BeGreaterThanOrEqualTo(1, "{0} {1}", d, because);
            d.Location.Column.Should().BeGreaterThanOrEqualTo(1, "{0} {1}", d, because);
            KnownCodes.Should().Contain(d.Code, "{0} {1}", d, because);
            d.Message.Should().NotBeNullOrWhiteSpace(because);
        }

        if (result.Diagnostics.Any(d => d.IsError))
        {
            result.Policy.Should().BeNull("a load with errors gives no policy {0}", because);
        }
        else
        {
            result.Policy.Should().NotBeNull("a load without errors gives a policy {0}", because);
        }
    }

    /// <summary>
    /// Evaluates a few events on a loaded policy and tracks a short timeline: any event the policy accepts must be
    /// decided and tracked without an exception (a refused timeline entry is a documented <see cref="TimelineException"/>).
    /// </summary>
    public static int Exercise(Policy policy, Random random, int events = 3)
    {
        var evaluated = 0;
        for (var n = 0; n < events; n++)
        {
            var at = random.Next(4) == 0 ? EdgeInstants[random.Next(EdgeInstants.Length)] : Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromMinutes(random.Next(0, 2 * 365 * 24 * 60));
            var builder = policy.NewEvent(at).Set("id", "e" + n);
            foreach (var field in policy.Schema.Fields)
            {
                if (random.Next(5) == 0 && !field.IsRequired)
                {
                    continue;
                }

                builder.Set(field.Name, ValueFor(policy, field, random));
            }

            var read = builder.TryBuild();
            if (!read.Success)
            {
                read.Errors.Should().NotBeEmpty();
                continue;
            }

            var decision = policy.Evaluate(read.Event!);
            decision.ToJson().Should().NotBeNullOrEmpty();
            evaluated++;

            var ticket = policy.Track(read.Event!);
            var t = at;
            for (var step = 0; step < 3; step++)
            {
                var field = policy.Schema.Fields.IsEmpty ? null : policy.Schema.Fields[random.Next(policy.Schema.Fields.Length)];
                var later = Plus(t, Duration.FromMinutes(random.Next(0, 3 * 24 * 60)));

                var changes = field is null ? [] : new Dictionary<string, object?> { [field.Name] = ValueFor(policy, field, random) };
                try
                {
                    ticket = ticket.Append(later, changes);
                    t = later;
                }
                catch (TimelineException ex)
                {
                    ex.Message.Should().Contain("entry");
                }
            }

            // A status far from submission costs time linear in the span (calendar chunks of 256 days; see
            // docs/reliability.md), about a second for 8,000 years: asked now and then, not every time.
            Instant[] asked = random.Next(10) == 0 ? [at, t, Plus(t, Duration.FromDays(30)), Instant.MaxValue] : [at, t, Plus(t, Duration.FromDays(30))];
            foreach (var when in asked)
            {
                var status = ticket.StatusAt(when);
                status.Decision.ToJson().Should().NotBeNullOrEmpty();
                SlaEngine.Reporting.SlaJson.ToJson(status).Should().NotBeNullOrEmpty();
            }

            ticket.DecisionAt(t).ToJson().Should().NotBeNullOrEmpty();
        }

        return evaluated;
    }

    /// <summary>Adds without leaving NodaTime's range (the test's own arithmetic must not be what throws).</summary>
    public static Instant Plus(Instant t, Duration d) => t <= Instant.MaxValue - d ? t + d : Instant.MaxValue;

    private static object? ValueFor(Policy policy, FieldDefinition field, Random random)
    {
        if (random.Next(10) == 0)
        {
            return null;
        }

        return field.Type switch
        {
            FieldType.Enum when !field.EnumValues.IsEmpty && random.Next(8) != 0 => field.EnumValues[random.Next(field.EnumValues.Length)],
            FieldType.Team when !policy.Teams.IsEmpty && random.Next(8) != 0 => policy.Teams[random.Next(policy.Teams.Length)].Id,
            FieldType.Bool => random.Next(2) == 0,
            FieldType.Int => random.Next(4) switch { 0 => long.MaxValue, 1 => long.MinValue, _ => random.Next(-5, 500) },
            FieldType.Instant => EdgeInstants[random.Next(EdgeInstants.Length)],
            FieldType.StringList => new[] { "ivr", "", "\0", "é" }.Take(random.Next(4)).ToArray(),
            _ => random.Next(3) switch { 0 => "IVR change", 1 => new string('x', random.Next(0, 5000)), _ => "\u00e9\u0000\ud83d\ude00" },
        };
    }
}
