using System;
using System.IO;
using FluentAssertions;
using Xunit;
using static SlaEngine.Cli.Tests.CliRunner;

namespace SlaEngine.Cli.Tests;

/// <summary>
/// <c>slaengine test</c> over several suites when one suite's policy is one the engine once could not load without
/// throwing: that suite fails with a positioned error, and every other suite still runs and is reported.
/// </summary>
public sealed class TestCommandFaultTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("slaengine-cli-fault-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void A_policy_with_a_freeze_beyond_the_end_of_time_fails_its_suite_only_with_its_position()
    {
        foreach (var name in new[] { "service-desk.yaml", "service-desk.tests.yaml", "contact-center.tests.yaml" })
        {
            File.Copy(Sample("policies", name), Path.Combine(_scratch, name));
        }

        var policy = File.ReadAllText(Sample("policies", "contact-center.yaml"));
        policy.Should().Contain("to: 2027-01-04T00:00");
        File.WriteAllText(Path.Combine(_scratch, "contact-center.yaml"), policy.Replace("to: 2027-01-04T00:00", "to: 9999-12-31T23:59", StringComparison.Ordinal));
        var junit = Path.Combine(_scratch, "results.xml");

        var (exit, output, error) = Run("test", _scratch, "--junit", junit);

        exit.Should().Be(1);
        (output + error).Should().NotContain("internal error");
        output.Should().Contain("PASS service-desk");
        output.Should().MatchRegex(@"contact-center\.yaml:\d+:9: error SLA1207: freeze 'peak-season' ends");
        output.Should().NotMatchRegex(@"FAIL service-desk");
        File.Exists(junit).Should().BeTrue();
    }
}
