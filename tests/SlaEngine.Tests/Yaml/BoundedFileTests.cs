using System;
using System.IO;
using System.Linq;
using FluentAssertions;
using SlaEngine.Yaml;
using Xunit;

namespace SlaEngine.Tests.Yaml;

public sealed class BoundedFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("slaengine-bounded-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(int length)
    {
        var path = Path.Combine(_directory, $"f{length}.bin");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7))]);
        return path;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(100_000)]
    public void A_file_is_read_whole_whatever_its_length_against_the_first_buffer(int length)
    {
        var path = Write(length);

        BoundedFile.TryRead(path, 1 << 20, out var bytes, out var tooLarge, out var error).Should().BeTrue(error);

        bytes.Should().Equal(File.ReadAllBytes(path));
        tooLarge.Should().BeFalse();
    }

    [Fact]
    public void A_file_of_exactly_the_limit_is_read_and_one_byte_more_is_refused_for_its_size()
    {
        BoundedFile.TryRead(Write(5000), 5000, out var bytes, out _, out _).Should().BeTrue();
        bytes.Should().HaveCount(5000);

        BoundedFile.TryRead(Write(5001), 5000, out _, out var tooLarge, out var error).Should().BeFalse();
        tooLarge.Should().BeTrue();
        error.Should().Contain("5001 bytes");
    }
}
