using System;
using System.IO;
using System.Linq;
using System.Text;
using FluentAssertions;
using SlaEngine.Diagnostics;
using SlaEngine.Testing;
using Xunit;

namespace SlaEngine.Tests.Reliability;

/// <summary>
/// Targeted hostile test files (<c>*.tests.yaml</c>): size, anchors, byte order marks and CRLF, policy paths that name
/// no file, a directory, a device, the file itself or a place above it, 10,000 cases, and instants at the edges.
/// Each loads to positioned diagnostics or runs to a result per case, on time, without an exception.
/// </summary>
public sealed class TestFileHostileTests : IDisposable
{
    private const string Header = "tests: hostile\npolicy: p.yaml\ncases:\n";

    private const string RoutingCase = """
          - name: a routing change is the contact center's
            event: { submittedAt: "2026-11-24T10:00:00-05:00", category: routing, priority: P3 }
            expect: { owner: cc-ops }

        """;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "slaengine-hostile-tests-" + Guid.NewGuid().ToString("N"));

    public TestFileHostileTests()
    {
        Directory.CreateDirectory(_dir);
        File.Copy(TestFiles.ReferencePolicyPath, Path.Combine(_dir, "p.yaml"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void A_test_file_of_4_MiB_and_one_byte_is_refused_before_it_is_read()
    {
        var text = Header + RoutingCase;
        var path = Write("big.tests.yaml", text + "#" + new string('x', PolicyTestSuite.MaxFileBytes - Encoding.UTF8.GetByteCount(text) - 2) + "\n" + "#");
        new FileInfo(path).Length.Should().Be(PolicyTestSuite.MaxFileBytes + 1);

        var load = PolicyTestSuite.Load(path);

        HostileInput.ShouldBeWellFormed(load);
        load.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.FileTooLarge);
        var report = new PolicyTestRunner().Run([path]);
        report.Results.Should().ContainSingle().Which.Passed.Should().BeFalse();
    }

    [Fact]
    public void A_test_file_of_exactly_4_MiB_is_read()
    {
        var text = Header + RoutingCase;
        var path = Write("limit.tests.yaml", text + "#" + new string('x', PolicyTestSuite.MaxFileBytes - Encoding.UTF8.GetByteCount(text) - 2) + "\n");
        new FileInfo(path).Length.Should().Be(PolicyTestSuite.MaxFileBytes);

        var load = Hostile.WithinTime(TimeSpan.FromSeconds(30), () => PolicyTestSuite.Load(path), () => "4 MiB");

        load.Success.Should().BeTrue(string.Join("\n", load.Diagnostics));
        new PolicyTestRunner().RunSuite(load.Suite!).Should().ContainSingle().Which.Passed.Should().BeTrue();
    }

    [Fact]
    public void Anchors_and_aliases_are_refused_at_their_position_and_an_alias_bomb_is_never_expanded()
    {
        var anchors = Header + """
              - name: shared event
                event: &e { submittedAt: "2026-11-24T10:00:00-05:00", category: routing }
                expect: { owner: cc-ops }
              - name: same event
                event: *e
                expect: { owner: cc-ops }

            """;
        var bomb = Header + "  - name: bomb\n    event: { submittedAt: \"2026-11-24T10:00:00-05:00\", category: routing }\n    expect:\n      owner: cc-ops\n"
            + "x0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            + string.Concat(Enumerable.Range(1, 9).Select(i => $"x{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9))}]\n"));

        foreach (var text in new[] { anchors, bomb })
        {
            var load = Hostile.WithinTime(TimeSpan.FromSeconds(10), () => PolicyTestSuite.Parse(text, "anchors.tests.yaml", _dir), () => text);

            HostileInput.ShouldBeWellFormed(load);
            load.Success.Should().BeFalse();
            load.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.AliasNotAllowed);
        }
    }

    [Fact]
    public void A_test_file_with_a_byte_order_mark_and_crlf_runs_like_the_plain_one()
    {
        var text = Header + RoutingCase + """
              - name: waiting on the requester pauses the resolve clock
                timeline:
                  - { at: "2026-11-24T10:00:00-05:00", set: { category: routing, priority: P3 } }
                  - { at: "2026-11-24T11:00:00-05:00", set: { status: waiting-on-requester } }
                at: "2026-11-24T15:00:00-05:00"
                expect:
                  clocks: { resolve: { state: paused, elapsed: 1h, breached: false } }

            """;
        var plain = Write("plain.tests.yaml", text);
        var crlf = Path.Combine(_dir, "crlf.tests.yaml");
        File.WriteAllBytes(crlf, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))]);

        var runner = new PolicyTestRunner();
        var a = runner.Run([plain]);
        var b = runner.Run([crlf]);

        a.Results.Should().HaveCount(2).And.OnlyContain(r => r.Passed);
        b.Results.Should().HaveCount(2).And.OnlyContain(r => r.Passed, string.Join("\n", b.Results.SelectMany(r => r.Messages)));
        b.Results.Select(r => (r.CaseName, r.Location.Line, r.Location.Column)).Should().Equal(a.Results.Select(r => (r.CaseName, r.Location.Line, r.Location.Column)));
    }

    [Fact]
    public void Invalid_utf8_in_a_test_file_is_reported_at_its_line_and_column()
    {
        var path = Path.Combine(_dir, "latin1.tests.yaml");
        var text = Encoding.UTF8.GetBytes(Header + "  - name: caf");
        File.WriteAllBytes(path, [.. text, 0xE9, .. Encoding.UTF8.GetBytes("\n    event: { submittedAt: \"2026-11-24T10:00:00-05:00\", category: routing }\n    expect: { owner: cc-ops }\n")]);

        var load = PolicyTestSuite.Load(path);

        HostileInput.ShouldBeWellFormed(load);
        var d = load.Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCodes.UnreadableFile);
        (d.Location.Line, d.Location.Column).Should().Be((4, 14));
    }

    [Theory]
    [InlineData(".", "directory")]
    [InlineData("sub", "directory")]
    [InlineData("missing.yaml", "does not exist")]
    public void A_policy_path_that_names_a_directory_or_nothing_fails_every_case_naming_why(string policy, string why)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "sub"));
        var path = Write("dir.tests.yaml", Header.Replace("p.yaml", policy, StringComparison.Ordinal) + RoutingCase);

        var report = Hostile.WithinTime(TimeSpan.FromSeconds(10), () => new PolicyTestRunner().Run([path]), () => policy);

        var result = report.Results.Should().ContainSingle().Subject;
        result.Passed.Should().BeFalse();
        result.Messages.Should().Contain(m => m.Contains(why, StringComparison.Ordinal));
        HostileInput.ShouldBeWellFormed(report);
    }

    [Fact]
    public void A_policy_path_that_names_a_device_is_refused_without_reading_it_to_the_end()
    {
        if (!File.Exists("/dev/zero"))
        {
            return; // Not a Unix system.
        }

        var path = Write("zero.tests.yaml", Header.Replace("p.yaml", "/dev/zero", StringComparison.Ordinal) + RoutingCase);

        var report = Hostile.WithinTime(TimeSpan.FromSeconds(10), () => new PolicyTestRunner().Run([path]), () => "/dev/zero");

        report.Results.Should().ContainSingle().Which.Messages.Should().Contain(m => m.Contains("MiB", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("self.tests.yaml", "this file itself")]
    [InlineData("other.tests.yaml", "names a test file")]
    [InlineData("\"p\\0.yaml\"", "not a file path")]
    public void A_policy_path_that_names_a_test_file_or_is_no_path_is_an_error_at_the_value(string policy, string why)
    {
        var path = Write("self.tests.yaml", Header.Replace("p.yaml", policy, StringComparison.Ordinal) + RoutingCase);

        var load = PolicyTestSuite.Load(path);

        HostileInput.ShouldBeWellFormed(load);
        var d = load.Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be(DiagnosticCodes.InvalidValue);
        d.Message.Should().Contain(why);
        (d.Location.Line, d.Location.Column).Should().Be((2, 9));
    }

    [Fact]
    public void A_policy_path_that_climbs_out_of_the_folder_is_resolved_as_written_and_fails_on_what_it_finds()
    {
        // Relative to the test file, as documented: '..' is how suites next to their policies name them, so it is not
        // refused; what it names is loaded like any policy (here a file that is no policy) and every case fails.
        var depth = _dir.Count(c => c == Path.DirectorySeparatorChar) + 3;
        var climb = string.Concat(Enumerable.Repeat("../", depth)) + _dir.TrimStart(Path.DirectorySeparatorChar) + "/sub/../notes.txt";
        Write("notes.txt", "just: [text\n");
        var path = Write("climb.tests.yaml", Header.Replace("p.yaml", climb, StringComparison.Ordinal) + RoutingCase);

        var load = PolicyTestSuite.Load(path);
        load.Success.Should().BeTrue();
        load.Suite!.PolicyPath.Should().Be(Path.Combine(_dir, "notes.txt"), "the path is normalized");
        var report = new PolicyTestRunner().Run([path]);

        var result = report.Results.Should().ContainSingle().Subject;
        result.Passed.Should().BeFalse();
        result.Messages.Should().Contain(m => m.Contains("failed to load", StringComparison.Ordinal));
        result.Messages.Skip(1).Should().OnlyContain(m => m.Contains("notes.txt:", StringComparison.Ordinal), "each of the policy's diagnostics has its position");
    }

    [Fact]
    public void Ten_thousand_cases_load_and_run_in_bounded_time_and_memory()
    {
        var sb = new StringBuilder(Header);
        for (var i = 0; i < 10_000; i++)
        {
            sb.Append(i % 2 == 0
                ? $"  - name: case {i}\n    event: {{ submittedAt: \"2026-11-24T10:00:00-05:00\", category: routing, priority: P{1 + (i % 4)} }}\n    expect: {{ owner: cc-ops }}\n"
                : $"  - name: case {i}\n    timeline:\n      - {{ at: \"2026-11-24T10:00:00-05:00\", set: {{ category: routing }} }}\n    at: \"2026-11-25T10:00:00-05:00\"\n    expect: {{ owner: it-infra }}\n");
        }

        var path = Write("many.tests.yaml", sb.ToString());
        var size = new FileInfo(path).Length;

        var (report, allocated) = Hostile.WithinTime(
            TimeSpan.FromSeconds(120),
            () =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var r = new PolicyTestRunner().Run([path]);
                return (r, GC.GetAllocatedBytesForCurrentThread() - before);
            },
            () => "10,000 cases");

        report.Results.Should().HaveCount(10_000);
        report.PassedCount.Should().Be(5_000, "the event cases pass");
        report.FailedCount.Should().Be(5_000, "the timeline cases expect the wrong owner: they fail, they do not crash");
        report.Results.Where(r => !r.Passed).Should().OnlyContain(r => r.Mismatches.Any(m => m.Path == "owner"));
        allocated.Should().BeLessThan(10_000L * 512 * 1024, "about a decision and a status per case ({0} bytes for a {1}-byte file)", allocated, size);
        HostileInput.ShouldBeWellFormed(report);
    }

    [Fact]
    public void An_at_before_the_submission_is_read_as_the_submission()
    {
        var path = Write("early.tests.yaml", Header + """
              - name: asked an hour before it was raised
                timeline:
                  - { at: "2026-11-24T10:00:00-05:00", set: { category: routing, priority: P3 } }
                at: "2026-11-24T09:00:00-05:00"
                expect:
                  clocks: { resolve: { state: running, elapsed: 0m, breached: false }, acknowledge: { elapsed: 0m } }
              - name: asked at the start of time
                timeline:
                  - { at: "2026-11-24T10:00:00-05:00", set: { category: routing, priority: P3 } }
                at: "-9998-01-01T00:00:00Z"
                expect:
                  clocks: { resolve: { elapsed: 0m, breached: false } }

            """);

        var report = new PolicyTestRunner().Run([path]);

        report.Results.Should().HaveCount(2).And.OnlyContain(r => r.Passed, string.Join("\n", report.Results.Select(r => r.FailureSummary)));
    }

    [Fact]
    public void An_at_at_the_end_of_time_gives_a_breached_clock_or_a_failure_never_an_exception()
    {
        var path = Write("late.tests.yaml", Header + """
              - name: asked at the end of time
                timeline:
                  - { at: "2026-11-24T10:00:00-05:00", set: { category: routing, priority: P3 } }
                at: "9999-12-31T23:59:59.999999999Z"
                expect:
                  clocks: { resolve: { state: running, breached: true } }
              - name: asked at the end of time, expecting a wrong due instant at the start of time
                timeline:
                  - { at: "2026-11-24T10:00:00-05:00", set: { category: routing, priority: P3 } }
                at: "9999-12-31T23:59:59Z"
                expect:
                  clocks: { resolve: { due: "-9998-01-01T00:00:00-05:00", breachedAt: "9999-12-31T23:59:59+14:00" } }
              - name: an escalation expected at the start of time
                event: { submittedAt: "2026-11-24T10:00:00-05:00", category: routing, priority: P3 }
                expect:
                  escalations: [{ clock: resolve, at: "-9998-01-01T00:00:00-05:00", notify: [it-liaison] }]

            """);

        // The status at 9999 walks the calendar for about a second (docs/reliability.md, "Known cost").
        var report = Hostile.WithinTime(TimeSpan.FromSeconds(120), () => new PolicyTestRunner().Run([path]), () => "end of time");

        report.Results.Should().HaveCount(3);
        report.Results[0].Passed.Should().BeTrue(report.Results[0].FailureSummary);
        report.Results[1].Passed.Should().BeFalse();
        report.Results[1].Mismatches.Select(m => m.Path).Should().Contain("clocks.resolve.due");
        report.Results[2].Passed.Should().BeFalse();
        report.Results[2].Mismatches.Should().NotBeEmpty("the difference is shown, in UTC where the written offset does not exist");
        HostileInput.ShouldBeWellFormed(report);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }
}

/// <summary><see cref="PolicyLoader.LoadFile(string)"/> does not trust a file's reported length.</summary>
public sealed class PolicyLoaderDeviceTests
{
    [Fact]
    public void LoadFile_of_a_device_is_refused_as_too_large_without_reading_it_to_the_end()
    {
        var result = Hostile.WithinTime(TimeSpan.FromSeconds(5), () => PolicyLoader.LoadFile("/dev/zero"), () => "/dev/zero");

        result.Success.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.FileTooLarge);
    }
}
