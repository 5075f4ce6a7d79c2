using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace SlaEngine.Benchmarks.Synthetic;

/// <summary>
/// A large policy whose rules are keyed on different fields, for the whole-process measurement of the rule index
/// (docs/performance.md, "Large policies"): a third of the rules test <c>s</c> (40 values), a third <c>c</c> (60
/// values), a third <c>g</c> (25 values); every fifth also tests <c>p == "P1"</c>. Each rule is one line such as
/// <c>- {id: r2bi0,when: s=="s7",owner: t3}</c>, so that 100,000 rules stay under the 4 MiB file limit. The events
/// are JSON lines with random values of every field.
/// </summary>
internal static class SpreadPolicy
{
    private const int Teams = 8;

    /// <summary>Writes the policy with <paramref name="rules"/> rules.</summary>
    /// <param name="rules">How many rules.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="output">Where to write the YAML.</param>
    public static void WritePolicy(int rules, int seed, TextWriter output)
    {
        var random = new Random(seed);
        output.Write("format: slaengine/v1\npolicy: spread\ncalendars:\n  office: { zone: Europe/London, hours: { mon-fri: \"09:00-17:00\" } }\nteams:\n");
        for (var t = 0; t < Teams; t++)
        {
            output.Write($"  t{t}: {{ name: Team {t}, calendar: office }}\n");
        }

        output.Write("fields:\n");
        output.Write($"  s: {{ type: enum, values: [{Values("s", 40)}] }}\n");
        output.Write($"  c: {{ type: enum, values: [{Values("c", 60)}] }}\n");
        output.Write($"  g: {{ type: enum, values: [{Values("g", 25)}] }}\n");
        output.Write("  p: { type: enum, values: [P1, P2, P3, P4] }\n");
        output.Write("rules:\n");
        for (var i = 0; i < rules; i++)
        {
            var (field, size) = (i % 3) switch
            {
                0 => ("s", 40),
                1 => ("c", 60),
                _ => ("g", 25),
            };
            var when = $"{field}==\"{field}{random.Next(size)}\"";
            if (i % 5 == 0)
            {
                when += "&&p==\"P1\"";
            }

            output.Write($"- {{id: r{i.ToString("x", CultureInfo.InvariantCulture)},when: {when},owner: t{random.Next(Teams)}}}\n");
        }
    }

    /// <summary>Writes <paramref name="count"/> random events as JSON lines.</summary>
    /// <param name="count">How many events.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="output">Where to write them.</param>
    public static void WriteEvents(int count, int seed, TextWriter output)
    {
        var random = new Random(seed + 1);
        for (var i = 0; i < count; i++)
        {
            output.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"{{\"submittedAt\":\"2026-11-24T10:00:00+00:00\",\"s\":\"s{random.Next(40)}\",\"c\":\"c{random.Next(60)}\",\"g\":\"g{random.Next(25)}\",\"p\":\"P{1 + random.Next(4)}\"}}\n"));
        }
    }

    private static string Values(string prefix, int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            sb.Append(i == 0 ? string.Empty : ", ").Append(prefix).Append(i.ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
