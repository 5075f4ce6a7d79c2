using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.Loading;

/// <summary>
/// The exact lint's warnings on the benchmarks' synthetic 1,000-rule policy, pinned: the count, a digest of every
/// shadowed-rule and unowned-value warning (code, location, message, in order) and a few messages, all captured from
/// the linter before its performance work (commit fa54dc4), so that making it faster changes no warning.
/// </summary>
public sealed class LintSyntheticPolicyTests
{
    [Fact]
    public void The_synthetic_policy_gets_the_same_warnings_as_before()
    {
        var result = PolicyLoader.Load(SyntheticYaml(1000), "synthetic1000.yaml");
        result.Errors.Should().BeEmpty();
        var lines = result.Diagnostics
            .Where(d => d.Code is DiagnosticCodes.ShadowedRule or DiagnosticCodes.UnownedEnumValue)
            .Select(d => $"{d.Code} {d.Location} {d.Message}")
            .ToList();

        lines.Should().HaveCount(903);
        lines.Should().OnlyContain(l => l.StartsWith(DiagnosticCodes.ShadowedRule + " ", StringComparison.Ordinal));
        lines[0].Should().Be("SLA3001 synthetic1000.yaml:367:9 rule 'rule-52' can never decide anything: rule 'rule-2' above it always matches first and already decides owner, targets.acknowledge, targets.resolve; move it above or narrow the rule above");
        lines[299].Should().Be("SLA3001 synthetic1000.yaml:2431:9 rule 'rule-396' can never decide anything: rule 'rule-46' above it always matches first and already decides owner, targets.acknowledge, targets.resolve; move it above or narrow the rule above");
        lines.Should().Contain("SLA3001 synthetic1000.yaml:5155:9 rule 'rule-850' can never decide anything: whenever it matches, the rules above it ('rule-0', 'rule-50', 'rule-100', 'rule-150', 'rule-200', ...) have already decided owner, targets.acknowledge, targets.resolve or ended the walk; move it above them or narrow them");
        lines[^1].Should().Be("SLA3001 synthetic1000.yaml:6049:9 rule 'rule-999' can never decide anything: whenever it matches, the rules above it ('rule-49', 'rule-99', 'rule-149', 'rule-199', 'rule-249', ...) have already decided owner, targets.acknowledge, targets.resolve or ended the walk; move it above them or narrow them");
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n")))));
        digest.Should().BeEquivalentTo("b4e00dfea15f7ec393fc3dbf6c5b46e254b97d752e350425f00b3ef53c360ae0");
    }

    /// <summary>The benchmarks' synthetic policy (tests/SlaEngine.Benchmarks/Synthetic/SyntheticPolicy.cs), generated the same way.</summary>
    private static string SyntheticYaml(int n)
    {
        string[] owners = ["it-infra", "cc-ops", "it-desktop", "it-liaison", "ops"];
        string[] calendars = ["it-hours", "cc-hours", "ops-hours"];
        var b = new StringBuilder();
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
        for (var c = 0; c < 50; c++)
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
        for (var i = 0; i < n; i++)
        {
            var when = $"category == \"cat{i % 50}\" && priority <= \"P{1 + (i % 4)}\"";
            if (i % 7 == 0)
            {
                when += " && emergency";
            }

            if (i % 11 == 0)
            {
                when += " && summary.contains(\"IVR\")";
            }

            b.Append("  - id: rule-").Append(i.ToString(CultureInfo.InvariantCulture)).Append('\n');
            b.Append("    when: '").Append(when).Append("'\n");
            b.Append("    owner: ").Append(owners[i % owners.Length]).Append('\n');
            b.Append("    targets:\n");
            b.Append("      acknowledge: { within: ").Append((1 + (i % 4)).ToString(CultureInfo.InvariantCulture)).Append("h, calendar: ").Append(calendars[i % 3]).Append(" }\n");
            b.Append("      resolve: { within: ").Append((8 * (1 + (i % 5))).ToString(CultureInfo.InvariantCulture)).Append("h, calendar: ").Append(calendars[i % 3]).Append(" }\n");
        }

        return b.ToString();
    }
}
