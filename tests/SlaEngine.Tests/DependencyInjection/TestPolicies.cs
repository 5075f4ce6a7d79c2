using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using SlaEngine.DependencyInjection;

namespace SlaEngine.Tests.DependencyInjection;

/// <summary>
/// Small policies that differ in which team the first rule owns. With the expression contract stub every <c>when</c>
/// holds, so the first rule's owner tells the versions apart: A → cc-ops, B → it-infra. The broken versions would make
/// it-liaison the owner if they ever took effect.
/// </summary>
internal static class TestPolicies
{
    public const string RoutingEventJson = """{ "submittedAt": "2026-11-24T10:00:00-05:00", "category": "routing", "id": "CHG-1" }""";

    /// <summary>Version A: the first rule is owned by cc-ops.</summary>
    public static readonly string A = Valid("A", "cc-ops", "it-infra");

    /// <summary>Version B: the first rule is owned by it-infra. Same length as A.</summary>
    public static readonly string B = Valid("B", "it-infra", "cc-ops");

    /// <summary>Broken: the first rule would be owned by it-liaison, but the second rule has an unknown key.</summary>
    public static readonly string Invalid = Valid("X", "it-liaison", "cc-ops").Replace("    owner: cc-ops", "    ownr: cc-ops", StringComparison.Ordinal);

    /// <summary>A valid it-liaison version cut off mid-way, as a reader would see a file half written.</summary>
    public static readonly string Truncated = Truncate(Valid("T", "it-liaison", "cc-ops"));

    /// <summary>Version A without the <c>network-backbone</c> category and with a required <c>region</c> field.</summary>
    public static readonly string NarrowerSchema = A
        .Replace("values: [routing, network-backbone] }", "values: [routing] }\n  region: { type: string }", StringComparison.Ordinal)
        .Replace("when: category == \"network-backbone\"", "when: category == \"routing\"", StringComparison.Ordinal);

    /// <summary>Everything but the rules: three teams, a category field, one clock; <c>rules:</c> last.</summary>
    public static string Header(string version) => $$"""
        format: slaengine/v1
        policy: di-test
        version: "{{version}}"
        teams:
          cc-ops: { name: Contact Center Operations }
          it-infra: { name: IT Infrastructure }
          it-liaison: { name: IT Liaison }
        fields:
          category: { type: enum, values: [routing, network-backbone] }
        clocks:
          resolve: {}
        rules:

        """;

    public static string Valid(string version, string firstOwner, string secondOwner) => Header(version) + $$"""
          - id: first
            when: category == "routing"
            owner: {{firstOwner}}
            targets:
              resolve: { within: 8h }
          - id: second
            when: category == "network-backbone"
            owner: {{secondOwner}}
            targets:
              resolve: { within: 40h }

        """;

    private static string Truncate(string text) => text[..(text.IndexOf("{ within: 8h }", StringComparison.Ordinal) + 6)];

    /// <summary>Waits for an event, at most 10 seconds; the task faults with a TimeoutException otherwise.</summary>
    public static Task<T> Next<T>(Action<EventHandler<T>> subscribe, Func<T, bool>? accept = null)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        subscribe((_, e) =>
        {
            if (accept is null || accept(e))
            {
                done.TrySetResult(e);
            }
        });
        return done.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}

/// <summary>A temporary directory holding one policy file, deleted after the test.</summary>
internal sealed class PolicyFile : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("slaengine-di-").FullName;

    public PolicyFile(string text)
    {
        Path = System.IO.Path.Combine(_directory, "policy.yaml");
        File.WriteAllText(Path, text);
    }

    public string Path { get; }

    /// <summary>Writes the file in place.</summary>
    public void Write(string text) => File.WriteAllText(Path, text);

    /// <summary>Replaces the file the way editors and deployment tools do: write a sibling, then rename it over the file.</summary>
    public void Replace(string text)
    {
        var temporary = Path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, text);
        File.Move(temporary, Path, overwrite: true);
    }

    public FilePolicySource Follow(bool watch = true, TimeSpan? poll = null) =>
        new(Path, TimeSpan.FromMilliseconds(20), poll ?? Timeout.InfiniteTimeSpan, TimeProvider.System, watch, load: null);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind does no harm.
        }
    }
}
