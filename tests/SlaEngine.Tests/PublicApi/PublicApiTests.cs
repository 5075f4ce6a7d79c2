using System;
using System.IO;
using System.Linq;
using PublicApiGenerator;
using Xunit;

namespace SlaEngine.Tests.PublicApi;

/// <summary>
/// The public surface of the library, compared with an approved copy, so that a breaking change (or any change) to
/// what consumers compile against is a deliberate, reviewed edit of <c>SlaEngine.approved.txt</c>.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly string Folder = Path.Combine(TestFiles.RepositoryRoot, "tests", "SlaEngine.Tests", "PublicApi");

    [Fact]
    public void The_public_API_matches_the_approved_file()
    {
        var options = new ApiGeneratorOptions
        {
            // Build details, not API: they change with the target framework and the build machine.
            ExcludeAttributes =
            [
                "System.Runtime.Versioning.TargetFrameworkAttribute",
                "System.Reflection.AssemblyMetadataAttribute",
                "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
            ],
        };
        var received = Normalize(typeof(Policy).Assembly.GeneratePublicApi(options));
        var approvedPath = Path.Combine(Folder, "SlaEngine.approved.txt");
        var receivedPath = Path.Combine(Folder, "SlaEngine.received.txt");
        var approved = File.Exists(approvedPath) ? Normalize(File.ReadAllText(approvedPath)) : string.Empty;

        if (received == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        var approvedLines = approved.Split('\n');
        var receivedLines = received.Split('\n');
        var removed = approvedLines.Except(receivedLines, StringComparer.Ordinal).Take(20).Select(l => "- " + l.Trim());
        var added = receivedLines.Except(approvedLines, StringComparer.Ordinal).Take(20).Select(l => "+ " + l.Trim());
        Assert.Fail(
            "The public API of SlaEngine changed. Removing or changing a member breaks consumers of the package." + Environment.NewLine +
            $"If the change is intended, review {receivedPath} and copy it over {approvedPath}" + Environment.NewLine +
            "(and say so in the package's release notes)." + Environment.NewLine +
            string.Join(Environment.NewLine, removed.Concat(added)));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
