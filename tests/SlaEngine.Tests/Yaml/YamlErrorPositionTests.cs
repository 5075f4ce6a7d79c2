using System;
using System.Linq;
using FluentAssertions;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.Yaml;

/// <summary>
/// YamlDotNet sometimes fails with an <see cref="InvalidOperationException"/> and no position; such a failure once
/// reached users as "1:1: Operation is not valid due to the current state of the object." It must point where reading
/// stopped and say something a user can act on.
/// </summary>
public sealed class YamlErrorPositionTests
{
    private const string Head = """
        format: slaengine/v1
        policy: p
        teams:
          a: { name: A }
        fields:
          category: { type: enum, values: [x, y] }
        clocks:
          resolve: {}
        rules:
          - id: r
            owner: a
            targets:
              resolve: { within: 8h }

        """;

    public static TheoryData<string, string> Broken => new()
    {
        { "deep-unclosed-flow-in-when", Head.Replace("owner: a", "when: " + new string('[', 3000) + "\n    owner: a", StringComparison.Ordinal) },
        { "bad-indentation-in-teams", Head.Replace("  a: { name: A }", "  a: { name: A }\n b:\n   name: B\n  c: { name: C }", StringComparison.Ordinal) },
        { "unclosed-flow-mapping", Head.Replace("  a: { name: A }", "  a: { name: A", StringComparison.Ordinal) },
        { "deep-unclosed-flow-mapping", Head + "x: " + string.Concat(Enumerable.Repeat("{a: ", 2000)) },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void A_yaml_error_is_positioned_past_the_first_line_and_says_what_is_wrong(string name, string yaml)
    {
        var result = PolicyLoader.Load(yaml, name + ".yaml");

        result.Success.Should().BeFalse();
        result.Errors.Should().NotBeEmpty();
        foreach (var error in result.Errors)
        {
            error.Message.Should().NotContain("Operation is not valid").And.NotContain("current state of the object");
            error.Location.Line.Should().BeGreaterThan(1, error.ToString());
        }
    }
}
