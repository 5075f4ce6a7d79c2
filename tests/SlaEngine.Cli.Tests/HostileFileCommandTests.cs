using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FluentAssertions;
using SlaEngine.Tests;
using Xunit;
using static SlaEngine.Cli.Tests.CliRunner;

namespace SlaEngine.Cli.Tests;

/// <summary>
/// <c>test</c>, <c>evaluate --event</c>, <c>evaluate --timeline --at</c> and <c>explain</c> on hostile files: exit 0 or 1
/// as docs/cli.md says (2 only for a wrong command line), a message naming the file, and never a stack trace or an
/// internal error, on time.
/// </summary>
public sealed class HostileFileCommandTests : IDisposable
{
    private static readonly Regex Totals = new(@"^\d+ passed, \d+ failed$", RegexOptions.CultureInvariant);
    private readonly string _scratch = Path.Combine(Path.GetTempPath(), "slaengine-cli-hostile-" + Guid.NewGuid().ToString("N"));

    public HostileFileCommandTests() => Directory.CreateDirectory(_scratch);

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

    private static string Policy => Sample("policies", "contact-center.yaml");

    public static TheoryData<string, string> HostileEvents => new()
    {
        { "empty.json", string.Empty },
        { "null.json", "null" },
        { "open.json", "[" },
        { "number.json", "42" },
        { "deep.json", new string('[', 10_000) + new string(']', 10_000) },
        { "deep-lines.json", "{}\n" + new string('{', 5_000) + "\n" },
        { "surrogate.json", """{"submittedAt":"2026-11-24T10:00:00Z","category":"\ud800","\udc00":1}""" },
        { "duplicate.json", """{"submittedAt":"2026-11-24T10:00:00Z","category":"routing","category":"upgrade"}""" },
        { "huge-number.json", """{"submittedAt":"2026-11-24T10:00:00Z","category":"routing","affectedAgents":1e400}""" },
        { "beyond-time.json", """{"submittedAt":"9999-12-31T23:59:59-14:00","category":"routing"}""" },
        { "lines-crlf.json", "\uFEFF{\"submittedAt\":\"2026-11-24T10:00:00Z\",\"category\":\"routing\"}\r\n{\"submittedAt\":null}\r\n" },
        { "anchors.yaml", "submittedAt: &a 2026-11-24T10:00:00Z\ncategory: *a\n" },
        { "list.yaml", "- a\n- b\n" },
        { "broken.yaml", "submittedAt: [\n" },
        { "bom.yaml", "\uFEFFsubmittedAt: 2026-11-24T10:00:00Z\r\ncategory: nope\r\n" },
        { "nul.yaml", "submittedAt: 2026-11-24T10:00:00Z\ncategory: routing\0\n" },
    };

    public static TheoryData<string> HostileTimelines => new()
    {
        string.Empty,
        "{}",
        "[]",
        "[null]",
        "[{\"at\":\"2026-11-24T10:00:00Z\",\"at\":\"2026-11-25T10:00:00Z\",\"set\":{\"category\":\"routing\"}}]",
        "[{\"at\":\"2026-11-24T10:00:00Z\",\"set\":{\"category\":\"routing\"}},{\"at\":\"2026-11-23T10:00:00Z\",\"set\":{\"status\":\"done\"}}]",
        "[{\"at\":\"\\ud800\",\"set\":{\"category\":\"routing\"}}]",
        "[{\"at\":\"2026-11-24T10:00:00Z\",\"set\":{\"\\ud800\":1,\"category\":\"routing\"}}]",
        "[{\"at\":\"2026-11-24T10:00:00Z\",\"set\":{\"category\":\"routing\",\"submittedAt\":\"2026-11-25T10:00:00Z\"}}]",
        "[{\"at\":\"+10000-01-01T00:00:00Z\",\"set\":{\"category\":\"routing\"}}]",
        "[{\"at\":\"2026-11-24T10:00:00Z\",\"set\":" + new string('[', 100) + new string(']', 100) + "}]",
    };

    [Theory]
    [MemberData(nameof(HostileEvents))]
    public void Evaluate_and_explain_of_a_hostile_event_file_exit_0_or_1_with_a_message_never_a_crash(string name, string content)
    {
        var file = Write(name, content);

        foreach (var command in new[] { "evaluate", "explain" })
        {
            var (exit, output, error) = Bounded(command, Policy, "--event", file);

            exit.Should().BeOneOf([CliApp.Ok, CliApp.Failed], "{0} {1}: {2}", command, name, error);
            NoCrash(error);
            if (exit == CliApp.Failed)
            {
                error.Should().Contain(name, "the message names the file");
            }
            else
            {
                output.Should().NotBeNullOrWhiteSpace();
            }
        }
    }

    [Fact]
    public void Evaluate_of_an_event_file_that_is_a_directory_a_missing_file_or_a_device_exits_1()
    {
        var paths = new[] { _scratch, Path.Combine(_scratch, "missing.json") }.Concat(File.Exists("/dev/zero") ? ["/dev/zero"] : Array.Empty<string>());
        foreach (var path in paths)
        {
            var (exit, _, error) = Bounded("evaluate", Policy, "--event", path);

            exit.Should().Be(CliApp.Failed, path);
            error.Should().Contain("cannot read");
            NoCrash(error);
        }
    }

    [Fact]
    public void Evaluate_with_a_policy_that_is_a_device_or_a_directory_exits_1_with_a_positioned_error()
    {
        var events = Write("e.json", """{"submittedAt":"2026-11-24T10:00:00Z","category":"routing"}""");
        var policies = new[] { _scratch }.Concat(File.Exists("/dev/zero") ? ["/dev/zero"] : Array.Empty<string>());
        foreach (var policy in policies)
        {
            var (exit, _, error) = Bounded("evaluate", policy, "--event", events);

            exit.Should().Be(CliApp.Failed, policy);
            error.Should().MatchRegex(@":1:1: error SLA10\d\d: ");
            NoCrash(error);
        }
    }

    [Theory]
    [MemberData(nameof(HostileTimelines))]
    public void Evaluate_of_a_hostile_timeline_exits_1_naming_the_file_never_a_crash(string content)
    {
        var file = Write("timeline.json", content);

        var (exit, _, error) = Bounded("evaluate", Policy, "--timeline", file, "--at", "2026-11-25T10:00:00Z");

        exit.Should().Be(CliApp.Failed, error);
        error.Should().Contain("timeline.json");
        NoCrash(error);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:59.999999999Z")]
    [InlineData("9999-12-31T23:59:59+14:00")]
    [InlineData("-9998-01-01T00:00:00Z")]
    [InlineData("2026-11-24T09:00:00-05:00")]
    public void Evaluate_of_a_timeline_at_the_edges_of_time_or_before_submission_prints_the_status(string at)
    {
        var file = Write("bom-timeline.json", "\uFEFF[{\"at\":\"2026-11-24T10:00:00-05:00\",\"set\":{\"category\":\"routing\"}},\r\n{\"at\":\"2026-11-24T10:00:00-05:00\",\"set\":{\"status\":\"in-progress\"}}]\r\n");

        var (exit, output, error) = Bounded("evaluate", Policy, "--timeline", file, "--at", at);

        exit.Should().Be(CliApp.Ok, error);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        doc.RootElement.ValueKind.Should().Be(System.Text.Json.JsonValueKind.Object);
        NoCrash(error);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("2026-11-24T10:00:00")]
    [InlineData("+10000-01-01T00:00:00Z")]
    public void An_at_that_is_no_instant_is_a_command_line_error(string at)
    {
        var file = Write("t.json", "[{\"at\":\"2026-11-24T10:00:00Z\",\"set\":{\"category\":\"routing\"}}]");

        var (exit, _, error) = Bounded("evaluate", Policy, "--timeline", file, "--at", at);

        exit.Should().Be(CliApp.UsageError);
        error.Should().Contain("--at");
        NoCrash(error);
    }

    [Theory]
    [InlineData("policy: /dev/zero", "MiB")]
    [InlineData("policy: .", "directory")]
    [InlineData("policy: \"a\\0b.yaml\"", "2:9")]
    [InlineData("policy: hostile.tests.yaml", "this file itself")]
    [InlineData("policy: [a, b]", "2:9")]
    [InlineData("cases: {}", "cases")]
    public void Test_of_a_hostile_test_file_exits_1_with_the_totals_last(string replace, string expected)
    {
        if (replace.Contains("/dev/", StringComparison.Ordinal) && !File.Exists("/dev/zero"))
        {
            return;
        }

        var text = Suite().Replace("policy: " + Policy, replace.StartsWith("cases", StringComparison.Ordinal) ? "policy: " + Policy : replace, StringComparison.Ordinal);
        if (replace.StartsWith("cases", StringComparison.Ordinal))
        {
            text = text[..text.IndexOf("cases:", StringComparison.Ordinal)] + replace + "\n";
        }

        var file = Write("hostile.tests.yaml", text);

        var (exit, output, error) = Bounded("test", file);

        exit.Should().Be(CliApp.Failed, output);
        output.Should().Contain(expected);
        output.TrimEnd().Split('\n')[^1].Should().MatchRegex(Totals.ToString());
        NoCrash(error);
        NoCrash(output);
    }

    [Fact]
    public void Test_of_a_file_of_4_MiB_and_one_byte_exits_1_with_SLA1003()
    {
        var text = Suite();
        var file = Write("big.tests.yaml", text + "#" + new string('x', (4 * 1024 * 1024) - Encoding.UTF8.GetByteCount(text)));
        new FileInfo(file).Length.Should().Be((4 * 1024 * 1024) + 1);

        var (exit, output, error) = Bounded("test", file);

        exit.Should().Be(CliApp.Failed);
        output.Should().Contain("SLA1003").And.EndWith("0 passed, 1 failed\n");
        NoCrash(error);
    }

    [SharedFact]
    public void Test_of_mutated_test_files_exits_0_or_1_with_the_totals_last_never_a_crash()
    {
        // A seeded byte and line mutator (the library's CsCheck fuzz of test files goes much further): what the
        // command adds on top of the runner is the file search, the report, JUnit and the exit code.
        var original = Encoding.UTF8.GetBytes(Suite() + string.Concat(File.ReadAllText(Path.Combine(Root, "..", "shared", "acceptance", "contact-center.tests.yaml")).Split('\n').SkipWhile(l => !l.StartsWith("cases:", StringComparison.Ordinal)).Skip(1).Select(l => l + "\n")));
        var junit = Path.Combine(_scratch, "junit.xml");
        var started = DateTime.UtcNow;
        var runs = 0;
        for (var seed = 0; runs < 12 || (DateTime.UtcNow - started < TimeSpan.FromSeconds(2) && runs < 200); seed++, runs++)
        {
            var random = new Random(seed);
            var bytes = original;
            for (var step = random.Next(1, 4); step > 0; step--)
            {
                bytes = Mutate(bytes, random);
            }

            var file = Path.Combine(_scratch, "m.tests.yaml");
            File.WriteAllBytes(file, bytes);

            var (exit, output, error) = Bounded("test", file, "--junit", junit, "--coverage");

            exit.Should().BeOneOf([CliApp.Ok, CliApp.Failed], "seed {0}: {1}", seed, error);
            output.TrimEnd().Split('\n')[^1].Should().MatchRegex(Totals.ToString(), "seed {0}", seed);
            NoCrash(error);
            System.Xml.Linq.XDocument.Load(junit).Root!.Name.LocalName.Should().Be("testsuites");
        }
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length + 1);
        string[] nasty = ["\0", "\uFEFF", "&a ", "*a", "[", "{", "- ", ": ", "\t", "\"\\ud800\"", "9999-12-31T23:59:59.999999999Z", "-9998-01-01T00:00:00Z", "policy: .\n", "\r\n", "é"];
        return random.Next(4) switch
        {
            0 => [.. bytes.AsSpan(0, at), .. Encoding.UTF8.GetBytes(nasty[random.Next(nasty.Length)]), .. bytes.AsSpan(at)],
            1 => [.. bytes.AsSpan(0, at), (byte)random.Next(256), .. bytes.AsSpan(at)],
            2 => bytes[..at],
            _ => [.. bytes.AsSpan(0, at), .. bytes.AsSpan(Math.Min(bytes.Length, at + random.Next(1, 200)))],
        };
    }

    private static string Suite() => "tests: hostile\npolicy: " + Policy + "\ncases:\n"
        + "  - name: a routing change is the contact center's\n"
        + "    event: { submittedAt: \"2026-11-24T10:00:00-05:00\", category: routing, priority: P3 }\n"
        + "    expect: { owner: cc-ops }\n";

    private static (int Exit, string Out, string Error) Bounded(params string[] args)
    {
        var task = Task.Factory.StartNew(() => Run(args), TaskCreationOptions.LongRunning);
        // A hang, not slowness: the margin allows for a shared, loaded machine.
        if (!task.Wait(TimeSpan.FromSeconds(180)))
        {
            throw new TimeoutException("no answer within 180 s (a hang): slaengine " + string.Join(' ', args));
        }

        return task.Result;
    }

    private static void NoCrash(string text)
    {
        text.Should().NotContain("internal error", "a hostile file is bad input, not a bug");
        text.Should().NotMatchRegex(@"\n\s+at [\w.`<>]+\(", "no stack trace");
        text.Should().NotContain("Unhandled exception");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_scratch, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
