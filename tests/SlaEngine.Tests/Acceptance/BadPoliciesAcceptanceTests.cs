using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FluentAssertions;
using Xunit;

namespace SlaEngine.Tests.Acceptance;

/// <summary>
/// The shared acceptance suite: every file of <c>bad-policies/</c> holds one defect, and <c>cases.yaml</c> says
/// where it must be reported and which words the message must contain.
/// </summary>
public sealed class BadPoliciesAcceptanceTests
{
    private static string BadPoliciesFolder => Path.Combine(TestFiles.SharedAcceptance, "bad-policies");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in ReadCases().Keys)
        {
            data.Add(file);
        }

        return data;
    }

    [SharedTheory]
    [MemberData(nameof(Cases))]
    public void Each_bad_policy_is_reported_at_the_expected_line_and_column(string file)
    {
        var expected = ReadCases()[file];
        var path = Path.Combine(BadPoliciesFolder, file);

        var result = PolicyLoader.LoadFile(path);

        var errors = result.Errors.Select(d => d.ToString()).ToList();
        errors.Should().NotBeEmpty("{0} holds a defect", file);
        errors.Should().HaveCountLessThanOrEqualTo(2, "one defect gives at most two errors");
        errors.Should().Contain(
            line => expected.IsMatchedBy(line, path),
            "an error at {0}:{1} must mention {2}", expected.Line, expected.Column, string.Join(", ", expected.Contains));
        result.Policy.Should().BeNull();
    }

    [SharedFact]
    public void Every_bad_policy_file_has_a_case()
    {
        var files = Directory.GetFiles(BadPoliciesFolder, "*.yaml").Select(Path.GetFileName).Where(f => f != "cases.yaml");
        ReadCases().Keys.Should().BeEquivalentTo(files);
    }

    [SharedTheory]
    [InlineData("acceptance/good-minimal.yaml")]
    [InlineData("examples/contact-center.yaml")]
    public void A_good_shared_policy_loads_without_errors(string relativePath)
    {
        var path = Path.Combine(TestFiles.SharedAcceptance, "..", relativePath);

        var result = PolicyLoader.LoadFile(path);

        result.Errors.Should().BeEmpty();
        result.Policy.Should().NotBeNull();
    }

    [Fact]
    public void The_reference_policy_shipped_in_samples_loads_without_errors()
    {
        var result = PolicyLoader.LoadFile(TestFiles.ReferencePolicyPath);

        result.Errors.Should().BeEmpty();
        result.Policy!.Id.Should().Be("contact-center-roe");
        result.Policy.Version.Should().Be("2026.11");
        result.Policy.Schema.Fields.Select(f => f.Name).Should().Contain(["category", "priority", "scheduledStart"]);
    }

    private static Dictionary<string, BadPolicyCase> ReadCases() => BadPolicyCase.Read(Path.Combine(BadPoliciesFolder, "cases.yaml"));
}
