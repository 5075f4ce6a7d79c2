using System;
using System.IO;
using System.Text;
using FluentAssertions;
using Xunit;
using static SlaEngine.Cli.Tests.CliRunner;

namespace SlaEngine.Cli.Tests;

/// <summary>
/// Event files that are broken say where, in the file's own lines: JSON lines broken on line 3 and a pretty-printed
/// event broken on line 5 both used to say "LineNumber: 0"; a byte that is not UTF-8 used to become U+FFFD silently.
/// </summary>
public sealed class InputFileErrorTests : IDisposable
{
    private readonly string _scratch = Directory.CreateTempSubdirectory("slaengine-cli-input-").FullName;

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

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_scratch, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Json_lines_broken_on_line_3_are_reported_at_line_3()
    {
        var file = Write("events.jsonl", Encoding.UTF8.GetBytes(
            "{\"submittedAt\":\"2026-11-24T10:00:00Z\",\"category\":\"routing\"}\n" +
            "{\"submittedAt\":\"2026-11-24T11:00:00Z\",\"category\":\"routing\"}\n" +
            "{\"submittedAt\":\"2026-11-24T12:00:00Z\",\"category\":routing}\n"));

        var (exit, _, error) = Run("evaluate", Policy, "--event", file);

        exit.Should().Be(1);
        error.Should().Contain("line 3, column").And.NotContain("LineNumber");
    }

    [Fact]
    public void A_pretty_printed_event_broken_on_line_5_is_reported_at_line_5()
    {
        var file = Write("event.json", Encoding.UTF8.GetBytes("{\n  \"submittedAt\": \"2026-11-24T10:00:00Z\",\n  \"category\": \"routing\",\n  \"id\": \"CHG-1\",\n  \"summary\": oops\n}\n"));

        var (exit, _, error) = Run("evaluate", Policy, "--event", file);

        exit.Should().Be(1);
        error.Should().Contain("line 5, column 14").And.NotContain("LineNumber");
    }

    [Fact]
    public void Invalid_utf8_in_an_event_file_is_refused_with_its_byte_offset()
    {
        var prefix = Encoding.UTF8.GetBytes("{\"submittedAt\":\"2026-11-24T10:00:00Z\",\n\"category\":\"rout");
        var file = Write("latin1.json", [.. prefix, 0xE9, .. Encoding.UTF8.GetBytes("\"}\n")]);

        var (exit, output, error) = Run("evaluate", Policy, "--event", file);

        exit.Should().Be(1);
        output.Should().BeEmpty();
        error.Should().Contain($"not valid UTF-8 at byte {prefix.Length}").And.Contain("line 2");
    }
}
