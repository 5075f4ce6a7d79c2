using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FluentAssertions;
using Xunit;

namespace SlaEngine.Tests.Docs;

/// <summary>
/// The README shown on the packages' page reads well outside the repository: no link that only resolves inside a
/// clone, no placeholder address, and it is the file the packages actually carry.
/// </summary>
public sealed partial class PackageReadmeTests
{
    private static string Read(string relative) => File.ReadAllText(Path.Combine(TestFiles.RepositoryRoot, relative));

    [Fact]
    public void The_package_readme_has_no_link_that_resolves_only_inside_the_repository()
    {
        static string[] RelativeLinks(string file) => [.. MarkdownLink().Matches(Read(file)).Select(m => m.Groups["target"].Value)
            .Where(target => !target.StartsWith("https://", StringComparison.Ordinal))];

        RelativeLinks("README.md").Should().NotBeEmpty("the repository's README links its docs relatively, which is why the package has its own");
        RelativeLinks("src/PACKAGE.md").Should().BeEmpty("a relative link is broken on the package page");
    }

    [Fact]
    public void No_package_metadata_names_a_placeholder_address()
    {
        foreach (var file in new[] { "src/PACKAGE.md", "Directory.Build.props", "src/SlaEngine/SlaEngine.csproj", "src/SlaEngine.Cli/SlaEngine.Cli.csproj" })
        {
            Read(file).Should().NotContainAny([".invalid", "example.com", "localhost"], $"{file} is what the package page shows");
        }
    }

    [Fact]
    public void The_packages_carry_the_package_readme_under_the_name_their_metadata_gives()
    {
        var props = XDocument.Parse(Read("Directory.Build.props"));
        var readme = props.Descendants("PackageReadmeFile").Single().Value;
        var packed = props.Descendants("None").Where(n => (string?)n.Attribute("Pack") == "true").ToList();

        packed.Should().ContainSingle(n => ((string)n.Attribute("Include")!).EndsWith("src/PACKAGE.md", StringComparison.Ordinal)
                                           && (string?)n.Attribute("PackagePath") == readme);
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
