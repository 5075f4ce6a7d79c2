using FluentAssertions;
using Xunit;

namespace SlaEngine.Cli.Tests;

public sealed class ProgramTests
{
    [Fact]
    public void Main_without_arguments_returns_a_code() => SlaEngine.Cli.Program.Main([]).Should().BeInRange(0, 2);
}
