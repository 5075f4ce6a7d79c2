using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace SlaEngine.Benchmarks.Synthetic;

/// <summary>
/// A realistic, seeded ticket history for the reference policy (samples/policies/contact-center.yaml): tickets arrive
/// by hour of day and day of week (busy weekday mornings, quiet weekends and nights), with the contact center's
/// category mix and priorities; each is acknowledged, may wait on the requester (the resolve clock pauses), may have
/// its priority raised, is resolved, cancelled now and then, and sometimes reopened. The same options always give the
/// same rows, byte for byte.
/// </summary>
public static class SyntheticHistory
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static readonly OffsetDateTimePattern AtPattern = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    private static readonly (string Category, int Weight, double ResolveHours)[] Categories =
    [
        ("routing", 18, 9), ("queue", 10, 8), ("agent-definition", 12, 7), ("agent-permission", 10, 5),
        ("message", 8, 6), ("self-service", 6, 14), ("agent-desktop", 10, 30), ("telephony-platform", 6, 16),
        ("network-backbone", 4, 26), ("integration", 5, 30), ("upgrade", 4, 36), ("security-patch", 5, 22),
        ("system-selection", 2, 120),
    ];

    private static readonly double[] HourWeights =
    [
        0.2, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 2.0, 4.0, 5.0, 5.0, 4.5, 3.0, 4.0, 4.5, 4.0, 3.5, 2.5, 1.5, 1.0, 0.8, 0.6, 0.4, 0.3,
    ];

    private static readonly double[] WeekdayWeights = [1.0, 1.0, 0.95, 0.95, 0.9, 0.35, 0.15]; // Monday first

    private static readonly double[] CategoryWeights = [.. Categories.Select(c => (double)c.Weight)];

    private static readonly string[] Notes =
    [
        "Requester confirmed the change window", "Waiting for the vendor", "Tested in the lab", "Agents briefed",
        "Escalated to the team lead", "Change approved by the CAB",
    ];

    private static readonly string[] CcCategories = ["routing", "queue", "agent-definition", "agent-permission", "message", "self-service"];

    private static readonly string[] ItTeams = ["it-infra", "it-desktop", "it-liaison"];

    /// <summary>The CSV header the generator writes.</summary>
    public const string CsvHeader = "ticket,at,id,category,priority,emergency,requestedBy,status,scheduledStart,affectedAgents,summary";

    /// <summary>One row: a ticket's change at an instant, with the fields it sets (as text, in <see cref="CsvHeader"/> order after <c>id</c>).</summary>
    public sealed record Row(string Ticket, Instant At, string EntryId, int TicketNumber, int Sequence, IReadOnlyList<(string Field, string Value, bool Quoted)> Fields);

    /// <summary>Generates the rows: grouped by ticket (the tickets in submission order), or sorted by time across tickets.</summary>
    /// <param name="tickets">How many tickets.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="sortedByTime">Sort the rows by time across tickets instead of grouping them by ticket.</param>
    /// <param name="start">The first day (local, New York); default Monday 2026-01-05.</param>
    /// <param name="days">How many days the submissions span; default 364 (a year of whole weeks).</param>
    /// <returns>The rows.</returns>
    public static List<Row> Generate(int tickets, int seed = 2026, bool sortedByTime = false, LocalDate? start = null, int days = 364)
    {
        var random = new Random(seed);
        var first = start ?? new LocalDate(2026, 1, 5);
        var submissions = new List<Instant>(tickets);
        var dayWeights = Enumerable.Range(0, days).Select(d => WeekdayWeights[(int)first.PlusDays(d).DayOfWeek - 1]).ToArray();
        for (var i = 0; i < tickets; i++)
        {
            var day = first.PlusDays(Pick(random, dayWeights));
            var hour = Pick(random, HourWeights);
            var local = day.At(new LocalTime(hour, random.Next(60), random.Next(60)));
            submissions.Add(local.InZoneLeniently(NewYork).ToInstant());
        }

        submissions.Sort();
        var rows = new List<Row>(tickets * 5);
        for (var i = 0; i < tickets; i++)
        {
            AddTicket(random, i + 1, submissions[i], rows);
        }

        if (sortedByTime)
        {
            rows.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.TicketNumber != b.TicketNumber ? a.TicketNumber.CompareTo(b.TicketNumber) : a.Sequence.CompareTo(b.Sequence));
        }

        return rows;
    }

    /// <summary>Writes rows as JSON lines (field values flat beside <c>ticket</c>, <c>at</c> and <c>id</c>).</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteJsonLines(IEnumerable<Row> rows, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        var line = new StringBuilder(256);
        foreach (var row in rows)
        {
            line.Clear();
            line.Append("{\"ticket\":\"").Append(row.Ticket).Append("\",\"at\":\"").Append(FormatAt(row.At)).Append("\",\"id\":\"").Append(row.EntryId).Append('"');
            foreach (var (field, value, quoted) in row.Fields)
            {
                line.Append(",\"").Append(field).Append("\":");
                if (quoted)
                {
                    line.Append('"').Append(value).Append('"');
                }
                else
                {
                    line.Append(value);
                }
            }

            line.Append("}\n");
            output.Write(line);
        }
    }

    /// <summary>Writes rows as CSV with <see cref="CsvHeader"/>; a cell the row does not set is empty.</summary>
    /// <param name="rows">The rows.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteCsv(IEnumerable<Row> rows, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(output);
        var columns = CsvHeader.Split(',')[3..];
        output.Write(CsvHeader + "\n");
        var line = new StringBuilder(256);
        foreach (var row in rows)
        {
            line.Clear();
            line.Append(row.Ticket).Append(',').Append(FormatAt(row.At)).Append(',').Append(row.EntryId);
            foreach (var column in columns)
            {
                line.Append(',');
                foreach (var (field, value, _) in row.Fields)
                {
                    if (field == column)
                    {
                        line.Append(value);
                    }
                }
            }

            line.Append('\n');
            output.Write(line);
        }
    }

    /// <summary>An instant as New York local time with its offset, as ticketing tools export it.</summary>
    /// <param name="at">The instant.</param>
    /// <returns>The text.</returns>
    public static string FormatAt(Instant at) => AtPattern.Format(at.InZone(NewYork).ToOffsetDateTime());

    private static void AddTicket(Random random, int number, Instant submitted, List<Row> rows)
    {
        var ticket = "T-" + number.ToString("D6", CultureInfo.InvariantCulture);
        var sequence = 0;
        void Add(Instant at, params (string, string, bool)[] fields) =>
            rows.Add(new Row(ticket, at, $"{ticket}-{sequence}", number, sequence++, fields));

        var category = Categories[Pick(random, CategoryWeights)];
        var p = random.NextDouble();
        var priority = p < 0.03 ? 1 : p < 0.15 ? 2 : p < 0.75 ? 3 : 4;
        var emergency = (priority == 1 && random.NextDouble() < 0.6) || (priority == 2 && random.NextDouble() < 0.15);
        var ccWork = Array.IndexOf(CcCategories, category.Category) >= 0;
        var requestedBy = ccWork || random.NextDouble() < 0.5 ? "cc-ops" : ItTeams[random.Next(ItTeams.Length)];
        var submission = new List<(string, string, bool)>
        {
            ("category", category.Category, true),
            ("priority", "P" + priority.ToString(CultureInfo.InvariantCulture), true),
            ("emergency", emergency ? "true" : "false", false),
            ("requestedBy", requestedBy, true),
            ("status", "new", true),
        };
        if (category.Category is "agent-desktop" or "upgrade")
        {
            var lead = Duration.FromHours(24 * (1 + random.Next(9)));
            submission.Add(("scheduledStart", FormatAt(submitted + lead), true));
            submission.Add(("affectedAgents", (10 * (1 + random.Next(40))).ToString(CultureInfo.InvariantCulture), false));
        }

        Add(submitted, [.. submission]);
        var urgent = emergency || priority <= 2;
        var now = submitted + Minutes(random, urgent ? 12 : 50, heavyTail: 0.08);
        Add(now, ("status", "in-progress", true));

        if (random.NextDouble() < 0.08 && priority > 1)
        {
            now += Minutes(random, 120, heavyTail: 0);
            priority--;
            Add(now, ("priority", "P" + priority.ToString(CultureInfo.InvariantCulture), true));
        }

        var notes = random.Next(3);
        for (var n = 0; n < notes; n++)
        {
            now += Minutes(random, 45, heavyTail: 0);
            Add(now, ("summary", Notes[random.Next(Notes.Length)], true));
        }

        var waits = random.NextDouble() < 0.35 ? 1 + (random.NextDouble() < 0.3 ? 1 : 0) : 0;
        for (var w = 0; w < waits; w++)
        {
            now += Minutes(random, 90, heavyTail: 0);
            Add(now, ("status", "waiting-on-requester", true));
            now += Minutes(random, 60 * 14, heavyTail: 0.1);
            Add(now, ("status", "in-progress", true));
        }

        if (random.NextDouble() < 0.05)
        {
            now += Minutes(random, 60 * 6, heavyTail: 0);
            Add(now, ("status", "cancelled", true));
            return;
        }

        var hours = urgent ? 2.5 : category.ResolveHours;
        now += Minutes(random, (int)(hours * 60), heavyTail: 0.12);
        Add(now, ("status", "done", true));
        if (random.NextDouble() < 0.06)
        {
            now += Minutes(random, 60 * 20, heavyTail: 0);
            Add(now, ("status", "in-progress", true));
            now += Minutes(random, 60 * 4, heavyTail: 0);
            Add(now, ("status", "done", true));
        }
    }

    /// <summary>An exponential delay around a mean in minutes; with probability <paramref name="heavyTail"/>, four times longer.</summary>
    private static Duration Minutes(Random random, int mean, double heavyTail)
    {
        var scale = random.NextDouble() < heavyTail ? 4.0 : 1.0;
        var minutes = -Math.Log(1 - random.NextDouble()) * mean * scale;
        return Duration.FromSeconds(Math.Max(60, Math.Round(minutes * 60)));
    }

    private static int Pick(Random random, double[] weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var x = random.NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
