using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using SlaEngine.Benchmarks.Synthetic;
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
        var result = PolicyLoader.Load(SyntheticPolicy.Yaml(1000), "synthetic1000.yaml");
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
}
