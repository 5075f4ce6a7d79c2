using System.IO;
using System.Linq;
using FluentAssertions;
using SlaEngine.Diagnostics;
using SlaEngine.Ingestion;
using Xunit;

namespace SlaEngine.Tests.Ingestion;

public sealed class MappingLoaderTests
{
    private static readonly Policy Reference = PolicyLoader.LoadFileOrThrow(TestFiles.ReferencePolicyPath);

    private static MappingLoadResult Load(string yaml) => MappingLoader.Load(yaml, Reference, "m.mapping.yaml");

    private const string Minimal = """
        format: slaengine-mapping/v1
        mapping: tool
        ticket: /key
        at: /when
        fields:
          status: /state
        """;

    [Fact]
    public void A_minimal_mapping_loads_with_its_name_and_fields()
    {
        var result = Load(Minimal);

        result.Success.Should().BeTrue(string.Join("\n", result.Diagnostics));
        result.Mapping!.Name.Should().Be("tool");
        result.Mapping.Fields.Should().Equal("status");
        result.Mapping.Policy.Should().BeSameAs(Reference);
    }

    [Fact]
    public void Every_problem_of_a_mapping_is_reported_at_once_each_at_its_line_and_column()
    {
        const string yaml = """
            format: slaengine-mapping/v1
            mapping: tool
            ticket: issue/key
            at: { from: /timestamp, format: epoch-msec }
            acept: { /webhookEvent: [created] }
            fields:
              priorty: /p
              status:
                from: /s
                map: { Open: opened, Done: done }
                unmaped: error
              emergency: { from: /e, map: { "Yes": yes } }
              summary: { from: "/a~2", format: iso }
              scheduledStart: { from: /start, format: local, pattern: "uuuu-MM-dd HH:mm:ss", zone: America/New_Yrok }
              tags: { from: /t, required: true, optional: true }
              category: { from: /c, unmapped: keep }
            """;

        var result = Load(yaml);

        result.Success.Should().BeFalse();
        var errors = result.Errors.Select(d => (d.Location.Line, d.Location.Column, d.Code)).ToList();
        errors.Should().BeEquivalentTo(new[]
        {
            (3, 9, DiagnosticCodes.InvalidPointer),
            (4, 33, DiagnosticCodes.InvalidInstantFormat),
            (5, 1, DiagnosticCodes.UnknownKey),
            (7, 3, DiagnosticCodes.UnknownMappedField),
            (10, 18, DiagnosticCodes.InvalidMappedValue),
            (11, 5, DiagnosticCodes.UnknownKey),
            (12, 40, DiagnosticCodes.InvalidMappedValue),
            (13, 20, DiagnosticCodes.InvalidPointer),
            (13, 28, DiagnosticCodes.InvalidInstantFormat),
            (14, 88, DiagnosticCodes.UnknownZone),
            (15, 37, DiagnosticCodes.ConflictingMappingKeys),
            (16, 25, DiagnosticCodes.ConflictingMappingKeys),
        });
        var messages = string.Join("\n", result.Errors.Select(d => d.ToString()));
        messages.Should().Contain("m.mapping.yaml:7:3: error SLA8003: the policy 'contact-center-roe' has no field 'priorty' (did you mean 'priority'?)");
        messages.Should().Contain("did you mean 'epoch-ms'?");
        messages.Should().Contain("did you mean 'accept'?");
        messages.Should().Contain("did you mean 'unmapped'?");
        messages.Should().Contain("'opened' is not one of new, in-progress");
        messages.Should().Contain("did you mean 'America/New_York'?");
        messages.Should().Contain("'format' in the field 'summary' applies to instant fields only");
    }

    [Theory]
    [InlineData("format: slaengine/v1", DiagnosticCodes.UnsupportedMappingFormat, "the format of policy files")]
    [InlineData("format: slaengine-mapping/v2", DiagnosticCodes.UnsupportedMappingFormat, "slaengine-mapping/v1")]
    [InlineData("mapping: Jira Cloud", DiagnosticCodes.InvalidId, "[a-z0-9][a-z0-9-]*")]
    [InlineData("at: { from: /when, format: local }", DiagnosticCodes.InvalidInstantFormat, "needs 'pattern'")]
    [InlineData("at: { from: /when, format: local, pattern: \"uuuu-MM-dd HH:mm:ss qq\", zone: UTC }", DiagnosticCodes.InvalidInstantFormat, "not a NodaTime local date-time pattern")]
    [InlineData("at: { from: /when, pattern: \"uuuu\" }", DiagnosticCodes.InvalidInstantFormat, "goes with 'format: local' only")]
    [InlineData("at: [/when]", DiagnosticCodes.WrongNodeType, "'at' in the mapping must be a JSON Pointer")]
    [InlineData("ticket: { from: /key, prefix: x }", DiagnosticCodes.UnknownKey, "unknown key 'prefix'")]
    [InlineData("accept: { /type: [] }", DiagnosticCodes.InvalidValue, "no payload would ever be accepted")]
    public void A_mistake_in_one_key_is_reported_with_a_clear_message(string replacement, string code, string words)
    {
        var key = replacement[..replacement.IndexOf(':', System.StringComparison.Ordinal)];
        var lines = Minimal.Split('\n').Where(l => !l.StartsWith(key + ":", System.StringComparison.Ordinal)).Prepend(replacement);

        var result = Load(string.Join('\n', lines));

        result.Success.Should().BeFalse();
        result.Errors.Should().Contain(d => d.Code == code && d.Message.Contains(words), string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [InlineData("submittedAt", "the submission instant is the first entry's 'at'")]
    [InlineData("id", "reads the entry id")]
    public void Built_in_names_cannot_be_set_as_fields_and_the_message_says_where_they_come_from(string field, string words)
    {
        var result = Load(Minimal + $"\n  {field}: /x");

        result.Errors.Should().ContainSingle(d => d.Code == DiagnosticCodes.UnknownMappedField).Which.Message.Should().Contain(words);
    }

    [Fact]
    public void Missing_required_keys_are_each_reported()
    {
        var result = Load("mapping: tool\nfields: {}\n");

        result.Errors.Where(d => d.Code == DiagnosticCodes.MissingKey).Select(d => d.Message)
            .Should().Contain(m => m.Contains("'format'")).And.Contain(m => m.Contains("'ticket'")).And.Contain(m => m.Contains("'at'"));
    }

    [Theory]
    [InlineData("", DiagnosticCodes.EmptyDocument)]
    [InlineData("- a\n- b\n", DiagnosticCodes.EmptyDocument)]
    [InlineData("format: [unclosed\n", DiagnosticCodes.YamlSyntax)]
    [InlineData("a: &x 1\nb: *x\n", DiagnosticCodes.AliasNotAllowed)]
    public void Text_that_is_not_a_mapping_file_gives_a_diagnostic_not_an_exception(string yaml, string code)
    {
        Load(yaml).Errors.Should().Contain(d => d.Code == code);
    }

    [Fact]
    public void A_missing_file_a_directory_and_a_file_that_is_not_utf8_give_diagnostics()
    {
        var folder = Directory.CreateTempSubdirectory("slaengine-mapping-");
        try
        {
            var binary = Path.Combine(folder.FullName, "bad.mapping.yaml");
            File.WriteAllBytes(binary, [0x66, 0x6f, 0xff, 0xfe, 0x0a]);

            MappingLoader.LoadFile(Path.Combine(folder.FullName, "none.yaml"), Reference).Errors.Single().Message.Should().Contain("does not exist");
            MappingLoader.LoadFile(folder.FullName, Reference).Errors.Single().Code.Should().Be(DiagnosticCodes.UnreadableFile);
            MappingLoader.LoadFile(binary, Reference).Errors.Single().Message.Should().Contain("not valid UTF-8");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_mapping_larger_than_the_limit_is_refused_before_it_is_parsed()
    {
        var yaml = Minimal + "\n# " + new string('x', MappingLoader.MaxFileBytes);

        Load(yaml).Errors.Single().Code.Should().Be(DiagnosticCodes.FileTooLarge);
    }
}
