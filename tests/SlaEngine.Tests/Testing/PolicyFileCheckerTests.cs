using System;
using System.IO;
using System.Linq;
using FluentAssertions;
using SlaEngine.Diagnostics;
using SlaEngine.Testing;
using Xunit;

namespace SlaEngine.Tests.Testing;

public sealed class PolicyFileCheckerTests : IDisposable
{
    private readonly Scratch _scratch = new();

    public void Dispose() => _scratch.Dispose();

    private static string SamplePolicies => Path.Combine(TestFiles.RepositoryRoot, "samples", "policies");

    [Fact]
    public void Every_file_of_the_sample_policies_checks_without_errors_and_the_suites_are_recognised()
    {
        var checker = new PolicyFileChecker();

        var results = PolicyFileChecker.FindFiles([SamplePolicies]).Select(checker.Check).ToList();

        var yaml = Directory.GetFiles(SamplePolicies, "*.yaml");
        results.Should().HaveCount(yaml.Length);
        results.Where(r => r.IsTestSuite).Select(r => Path.GetFileName(r.File)).Should()
            .BeEquivalentTo(yaml.Where(f => f.EndsWith(".tests.yaml", StringComparison.Ordinal)).Select(Path.GetFileName)).And.Contain("contact-center.tests.yaml");
        results.SelectMany(r => r.Diagnostics).Where(d => d.IsError).Should().BeEmpty();
    }

    [Fact]
    public void A_suite_is_recognised_by_its_tests_key_whatever_its_name()
    {
        var suite = _scratch.Write("contract.yaml", "tests: contract\npolicy: stub-friendly.yaml\ncases:\n  - name: a routing change\n    event: { submittedAt: \"2026-11-24T10:00:00Z\", category: routing }\n    expect: { owner: cc-ops }\n");

        PolicyFileChecker.IsTestSuite(suite).Should().BeTrue();
        PolicyFileChecker.IsTestSuite(Path.Combine(_scratch.Directory, "stub-friendly.yaml")).Should().BeFalse();
        new PolicyFileChecker().Check(suite).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void A_case_whose_event_the_policy_refuses_is_an_error_at_the_offending_field()
    {
        var suite = _scratch.Suite("  - name: an unknown category\n    event: { submittedAt: \"2026-11-24T10:00:00Z\", category: routng }\n    expect: { owner: cc-ops }\n");

        var result = new PolicyFileChecker().Check(suite);

        result.IsTestSuite.Should().BeTrue();
        var error = result.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be(DiagnosticCodes.TestEventRefused);
        error.Location.Should().Be(new SourceLocation(suite, 5, 61));
        error.Message.Should().Contain("an unknown category").And.Contain("routng");
    }

    [Fact]
    public void A_case_that_expects_a_refusal_is_not_an_error()
    {
        var suite = _scratch.Suite("  - name: an unknown category is refused\n    event: { submittedAt: \"2026-11-24T10:00:00Z\", category: routng }\n    expect: { error: category }\n");

        new PolicyFileChecker().Check(suite).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void A_timeline_whose_first_entry_is_refused_is_an_error_at_the_entry()
    {
        var suite = _scratch.Suite("  - name: a ticket with a bad priority\n    timeline:\n      - at: \"2026-11-24T10:00:00Z\"\n        set: { category: routing, priority: P9 }\n    at: \"2026-11-24T12:00:00Z\"\n    expect: { owner: cc-ops }\n");

        var result = new PolicyFileChecker().Check(suite);

        var error = result.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be(DiagnosticCodes.TestEventRefused);
        error.Location.Line.Should().Be(7);
        error.Message.Should().Contain("timeline's first entry").And.Contain("P9");
    }

    [Fact]
    public void A_case_naming_a_clock_the_policy_lacks_is_an_error_at_the_name()
    {
        var suite = _scratch.Suite("  - name: a misspelt clock\n    event: { submittedAt: \"2026-11-24T10:00:00Z\", category: routing }\n    expect: { deadlines: { resolv: \"2026-11-24T23:00:00Z\" } }\n");

        var result = new PolicyFileChecker().Check(suite);

        var error = result.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be(DiagnosticCodes.InvalidExpectation);
        error.Location.Line.Should().Be(6);
        error.Message.Should().Contain("resolv").And.Contain("resolve");
    }

    [Fact]
    public void A_suite_whose_policy_does_not_load_is_an_error_at_its_policy_key()
    {
        _scratch.Write("broken.yaml", "format: slaengine/v1\npolicy: broken\nrules: 3\n");
        var suite = _scratch.Write("broken.tests.yaml", "tests: broken\npolicy: broken.yaml\ncases:\n  - name: anything\n    event: { submittedAt: \"2026-11-24T10:00:00Z\" }\n    expect: { owner: nobody }\n");

        var result = new PolicyFileChecker().Check(suite);

        var error = result.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be(DiagnosticCodes.TestedPolicyFailsToLoad);
        error.Location.Should().Be(new SourceLocation(suite, 2, 9));
        error.Message.Should().Contain("broken.yaml:3:");
    }

    [Fact]
    public void A_suite_that_does_not_parse_reports_the_suite_readers_diagnostics()
    {
        var suite = _scratch.Write("bad.tests.yaml", "tests: bad\npolicy: stub-friendly.yaml\ncases:\n  - nme: typo\n");

        var result = new PolicyFileChecker().Check(suite);

        result.IsTestSuite.Should().BeTrue();
        result.ErrorCount.Should().BeGreaterThan(0);
        result.Diagnostics.Where(d => d.IsError).Should().OnlyContain(d => d.Location.File == suite && d.Location.Line == 4);
    }

    [Fact]
    public void Folders_are_searched_recursively_leaving_out_mappings_dot_folders_and_build_output_and_files_given_directly_are_kept()
    {
        _scratch.Write(Path.Combine("teams", "network", "network.yml"), "x: 1\n");
        _scratch.Write(Path.Combine(".github", "workflows", "ci.yaml"), "on: push\n");
        _scratch.Write(Path.Combine("mappings", "jira.mapping.yaml"), "format: slaengine-mapping/v1\n");
        _scratch.Write(Path.Combine("bin", "Release", "copy.yaml"), "format: slaengine/v1\n");
        _scratch.Write("notes.txt", "not yaml\n");
        var direct = Path.Combine(_scratch.Directory, "missing.yaml");

        var files = PolicyFileChecker.FindFiles([_scratch.Directory, direct, Path.Combine(_scratch.Directory, "stub-friendly.yaml")]);

        files.Select(f => Path.GetRelativePath(_scratch.Directory, f).Replace('\\', '/')).Should().Equal("stub-friendly.yaml", "teams/network/network.yml", "missing.yaml");
    }

    [Fact]
    public void A_missing_file_is_a_diagnostic_not_an_exception()
    {
        var result = new PolicyFileChecker().Check(Path.Combine(_scratch.Directory, "missing.yaml"));

        result.IsTestSuite.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.UnreadableFile);
    }
}
