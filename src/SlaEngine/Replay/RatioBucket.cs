namespace SlaEngine.Replay;

/// <summary>One bucket of an elapsed ÷ target distribution: its index (see <see cref="RatioDistribution.BucketOf(double)"/>) and how many cycles fell in it.</summary>
public sealed class RatioBucket
{
    internal RatioBucket(int index, long count)
    {
        Index = index;
        Count = count;
    }

    /// <summary>The bucket's index.</summary>
    public int Index { get; }

    /// <summary>How many ended cycles fell in the bucket.</summary>
    public long Count { get; }

    /// <summary>The smallest ratio the bucket holds.</summary>
    public double LowerBound => RatioDistribution.LowerBoundOf(Index);

    /// <summary>The ratio the bucket holds values below.</summary>
    public double UpperBound => RatioDistribution.UpperBoundOf(Index);
}
