using System.IO;
using FluentAssertions;
using SlaEngine.Testing;
using Xunit;

namespace SlaEngine.Tests.Testing;

/// <summary>
/// Test discovery follows directory links, but a link back to a parent once ran one suite 41 times ("1 passed, 40
/// failed"): each real directory is searched once.
/// </summary>
public sealed class TestDiscoveryLinkTests
{
    [Fact]
    public void A_link_back_to_a_parent_directory_finds_each_suite_once()
    {
        var root = Directory.CreateTempSubdirectory("slaengine-discovery-").FullName;
        try
        {
            var suites = Directory.CreateDirectory(Path.Combine(root, "suites")).FullName;
            File.WriteAllText(Path.Combine(suites, "a.tests.yaml"), "policy: a.yaml\ncases: []\n");
            Directory.CreateSymbolicLink(Path.Combine(suites, "loop"), "..");
            Directory.CreateSymbolicLink(Path.Combine(suites, "self"), suites);

            var found = PolicyTestSuite.FindFiles([root]);

            found.Should().ContainSingle().Which.Should().EndWith("a.tests.yaml");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_linked_directory_outside_the_tree_is_still_searched()
    {
        var root = Directory.CreateTempSubdirectory("slaengine-discovery-").FullName;
        var elsewhere = Directory.CreateTempSubdirectory("slaengine-discovery-elsewhere-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(elsewhere, "b.tests.yaml"), "policy: b.yaml\ncases: []\n");
            Directory.CreateSymbolicLink(Path.Combine(root, "linked"), elsewhere);

            var found = PolicyTestSuite.FindFiles([root]);

            found.Should().ContainSingle().Which.Should().Be(Path.Combine(root, "linked", "b.tests.yaml"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
            Directory.Delete(elsewhere, recursive: true);
        }
    }
}
