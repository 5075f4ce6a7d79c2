using System;
using System.IO;
using System.Linq;
using System.Text;
using FluentAssertions;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests;

public sealed class PolicyLoaderTests : IDisposable
{
    private const string Good = "format: slaengine/v1\npolicy: p\nteams:\n  ops: {}\n";
    private const string BadOnLine3 = "format: slaengine/v1\npolicy: p\nteems: {}\n";

    private readonly string _folder = Directory.CreateTempSubdirectory("slaengine-loader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_missing_file_is_a_diagnostic_at_the_start_of_the_file()
    {
        var path = Path.Combine(_folder, "absent.yaml");

        var result = PolicyLoader.LoadFile(path);

        result.Errors.Select(d => d.ToString()).Should().Equal($"{path}:1:1: error SLA1010: the policy file does not exist");
        result.Policy.Should().BeNull();
    }

    [Fact]
    public void A_folder_given_as_the_file_is_a_diagnostic()
    {
        PolicyLoader.LoadFile(_folder).Errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.UnreadableFile);
    }

    [Fact]
    public void Invalid_utf8_is_a_diagnostic()
    {
        var bytes = Encoding.UTF8.GetBytes("format: slaengine/v1\npolicy: p\ndescription: caf").Concat(new byte[] { 0xE9, 0x0A }).ToArray();

        var result = PolicyLoader.Load(bytes, "p.yaml");

        result.Errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.UnreadableFile);
        result.Errors[0].Message.Should().Contain("UTF-8");
    }

    [Fact]
    public void Invalid_utf8_in_a_file_is_a_diagnostic()
    {
        var path = Path.Combine(_folder, "latin1.yaml");
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes("format: slaengine/v1\npolicy: p\ndescription: café\n"));

        PolicyLoader.LoadFile(path).Errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.UnreadableFile);
    }

    [Fact]
    public void A_lone_surrogate_in_text_is_a_diagnostic_not_an_exception()
    {
        var result = PolicyLoader.Load("format: slaengine/v1\npolicy: p\ndescription: \uD800\n", "p.yaml");

        result.Errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.UnreadableFile);
    }

    [Fact]
    public void A_byte_order_mark_is_allowed_and_does_not_shift_columns()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(BadOnLine3)).ToArray();

        PolicyLoader.Load(bytes, "p.yaml").Errors.Select(d => (d.Code, d.Location.Line, d.Location.Column))
            .Should().Equal((DiagnosticCodes.UnknownKey, 3, 1));
        PolicyLoader.Load(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Good)).ToArray(), "p.yaml").Success.Should().BeTrue();
    }

    [Fact]
    public void A_byte_order_mark_in_a_file_and_in_text_is_allowed()
    {
        var path = Path.Combine(_folder, "bom.yaml");
        File.WriteAllText(path, Good, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        PolicyLoader.LoadFile(path).Errors.Should().BeEmpty();
        PolicyLoader.Load("\uFEFF" + Good).Errors.Should().BeEmpty();
        PolicyLoader.Load("\uFEFF" + BadOnLine3).Errors.Single().Location.Column.Should().Be(1);
    }

    [Fact]
    public void Crlf_line_ends_keep_lines_and_columns_right()
    {
        var yaml = "format: slaengine/v1\r\npolicy: p\r\nteams:\r\n  ops: { name: Ops }\r\nrules:\r\n  - id: r\r\n    owner: opz\r\n    consulted: [ops, it]\r\n";

        var result = PolicyLoader.Load(yaml, "p.yaml");

        result.Errors.Select(d => (d.Code, d.Location.Line, d.Location.Column)).Should().Equal(
            (DiagnosticCodes.UnknownTeam, 7, 12),
            (DiagnosticCodes.UnknownTeam, 8, 22));
    }

    [Fact]
    public void The_reference_policy_with_crlf_line_ends_loads()
    {
        var text = File.ReadAllText(TestFiles.ReferencePolicyPath).Replace("\n", "\r\n", StringComparison.Ordinal);

        PolicyLoader.Load(text).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Bytes_over_four_mebibytes_are_refused_before_reading()
    {
        var bytes = new byte[PolicyLoader.MaxFileBytes + 1];
        bytes.AsSpan().Fill((byte)'#');

        PolicyLoader.Load(bytes, "big.yaml").Errors.Select(d => d.ToString()).Should().ContainSingle()
            .Which.Should().StartWith("big.yaml:1:1: error SLA1003: ");
    }

    [Fact]
    public void A_file_over_four_mebibytes_is_refused()
    {
        var path = Path.Combine(_folder, "big.yaml");
        File.WriteAllText(path, Good + "# " + new string('x', PolicyLoader.MaxFileBytes) + "\n");

        PolicyLoader.LoadFile(path).Errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.FileTooLarge);
    }

    [Fact]
    public void Text_over_four_mebibytes_of_utf8_is_refused()
    {
        // Two bytes per character in UTF-8: short in characters, too long in bytes.
        var text = Good + "# " + new string('é', (PolicyLoader.MaxFileBytes / 2) + 1) + "\n";

        PolicyLoader.Load(text).Errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.FileTooLarge);
    }

    [Fact]
    public void A_file_of_exactly_four_mebibytes_is_read()
    {
        var padding = PolicyLoader.MaxFileBytes - Good.Length - 3;
        var bytes = Encoding.UTF8.GetBytes(Good + "# " + new string('x', padding) + "\n");
        bytes.Length.Should().Be(PolicyLoader.MaxFileBytes);

        PolicyLoader.Load(bytes, "p.yaml").Errors.Should().BeEmpty();
    }

    [Fact]
    public void The_file_name_given_is_used_in_diagnostics_and_in_the_policy()
    {
        PolicyLoader.Load(BadOnLine3, "policies/x.yaml").Errors.Single().ToString().Should().StartWith("policies/x.yaml:3:1: error SLA1004: ");
        PolicyLoader.Load(Good).Policy!.SourceFile.Should().Be("<string>");
    }

    [Fact]
    public void Load_or_throw_throws_the_documented_exception_with_every_diagnostic()
    {
        var act = () => PolicyLoader.LoadOrThrow("format: x\npolicy: P\n", "p.yaml");

        act.Should().Throw<PolicyLoadException>()
            .Which.Diagnostics.Select(d => d.Code).Should().Equal(DiagnosticCodes.UnsupportedFormat, DiagnosticCodes.InvalidId);
    }

    [Fact]
    public void Load_file_or_throw_throws_for_a_missing_file()
    {
        var act = () => PolicyLoader.LoadFileOrThrow(Path.Combine(_folder, "absent.yaml"));

        act.Should().Throw<PolicyLoadException>().Which.Message.Should().Contain("does not exist");
    }

    [Fact]
    public void Load_or_throw_returns_the_policy_when_it_is_clean()
    {
        PolicyLoader.LoadOrThrow(Good).Id.Should().Be("p");
        PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath).Id.Should().Be("contact-center-roe");
    }

    [Fact]
    public void Null_arguments_are_refused_at_the_boundary()
    {
        ((Action)(() => PolicyLoader.Load(null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => PolicyLoader.Load(Good, null!))).Should().Throw<ArgumentNullException>();
        ((Action)(() => PolicyLoader.LoadFile(string.Empty))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Diagnostics_are_sorted_by_line_and_column()
    {
        var result = PolicyLoader.Load("format: slaengine/v1\npolicy: p\nrules:\n  - { id: r, owner: b, consulted: [a] }\nextra: {}\n");

        result.Diagnostics.Select(d => (d.Location.Line, d.Location.Column)).Should().BeInAscendingOrder();
        result.Diagnostics.Should().HaveCount(3);
    }

    [Fact]
    public void A_policy_with_only_warnings_or_nothing_has_a_policy_and_no_errors()
    {
        var result = PolicyLoader.Load(Good);

        result.Success.Should().BeTrue();
        result.Errors.Should().BeEmpty();
    }
}
