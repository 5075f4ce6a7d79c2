using System.Linq;
using CsCheck;
using FluentAssertions;
using SlaEngine.Tests.Expressions;
using SlaEngine.Yaml;
using Xunit;
using YamlDotNet.Core.Events;

namespace SlaEngine.Tests.Yaml;

public sealed class DeferredPositionMapTests
{
    private static DeferredPositionMap DeferredOf(string yaml, Scalar scalar) =>
        new(yaml, scalar.Value, (int)scalar.Start.Index, (int)scalar.Start.Line, (int)scalar.Start.Column, scalar.Style, "test.yaml");

    /// <summary>Every offset of every <c>when</c> in the text maps where the full map says, the start included.</summary>
    private static void AssertSameAsTheFullMap(string yaml)
    {
        var scalars = YamlScalars.ValuesOf(yaml, "when");
        scalars.Should().NotBeEmpty();
        foreach (var scalar in scalars)
        {
            var full = YamlScalars.MapOf(yaml, scalar);
            var deferred = DeferredOf(yaml, scalar);
            foreach (var offset in Enumerable.Range(-1, scalar.Value.Length + 3))
            {
                deferred.Map(offset).Should().Be(full.Map(offset), $"offset {offset} of {scalar.Style} scalar '{scalar.Value}'");
            }
        }
    }

    [Theory]
    [InlineData("when: category == \"routing\"\n")]
    [InlineData("rules:\n  - { id: a, when: s==\"s1\"&&p==\"P1\", owner: t }\n  - {id: b,when: c==\"c2\",owner: t}\n")]
    [InlineData("when: 'status != \"new\"'\n")]
    [InlineData("when: \"category == 'routing'\"\n")]
    [InlineData("when: ' leading blank'\n")]
    [InlineData("when: '''quoted'' first'\n")]
    [InlineData("when: \"\\\"escaped\\\" first\"\n")]
    [InlineData("when: \"\\\n  folded escape\"\n")]
    [InlineData("when: '\n  starts on the next line'\n")]
    [InlineData("when: |\n  category == \"routing\"\n")]
    [InlineData("when: >\n  a ==\n  b\n")]
    [InlineData("when: category == \"routing\"\n  && emergency\n")]
    [InlineData("when: a\r\n  && b\r\n")]
    [InlineData("when: ''\n")]
    [InlineData("when:\n")]
    public void It_maps_every_offset_as_the_full_map_does(string yaml) => AssertSameAsTheFullMap(yaml);

    [Fact]
    public void It_maps_every_offset_as_the_full_map_does_for_generated_scalars()
    {
        // Pieces that may start a value: blanks, quotes doubled or escaped, escapes, and plain text.
        var plain = Gen.OneOf<string>("a", " b == \"x\"", " && c", "\u00e9", "1");
        var singleQuoted = Gen.OneOf<string>("a", "b == \"x\"", " ", "''", "\\", "&&", "\u00e9");
        var doubleQuoted = Gen.OneOf<string>("a", "b == 'x'", " ", "\\\"", "\\n", "\\u00e9", "&&", "\u00e9");
        var yaml = Gen.OneOf(
            plain.Array[1, 5].Select(p => "when: x" + string.Concat(p) + "\n"),
            singleQuoted.Array[1, 5].Select(p => "when: '" + string.Concat(p) + "'\n"),
            doubleQuoted.Array[1, 5].Select(p => "when: \"" + string.Concat(p) + "\"\n"));
        yaml.Sample(AssertSameAsTheFullMap);
    }
}
