using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using FluentAssertions;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.Reliability;

/// <summary>
/// A duplicate key must never let the second value silently win (a typo'd copy could change ownership): every key of
/// the reference policy, at every level, block or flow, is duplicated in turn and must be reported at the copy.
/// </summary>
public sealed class DuplicateKeyTests
{
    private static readonly string[] Lines = File.ReadAllText(TestFiles.ReferencePolicyPath).Split('\n');

    private static readonly Regex BlockKey = new(@"^(\s*(?:- )?)([A-Za-z0-9][\w-]*):(?:\s|$)", RegexOptions.CultureInvariant);
    private static readonly Regex FlowPair = new(@"\{ ?([A-Za-z][\w-]*): ([^,}]+)", RegexOptions.CultureInvariant);

    // "- id: x" starts a list item: duplicating the whole line would add an item, not a key; a line that opens a flow
    // list continued on the next lines cannot be copied whole either.
    private static readonly List<int> BlockKeys = [.. Enumerable.Range(0, Lines.Length).Where(i =>
        BlockKey.Match(Lines[i]) is { Success: true } m && !m.Groups[1].Value.Contains('-') && Lines[i].Count(c => c == '[') == Lines[i].Count(c => c == ']'))];

    private static readonly List<int> FlowKeys = [.. Enumerable.Range(0, Lines.Length).Where(i => FlowPair.IsMatch(Lines[i]))];

    public static TheoryData<int> BlockKeyLines() => [.. BlockKeys];

    public static TheoryData<int> FlowKeyLines() => [.. FlowKeys];

    [Fact]
    public void The_reference_policy_offers_keys_at_every_level()
    {
        BlockKeys.Should().HaveCountGreaterThan(60);
        FlowKeys.Should().HaveCountGreaterThan(20);
        var indents = BlockKeys.Select(i => BlockKey.Match(Lines[i]).Groups[1].Value.Length).Distinct();
        indents.Should().Contain([0, 2, 4, 6], "top level, sections, entries and their members");
    }

    [Theory]
    [MemberData(nameof(BlockKeyLines))]
    public void A_block_key_written_twice_is_reported_at_the_second(int index)
    {
        var key = BlockKey.Match(Lines[index]);
        var lines = Lines.ToList();
        lines.Insert(index + 1, Lines[index]);

        var result = PolicyLoader.Load(string.Join('\n', lines), "dup.yaml");

        Hostile.ShouldBeWellFormed(result);
        result.Policy.Should().BeNull();
        result.Errors.Should().Contain(
            d => d.Code == DiagnosticCodes.DuplicateKey && d.Location.Line == index + 2 && d.Location.Column == key.Groups[1].Length + 1,
            "'{0}' is repeated on line {1}", key.Groups[2].Value, index + 2);
    }

    [Theory]
    [MemberData(nameof(FlowKeyLines))]
    public void A_flow_key_written_twice_is_reported_at_the_second(int index)
    {
        var pair = FlowPair.Match(Lines[index]);
        var insertAt = pair.Index + pair.Length;
        var copy = $", {pair.Groups[1].Value}: {pair.Groups[2].Value.TrimEnd()}";
        var lines = Lines.ToList();
        lines[index] = Lines[index][..insertAt] + copy + Lines[index][insertAt..];

        var result = PolicyLoader.Load(string.Join('\n', lines), "dup.yaml");

        Hostile.ShouldBeWellFormed(result);
        result.Policy.Should().BeNull();
        result.Errors.Should().Contain(
            d => d.Code == DiagnosticCodes.DuplicateKey && d.Location.Line == index + 1 && d.Location.Column == insertAt + 3,
            "'{0}' is repeated in {1}", pair.Groups[1].Value, lines[index]);
    }

    [Fact]
    public void A_duplicate_rule_field_inside_a_list_item_is_reported()
    {
        var index = Lines.ToList().FindIndex(l => l.Contains("- id: cc-day-to-day", System.StringComparison.Ordinal));
        var lines = Lines.ToList();
        lines.Insert(index + 1, "    id: cc-day-to-day-copy");

        var result = PolicyLoader.Load(string.Join('\n', lines), "dup.yaml");

        result.Errors.Should().Contain(d => d.Code == DiagnosticCodes.DuplicateKey && d.Location.Line == index + 2 && d.Location.Column == 5);
    }
}
