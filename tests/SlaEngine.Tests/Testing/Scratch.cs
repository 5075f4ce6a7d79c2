using System;
using System.IO;

namespace SlaEngine.Tests.Testing;

/// <summary>A scratch directory holding a copy of the fixture policy and test files written by a test; deleted on dispose.</summary>
internal sealed class Scratch : IDisposable
{
    public static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Testing", "Fixtures");

    public Scratch()
    {
        Directory = Path.Combine(Path.GetTempPath(), "slaengine-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        File.Copy(Path.Combine(Fixtures, "stub-friendly.yaml"), Path.Combine(Directory, "stub-friendly.yaml"));
    }

    public string Directory { get; }

    public static string FixtureSuite => Path.Combine(Fixtures, "stub-friendly.tests.yaml");

    /// <summary>The shared acceptance suite, run against the shared reference policy it names.</summary>
    public static string AcceptanceSuite => Path.Combine(TestFiles.SharedAcceptance, "contact-center.tests.yaml");

    /// <summary>A suite of <c>samples/policies</c>, as copied next to the test binaries.</summary>
    public static string SampleSuite(string name) => Path.Combine(AppContext.BaseDirectory, "policies", name + ".tests.yaml");

    /// <summary>Writes a file into the scratch directory and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    /// <summary>Writes a suite against the fixture policy with the given cases (YAML list items, indented by two).</summary>
    public string Suite(string cases, string name = "scratch.tests.yaml") =>
        Write(name, "tests: scratch\npolicy: stub-friendly.yaml\ncases:\n" + cases);

    /// <summary>A copy of the fixture suite with one piece of text replaced, for deliberately broken expectations.</summary>
    public string FixtureCopyWith(string oldText, string newText)
    {
        var text = File.ReadAllText(FixtureSuite);
        if (!text.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the fixture suite has no '{oldText}'");
        }

        return Write("broken.tests.yaml", text.Replace(oldText, newText, StringComparison.Ordinal));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
