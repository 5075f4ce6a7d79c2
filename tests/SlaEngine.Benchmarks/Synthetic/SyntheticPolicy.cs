using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SlaEngine.Benchmarks.Synthetic;

/// <summary>
/// One rule of the synthetic policy, as data, so that SlaEngine's YAML, RulesEngine's workflow and the hand-written
/// delegates are all built from the same rules: <c>category == "cat{i mod 50}" &amp;&amp; priority &lt;= "P{1 + i mod 4}"</c>,
/// every 7th adds <c>&amp;&amp; emergency</c>, every 11th adds <c>&amp;&amp; summary.contains("IVR")</c>.
/// </summary>
internal sealed record SyntheticRule(int Index, string Category, int MaxPriority, bool NeedsEmergency, bool NeedsIvr, string Owner, string Calendar, string Acknowledge, string Resolve)
{
    public string Id => "rule-" + Index.ToString(CultureInfo.InvariantCulture);

    /// <summary>The condition in SlaEngine's rules language.</summary>
    public string When
    {
        get
        {
            var text = $"category == \"{Category}\" && priority <= \"P{MaxPriority}\"";
            if (NeedsEmergency)
            {
                text += " && emergency";
            }

            if (NeedsIvr)
            {
                text += " && summary.contains(\"IVR\")";
            }

            return text;
        }
    }

    /// <summary>The same condition as a RulesEngine lambda expression over <see cref="SyntheticEvent"/> (priority as its rank 1..4).</summary>
    public string LambdaExpression
    {
        get
        {
            var text = $"input1.Category == \"{Category}\" && input1.Priority <= {MaxPriority}";
            if (NeedsEmergency)
            {
                text += " && input1.Emergency";
            }

            if (NeedsIvr)
            {
                text += " && input1.Summary.Contains(\"IVR\")";
            }

            return text;
        }
    }

    /// <summary>The same condition, hand-written as a delegate.</summary>
    public Func<SyntheticEvent, bool> Delegate()
    {
        var category = Category;
        var max = MaxPriority;
        return (NeedsEmergency, NeedsIvr) switch
        {
            (false, false) => e => e.Category == category && e.Priority <= max,
            (true, false) => e => e.Category == category && e.Priority <= max && e.Emergency,
            (false, true) => e => e.Category == category && e.Priority <= max && e.Summary.Contains("IVR", StringComparison.Ordinal),
            (true, true) => e => e.Category == category && e.Priority <= max && e.Emergency && e.Summary.Contains("IVR", StringComparison.Ordinal),
        };
    }
}

/// <summary>
/// The synthetic policy of issue 10 for N rules over a <c>category</c> enum of 50 values, <c>priority</c> P1..P4,
/// <c>emergency</c>, <c>summary</c> and <c>tags</c> (plus a defaulted <c>status</c> that only the ticket clocks read).
/// Each rule sets an owner and two targets on one of three calendars with holidays.
/// </summary>
internal static class SyntheticPolicy
{
    public const int Categories = 50;

    public static readonly string[] Calendars = ["it-hours", "cc-hours", "ops-hours"];

    private static readonly string[] Owners = ["it-infra", "cc-ops", "it-desktop", "it-liaison", "ops"];

    public static SyntheticRule[] Rules(int n)
    {
        var rules = new SyntheticRule[n];
        for (var i = 0; i < n; i++)
        {
            rules[i] = new SyntheticRule(
                i,
                "cat" + (i % Categories).ToString(CultureInfo.InvariantCulture),
                1 + (i % 4),
                i % 7 == 0,
                i % 11 == 0,
                Owners[i % Owners.Length],
                Calendars[i % Calendars.Length],
                (1 + (i % 4)).ToString(CultureInfo.InvariantCulture) + "h",
                (8 * (1 + (i % 5))).ToString(CultureInfo.InvariantCulture) + "h");
        }

        return rules;
    }

    /// <summary>The policy's YAML text with N rules.</summary>
    public static string Yaml(int n)
    {
        var b = new StringBuilder(256 + (n * 230));
        b.Append("""
            format: slaengine/v1
            policy: synthetic
            version: "1"

            calendars:
              it-hours:
                zone: America/New_York
                hours:
                  mon-fri: "08:00-18:00"
                holidays:
                  - { yearly: "11/thu#4", name: Thanksgiving }
                  - { yearly: "12-25", name: Christmas Day }
                  - { yearly: "01-01", name: New Year's Day }
                exceptions:
                  - { date: 2026-12-24, hours: "08:00-12:00" }
              cc-hours:
                zone: America/Chicago
                hours:
                  mon-fri: "07:00-22:00"
                  sat: "09:00-17:00"
                holidays:
                  - { yearly: "12-25", name: Christmas Day }
                  - { yearly: "07-04", name: Independence Day }
              ops-hours:
                zone: Europe/London
                hours:
                  mon-fri: ["08:00-12:00", "13:00-17:30"]
                holidays:
                  - { yearly: "12-25", name: Christmas Day }
                  - { yearly: "12-26", name: Boxing Day }
                  - { yearly: "05/mon#-1", name: Spring bank holiday }

            teams:
              it-infra: { name: IT Infrastructure, calendar: it-hours }
              cc-ops: { name: Contact Center Operations, calendar: cc-hours }
              it-desktop: { name: IT End-User Computing, calendar: it-hours }
              it-liaison: { name: IT Liaison, calendar: it-hours }
              ops: { name: Operations, calendar: ops-hours }

            fields:
              category:
                type: enum
                values: [
            """);
        for (var c = 0; c < Categories; c++)
        {
            b.Append(c == 0 ? "cat0" : ", cat" + c.ToString(CultureInfo.InvariantCulture));
        }

        b.Append("""
            ]
              priority: { type: enum, values: [P1, P2, P3, P4] }
              emergency: { type: bool, default: false }
              summary: { type: string, default: "" }
              tags: { type: "list<string>", default: [] }
              status: { type: enum, values: [new, in-progress, waiting-on-requester, done], default: new }

            clocks:
              acknowledge: { stopWhen: 'status != "new"' }
              resolve: { pauseWhen: 'status == "waiting-on-requester"', stopWhen: 'status == "done"' }

            rules:

            """);
        foreach (var rule in Rules(n))
        {
            b.Append("  - id: ").Append(rule.Id).Append('\n');
            b.Append("    when: '").Append(rule.When).Append("'\n");
            b.Append("    owner: ").Append(rule.Owner).Append('\n');
            b.Append("    targets:\n");
            b.Append("      acknowledge: { within: ").Append(rule.Acknowledge).Append(", calendar: ").Append(rule.Calendar).Append(" }\n");
            b.Append("      resolve: { within: ").Append(rule.Resolve).Append(", calendar: ").Append(rule.Calendar).Append(" }\n");
        }

        return b.ToString();
    }

    /// <summary>Loads the policy with N rules (lint off: the generated rules overlap on purpose).</summary>
    public static Policy Load(int n) => Load(Yaml(n));

    public static Policy Load(string yaml)
    {
        var result = PolicyLoader.Load(yaml, "synthetic.yaml", new PolicyLoadOptions { Lint = false });
        return result.Policy ?? throw new InvalidOperationException("the synthetic policy does not load: " + string.Join("; ", result.Errors));
    }
}
