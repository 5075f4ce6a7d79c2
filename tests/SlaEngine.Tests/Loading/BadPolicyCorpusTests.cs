using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FluentAssertions;
using SlaEngine.Tests.Acceptance;
using Xunit;

namespace SlaEngine.Tests.Loading;

/// <summary>
/// A corpus of hostile policies, each derived from the shared reference policy with one defect (<c>BadPolicies/</c>).
/// <c>cases.yaml</c> says, for each, where the one error must be reported (the first character of the offending
/// token, decided by hand from the file) and which words its message must contain. Every diagnostic must carry a
/// position, loading must not throw, and a defect must not bring a cascade of other errors.
/// </summary>
public sealed class BadPolicyCorpusTests
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Loading", "BadPolicies");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in ReadCases().Keys)
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_defect_gives_exactly_its_error_at_the_offending_token(string file)
    {
        var expected = ReadCases()[file];
        var path = Path.Combine(Folder, file);

        var result = PolicyLoader.LoadFile(path);

        result.Diagnostics.Should().OnlyContain(d => d.Location.Line >= 1 && d.Location.Column >= 1, "every diagnostic has a position");
        var errors = result.Errors.Select(d => d.ToString()).ToList();
        errors.Should().HaveCount(expected.Errors ?? 1, "{0} holds one defect: {1}", file, string.Join(" | ", errors));
        errors.Should().Contain(
            line => expected.IsMatchedBy(line, path),
            "an error at {0}:{1} must mention {2}", expected.Line, expected.Column, string.Join(", ", expected.Contains));
        result.Policy.Should().BeNull();
    }

    [Fact]
    public void Every_file_of_the_corpus_has_a_case()
    {
        var files = Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Where(f => f != "cases.yaml");
        ReadCases().Keys.Should().BeEquivalentTo(files);
        ReadCases().Should().HaveCountGreaterThanOrEqualTo(60);
    }

    private static Dictionary<string, BadPolicyCase> ReadCases() => BadPolicyCase.Read(Path.Combine(Folder, "cases.yaml"));
}
