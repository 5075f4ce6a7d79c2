using System;
using System.Linq;
using FluentAssertions;
using SlaEngine.Diagnostics;

namespace SlaEngine.Tests.Loading;

/// <summary>Loads policy text under a fixed file name and states what its errors must be, position and all.</summary>
internal static class LoadResultAssertions
{
    public const string File = "p.yaml";

    public static PolicyLoadResult Load(string yaml) => PolicyLoader.Load(yaml, File);

    /// <summary>Asserts exactly one error, with this code, at this line and column; returns it.</summary>
    public static Diagnostic ShouldHaveOneError(this PolicyLoadResult result, string code, int line, int column)
    {
        var formatted = result.Errors.Select(d => d.ToString()).ToList();
        formatted.Should().ContainSingle("one defect gives one error").Which
            .Should().StartWith($"{File}:{line}:{column}: error {code}: ");
        result.Policy.Should().BeNull();
        return result.Errors[0];
    }

    /// <summary>Asserts that among the errors is one with this code at this line and column; returns it.</summary>
    public static Diagnostic ShouldHaveError(this PolicyLoadResult result, string code, int line, int column)
    {
        result.Errors.Select(d => d.ToString()).Should().Contain(s => s.StartsWith($"{File}:{line}:{column}: error {code}: ", StringComparison.Ordinal));
        result.Policy.Should().BeNull();
        return result.Errors.First(d => d.Code == code && d.Location.Line == line && d.Location.Column == column);
    }

    public static Policy ShouldLoadCleanly(this PolicyLoadResult result)
    {
        result.Errors.Select(d => d.ToString()).Should().BeEmpty();
        result.Policy.Should().NotBeNull();
        return result.Policy!;
    }
}
