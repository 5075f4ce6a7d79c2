using System;
using System.IO;

namespace SlaEngine.Tests;

/// <summary>Finds the repository root and the shared acceptance material next to it.</summary>
internal static class TestFiles
{
    /// <summary>The folder holding <c>SlaEngine.sln</c>, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SlaEngine.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"No folder holding SlaEngine.sln above {AppContext.BaseDirectory}; the tests must run from inside the repository.");
        }
    }

    /// <summary>The shared acceptance folder (<c>../shared/acceptance</c> from the repository root).</summary>
    public static string SharedAcceptance
    {
        get
        {
            var path = SharedAcceptancePath;
            return Directory.Exists(path)
                ? path
                : throw new InvalidOperationException(MissingReason(path));
        }
    }

    /// <summary>
    /// Why a test reading the shared acceptance folder cannot run, or null when the folder is there. The words
    /// "shared acceptance folder" are what CI looks for to fail on such a skip.
    /// </summary>
    public static string? SharedAcceptanceMissingReason => Directory.Exists(SharedAcceptancePath) ? null : MissingReason(SharedAcceptancePath);

    private static string SharedAcceptancePath => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "acceptance"));

    private static string MissingReason(string path) =>
        $"needs the shared acceptance folder ../shared/acceptance beside the repository ({path}), which a fresh clone does not have";

    /// <summary>The reference policy as the repository ships it.</summary>
    public static string ReferencePolicyPath => Path.Combine(RepositoryRoot, "samples", "policies", "contact-center.yaml");
}
