using CsCheck;
using FluentAssertions;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Events;
using SlaEngine.Loading;
using SlaEngine.Replay;
using Xunit;

namespace SlaEngine.Tests.Replay;

public sealed class HistoryInstantTests
{
    private static readonly OffsetDateTimePattern ExportShape = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<Z+HH:mm>");

    [Fact]
    public void The_direct_path_reads_every_export_shaped_instant_as_the_general_parser_does()
    {
        var gen = Gen.Select(Gen.Long[Instant.FromUtc(1000, 1, 2, 0, 0).ToUnixTimeTicks(), Instant.FromUtc(9998, 12, 30, 0, 0).ToUnixTimeTicks()], Gen.Int[-14 * 4, 14 * 4], Gen.Bool);
        gen.Sample((ticks, quarters, fraction) =>
        {
            var instant = Instant.FromUnixTimeTicks(fraction ? ticks : ticks / 10_000_000 * 10_000_000);
            var offset = Offset.FromSeconds(quarters * 15 * 60);
            var text = ExportShape.Format(instant.WithOffset(offset));
            return HistoryInstant.TryParseDirect(text, out var direct)
                && FieldValueReader.TryParseInstant(text, out var general, out _)
                && direct == general && direct == instant;
        });
    }

    [Theory]
    [InlineData("2026-11-24T10:00:00Z", true)]
    [InlineData("2026-11-24T10:00:00.125-05:00", true)]
    [InlineData("2026-11-24T10:00-05:00", false)]
    [InlineData("2026-02-30T10:00:00Z", false)]
    [InlineData("2026-11-24T24:00:00Z", false)]
    [InlineData("2026-11-24T10:00:00", false)]
    [InlineData(" 2026-11-24T10:00:00Z", false)]
    [InlineData("2026-11-24T10:00:00+19:00", false)]
    [InlineData("9999-12-31T23:59:59-14:00", false)]
    public void The_direct_path_takes_only_the_export_shape_and_leaves_the_rest_to_the_general_parser(string text, bool direct)
    {
        HistoryInstant.TryParseDirect(text, out _).Should().Be(direct);
    }

    [Fact]
    public void Texts_the_direct_path_leaves_are_still_read_or_refused_by_the_general_parser()
    {
        HistoryInstant.TryParse("2026-11-24T10:00-05:00", out var minutes, out _).Should().BeTrue();
        minutes.Should().Be(Instant.FromUtc(2026, 11, 24, 15, 0));
        HistoryInstant.TryParse("2026-11-24T10:00:00", out _, out var error).Should().BeFalse();
        error.Should().Contain("offset");
    }
}
