using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using FluentAssertions;
using SlaEngine.Testing;
using Xunit;

namespace SlaEngine.Tests.Testing;

public sealed class PolicyTestCasesTests
{
    public static IEnumerable<object[]> FixtureCases => PolicyTestCases.FromSuite(Path.Combine(AppContext.BaseDirectory, "Testing", "Fixtures", "stub-friendly.tests.yaml"));

    [Theory]
    [MemberData(nameof(FixtureCases))]
    public void Each_case_of_the_fixture_suite_passes_as_its_own_theory(string suite, string name) =>
        PolicyTestCases.Run(suite, name);

    [Fact]
    public void FromSuite_gives_one_row_of_suite_path_and_case_name_per_case()
    {
        var rows = PolicyTestCases.FromSuite(Scratch.FixtureSuite).ToList();

        rows.Should().HaveCount(5);
        rows[0].Should().Equal(Path.GetRelativePath(AppContext.BaseDirectory, Scratch.FixtureSuite), "a routing change is the contact center's");
    }

    [Fact]
    public void A_suite_in_the_test_folder_is_named_relative_to_it_so_display_names_hold_no_build_path()
    {
        var suite = (string)PolicyTestCases.FromSuite(Scratch.FixtureSuite).First()[0];

        Path.IsPathRooted(suite).Should().BeFalse();
        suite.Should().NotContain(Path.Combine("bin", "Release")).And.NotContain(Path.Combine("bin", "Debug"));
        suite.Replace('\\', '/').Should().EndWith(".tests.yaml");
        PolicyTestCases.Check(suite, "a routing change is the contact center's").Passed.Should().BeTrue("the relative name is found in the test folder again");
    }

    [Fact]
    public void A_suite_outside_the_test_folder_keeps_the_path_it_was_given()
    {
        using var scratch = new Scratch();
        var path = scratch.FixtureCopyWith("      owner: cc-ops\n      approvers", "      owner: cc-ops\n      approvers");

        PolicyTestCases.FromSuite(path).First()[0].Should().Be(path);
    }

    [Fact]
    public void A_test_file_that_does_not_load_gives_one_row_that_fails_with_its_diagnostics()
    {
        using var scratch = new Scratch();
        var path = scratch.Suite("  - name: a\n    expect: {}\n");

        var row = PolicyTestCases.FromSuite(path).Should().ContainSingle().Which;
        var run = () => PolicyTestCases.Run((string)row[0], (string)row[1]);

        run.Should().Throw<PolicyTestFailedException>().WithMessage("*the test file loads*SLA5001*");
    }

    [Fact]
    public void A_failing_case_throws_with_a_readable_diff()
    {
        using var scratch = new Scratch();
        var path = scratch.FixtureCopyWith("      owner: cc-ops\n      approvers", "      owner: it-infra\n      approvers");

        var run = () => PolicyTestCases.Run(path, "a routing change is the contact center's");

        var exception = run.Should().Throw<PolicyTestFailedException>().Which;
        exception.Message.Should().StartWith("FAIL runner-fixture › a routing change is the contact center's")
            .And.Contain("    owner\n      expected: it-infra\n      actual:   cc-ops");
        exception.Result!.Mismatches.Should().ContainSingle();
    }

    [Fact]
    public void An_unknown_case_name_fails()
    {
        PolicyTestCases.Check(Scratch.FixtureSuite, "no such case").Messages.Should().Equal("the test file has no case named 'no such case'");
    }
}
