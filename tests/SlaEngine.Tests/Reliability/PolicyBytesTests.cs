using System;
using System.IO;
using System.Linq;
using System.Text;
using FluentAssertions;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.Reliability;

/// <summary>Bytes a text editor or a copy-paste can put in a policy file: NUL, broken UTF-8, tabs. Each is a positioned diagnostic.</summary>
public sealed class PolicyBytesTests
{
    private static readonly byte[] Reference = File.ReadAllBytes(TestFiles.ReferencePolicyPath);

    private static readonly int SummaryLine = Encoding.UTF8.GetString(Reference).Split('\n').ToList().FindIndex(l => l.Contains("summary: {", StringComparison.Ordinal)) + 1;

    private static (byte[] Bytes, int Line, int Column) InsertOnLine(int line, string after, byte[] insert)
    {
        var text = Encoding.UTF8.GetString(Reference);
        var lines = text.Split('\n');
        var column = lines[line - 1].IndexOf(after, StringComparison.Ordinal) + after.Length;
        var offset = lines.Take(line - 1).Sum(l => Encoding.UTF8.GetByteCount(l) + 1) + Encoding.UTF8.GetByteCount(lines[line - 1][..column]);
        return ([.. Reference.AsSpan(0, offset), .. insert, .. Reference.AsSpan(offset)], line, column + 1);
    }

    [Theory]
    [InlineData(new byte[] { 0xE9 })] // Latin-1 é
    [InlineData(new byte[] { 0xC3 })] // a lead byte without its continuation
    [InlineData(new byte[] { 0x80 })] // a lone continuation byte
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded surrogate
    [InlineData(new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 })] // a five-byte form
    [InlineData(new byte[] { 0xC0, 0xAF })] // an overlong slash
    public void Invalid_utf8_in_the_middle_is_reported_at_its_line_and_column(byte[] bad)
    {
        var (bytes, line, column) = InsertOnLine(SummaryLine, "summary: { type: string, default: \"", bad);

        var result = PolicyLoader.Load(bytes, "p.yaml");

        Hostile.ShouldBeWellFormed(result);
        var error = result.Errors.Should().ContainSingle().Which;
        error.Code.Should().Be(DiagnosticCodes.UnreadableFile);
        error.Message.Should().Contain("UTF-8");
        error.Location.Line.Should().Be(line, "the invalid byte is on that line");
        error.Location.Column.Should().Be(column);
    }

    [Fact]
    public void A_nul_byte_in_a_quoted_value_is_a_positioned_diagnostic()
    {
        var (bytes, line, _) = InsertOnLine(SummaryLine, "summary: { type: string, default: \"", [0]);

        var result = PolicyLoader.Load(bytes, "p.yaml");

        Hostile.ShouldBeWellFormed(result);
        result.Errors.Should().NotBeEmpty("YAML allows no NUL character in a stream").And.OnlyContain(d => d.Location.Line == line);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(4096)]
    public void Nul_bytes_anywhere_never_pass_silently(int count)
    {
        foreach (var offset in new[] { 0, Reference.Length / 3, Reference.Length / 2, Reference.Length })
        {
            byte[] bytes = [.. Reference.AsSpan(0, offset), .. new byte[count], .. Reference.AsSpan(offset)];

            var result = PolicyLoader.Load(bytes, "p.yaml");

            Hostile.ShouldBeWellFormed(result);
            result.Errors.Should().NotBeEmpty("a NUL at byte {0} is not YAML", offset);
            var text = PolicyLoader.Load(Encoding.UTF8.GetString(bytes), "p.yaml");
            Hostile.ShouldBeWellFormed(text);
            text.Errors.Should().NotBeEmpty();
        }
    }

    [Fact]
    public void An_escaped_nul_inside_a_string_value_is_kept_as_text()
    {
        var yaml = Encoding.UTF8.GetString(Reference).Replace("summary: { type: string, default: \"\" }", "summary: { type: string, default: \"a\\0b\" }", StringComparison.Ordinal);

        var result = PolicyLoader.Load(yaml, "p.yaml");

        result.Errors.Should().BeEmpty();
        var e = result.Policy!.NewEvent(NodaTime.Instant.FromUtc(2026, 11, 24, 15, 0)).Set("category", "routing").Build();
        result.Policy.Evaluate(e).Owner.Should().Be("cc-ops");
    }

    [Theory]
    [InlineData("teams:\n", "teams:\n\t")]
    [InlineData("  cc-ops:      {", "  cc-ops:\t{")]
    [InlineData("mon-fri: \"08:00-18:00\"", "mon-fri:\t\"08:00-18:00\"\t")]
    [InlineData("    stopWhen: status != \"new\"", "    stopWhen: status\t!=\t\"new\"")]
    public void Tabs_are_either_accepted_as_separators_or_reported_with_a_position(string from, string to)
    {
        var text = Encoding.UTF8.GetString(Reference);
        text.Should().Contain(from);

        var result = PolicyLoader.Load(text.Replace(from, to, StringComparison.Ordinal), "p.yaml");

        Hostile.ShouldBeWellFormed(result);
        if (result.Policy is { } policy)
        {
            // Accepted: it must mean the same policy as without the tab.
            policy.Rules.Select(r => r.Id).Should().Equal(PolicyLoader.Load(text, "p.yaml").Policy!.Rules.Select(r => r.Id));
        }
    }

    [Fact]
    public void A_tab_indenting_a_section_entry_is_a_syntax_error_at_that_line()
    {
        var text = Encoding.UTF8.GetString(Reference).Replace("\n  cc-ops:      {", "\n\tcc-ops:      {", StringComparison.Ordinal);
        var line = text.Split('\n').ToList().FindIndex(l => l.StartsWith("\tcc-ops", StringComparison.Ordinal)) + 1;

        var result = PolicyLoader.Load(text, "p.yaml");

        result.Errors.Should().Contain(d => d.Code == DiagnosticCodes.YamlSyntax && d.Location.Line == line);
    }
}
