using System;
using NodaTime;

namespace SlaEngine.Calendars;

/// <summary>
/// The open set of a calendar inside a fixed span of instants: sorted, disjoint, non-adjacent intervals stored as
/// nanosecond offsets from <see cref="Start"/>, with prefix sums of open time so that "how much open time before
/// this offset" and "where does the open time reach N" are binary searches. Immutable once built, so it can be
/// published to other threads through a plain reference write.
/// </summary>
internal sealed class CalendarChunk
{
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly long[] _prefix; // _prefix[i] = open nanoseconds before interval i; _prefix[Count] = total

    public CalendarChunk(long index, Instant start, Instant end, long[] starts, long[] ends)
    {
        Index = index;
        Start = start;
        End = end;
        _starts = starts;
        _ends = ends;
        _prefix = new long[starts.Length + 1];
        for (var i = 0; i < starts.Length; i++)
        {
            _prefix[i + 1] = _prefix[i] + (ends[i] - starts[i]);
        }

        TotalNanos = _prefix[starts.Length];
        Total = Duration.FromNanoseconds(TotalNanos);
    }

    public long Index { get; }

    public Instant Start { get; }

    public Instant End { get; }

    public int Count => _starts.Length;

    public long TotalNanos { get; }

    public Duration Total { get; }

    public long StartAt(int i) => _starts[i];

    public long EndAt(int i) => _ends[i];

    public long Offset(Instant t) => (t - Start).ToInt64Nanoseconds();

    public Instant At(long offset) => Start.PlusNanoseconds(offset);

    /// <summary>The index of the last interval starting at or before <paramref name="offset"/>, or -1.</summary>
    public int LastStartingAtOrBefore(long offset)
    {
        int lo = 0, hi = _starts.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_starts[mid] <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>The index of the first interval ending after <paramref name="offset"/>, or <see cref="Count"/>.</summary>
    public int FirstEndingAfter(long offset)
    {
        int lo = 0, hi = _ends.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_ends[mid] > offset)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    public bool Contains(long offset)
    {
        var i = LastStartingAtOrBefore(offset);
        return i >= 0 && offset < _ends[i];
    }

    /// <summary>Open nanoseconds in [Start, Start + offset).</summary>
    public long OpenBefore(long offset)
    {
        var i = LastStartingAtOrBefore(offset);
        return i < 0 ? 0 : _prefix[i] + (Math.Min(offset, _ends[i]) - _starts[i]);
    }

    /// <summary>The earliest offset at which the open time since <see cref="Start"/> reaches <paramref name="target"/> (0 &lt; target &lt;= total).</summary>
    public long EarliestReaching(long target)
    {
        // Smallest i with _prefix[i + 1] >= target: a target met exactly at a closing instant stays there.
        int lo = 0, hi = _starts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_prefix[mid + 1] >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return _starts[lo] + (target - _prefix[lo]);
    }

    /// <summary>The latest offset at which the open time since <see cref="Start"/> equals <paramref name="target"/> (0 &lt;= target &lt; total).</summary>
    public long LatestAt(long target)
    {
        // Largest i with _prefix[i] <= target: a target met exactly at an opening instant stays there.
        int lo = 0, hi = _starts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (_prefix[mid] <= target)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return _starts[lo] + (target - _prefix[lo]);
    }
}
