using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using NodaTime;
using NodaTime.TimeZones;

namespace SlaEngine.Calendars;

/// <summary>
/// A calendar's open time resolved onto the instant line and cached: the intervals that start on each local date
/// (exception, holiday or weekly hours), mapped to instants with the lenient resolver, in blocks of 256 days with
/// prefix sums (<see cref="CalendarChunk"/>). Blocks sit in a per-instance direct-mapped cache of 64 slots, published
/// with <see cref="Volatile"/> writes: the cache-in-front-of-a-map pattern of NodaTime's <c>CachingZoneIntervalMap</c>.
/// <see cref="BusinessCalendar"/> keeps the definitions (what <c>Add</c> means); this type keeps the data they search.
/// Thread-safe: its state is immutable apart from the cache slots, whose contents are immutable.
/// </summary>
internal sealed class CalendarIndex
{
    private const int ChunkDays = 256;
    private const long ChunkTicks = ChunkDays * NodaConstants.TicksPerDay;
    private const int CacheSize = 64; // a power of two: slots are index & (CacheSize - 1)

    private static readonly Instant DateProbeMin = Instant.FromUtc(-9998, 1, 2, 0, 0);
    private static readonly Instant DateProbeMax = Instant.FromUtc(9999, 12, 30, 0, 0);
    private static readonly Duration ResolveMargin = Duration.FromDays(2);

    private readonly ImmutableArray<OpenHours>[] _weekly; // indexed by (int)IsoDayOfWeek, 1..7
    private readonly Dictionary<LocalDate, ImmutableArray<OpenHours>> _exceptionsByDate;
    private readonly CalendarChunk?[] _cache = new CalendarChunk?[CacheSize];

    public CalendarIndex(DateTimeZone zone, ImmutableArray<OpenHours>[] weekly, Dictionary<LocalDate, ImmutableArray<OpenHours>> exceptionsByDate, HolidayIndex holidays)
    {
        Zone = zone;
        _weekly = weekly;
        _exceptionsByDate = exceptionsByDate;
        Holidays = holidays;
    }

    /// <summary>The index of the first block of the instant line.</summary>
    public static long FirstChunkIndex { get; } = FloorDiv(Instant.MinValue.ToUnixTimeTicks(), ChunkTicks);

    /// <summary>The index of the last block of the instant line.</summary>
    public static long LastChunkIndex { get; } = FloorDiv(Instant.MaxValue.ToUnixTimeTicks(), ChunkTicks);

    /// <summary>The zone the hours are read in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The holidays' closed dates, actual and observed.</summary>
    public HolidayIndex Holidays { get; }

    /// <summary>The weekly hours of a weekday.</summary>
    public ImmutableArray<OpenHours> Weekly(IsoDayOfWeek day) => _weekly[(int)day];

    /// <summary>The exception's hours of a date (ISO), if it has one.</summary>
    public bool TryGetException(LocalDate date, out ImmutableArray<OpenHours> hours) => _exceptionsByDate.TryGetValue(date, out hours);

    /// <summary>The index of the block that holds an instant.</summary>
    public static long ChunkIndex(Instant instant) => FloorDiv(instant.ToUnixTimeTicks(), ChunkTicks);

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    /// <summary>The block of open time with an index (a span of 256 days on the instant line), from the cache or built.</summary>
    public CalendarChunk GetChunk(long index)
    {
        ref var slot = ref _cache[index & (CacheSize - 1)];
        var chunk = Volatile.Read(ref slot);
        if (chunk is not null && chunk.Index == index)
        {
            return chunk;
        }

        // Two threads may build the same block at once; both results are equal, and the last write wins.
        chunk = BuildChunk(index);
        Volatile.Write(ref slot, chunk);
        return chunk;
    }

    private CalendarChunk BuildChunk(long index)
    {
        var start = index <= FirstChunkIndex ? Instant.MinValue : Instant.FromUnixTimeTicks(index * ChunkTicks);
        var end = index >= LastChunkIndex ? Instant.MaxValue : Instant.FromUnixTimeTicks((index + 1) * ChunkTicks);
        // Intervals starting on a date lie within two local days of it (three across a skipped day such as Apia's).
        var firstDate = LocalDateOf(start);
        firstDate = firstDate <= BusinessCalendar.MinSupportedDate.PlusDays(4) ? BusinessCalendar.MinSupportedDate : firstDate.PlusDays(-4);
        var lastDate = LocalDateOf(end);
        lastDate = lastDate >= BusinessCalendar.MaxSupportedDate.PlusDays(-2) ? BusinessCalendar.MaxSupportedDate : lastDate.PlusDays(2);

        var pieces = new List<(long Start, long End)>();
        ZoneInterval? hint = null;
        for (var date = firstDate; date <= lastDate; date = date.PlusDays(1))
        {
            foreach (var hours in HoursStartingOn(date))
            {
                var s = ResolveStart(date, hours.Start, ref hint);
                var e = ResolveEnd(date, hours, ref hint);
                if (e <= s || e <= start || s >= end)
                {
                    continue;
                }

                var clippedStart = ((s < start ? start : s) - start).ToInt64Nanoseconds();
                var clippedEnd = ((e > end ? end : e) - start).ToInt64Nanoseconds();
                pieces.Add((clippedStart, clippedEnd));
            }
        }

        pieces.Sort();
        var starts = new List<long>(pieces.Count);
        var ends = new List<long>(pieces.Count);
        foreach (var (s, e) in pieces)
        {
            if (ends.Count > 0 && s <= ends[^1])
            {
                ends[^1] = Math.Max(ends[^1], e);
            }
            else
            {
                starts.Add(s);
                ends.Add(e);
            }
        }

        return new CalendarChunk(index, start, end, [.. starts], [.. ends]);
    }

    /// <summary>The local date of an instant, clamped to the dates NodaTime can hold around the supported range.</summary>
    public LocalDate LocalDateOf(Instant instant)
    {
        var probe = instant < DateProbeMin ? DateProbeMin : instant > DateProbeMax ? DateProbeMax : instant;
        return probe.InZone(Zone).Date;
    }

    /// <summary>The intervals that start on a date (ISO): the exception's, none on a holiday, else the weekly hours.</summary>
    public ImmutableArray<OpenHours> HoursStartingOn(LocalDate date)
    {
        if (_exceptionsByDate.TryGetValue(date, out var exception))
        {
            return exception;
        }

        return Holidays.IsClosed(date) ? [] : _weekly[(int)date.DayOfWeek];
    }

    /// <summary>The instant a local date and time resolves to (lenient: a gap moves forward, an overlap takes the earlier).</summary>
    public Instant ResolveStart(LocalDate date, LocalTime time)
    {
        ZoneInterval? hint = null;
        return Resolve(date + time, ref hint);
    }

    private Instant ResolveStart(LocalDate date, LocalTime time, ref ZoneInterval? hint) => Resolve(date + time, ref hint);

    private Instant ResolveEnd(LocalDate date, OpenHours hours, ref ZoneInterval? hint) =>
        Resolve((hours.CrossesMidnight ? date.PlusDays(1) : date) + hours.End, ref hint);

    /// <summary>
    /// Maps a local date-time to an instant with the lenient resolver. Away from offset changes (the zone keeps one
    /// offset for two days either side, more than any offset can shift a local time) the mapping is a plain
    /// subtraction of that offset, which avoids the allocation of <see cref="DateTimeZone.AtLeniently"/>; near a
    /// change the zone's own lenient mapping decides. <paramref name="hint"/> carries the last zone interval used,
    /// so that a run of nearby local times asks the zone once.
    /// </summary>
    private Instant Resolve(LocalDateTime local, ref ZoneInterval? hint)
    {
        var guess = local.InUtc().ToInstant();
        if (hint is null || !Covers(hint, guess))
        {
            hint = Zone.GetZoneInterval(guess);
            if (!Covers(hint, guess))
            {
                return Zone.AtLeniently(local).ToInstant();
            }
        }

        return local.WithOffset(hint.WallOffset).ToInstant();

        static bool Covers(ZoneInterval zoneInterval, Instant guess) =>
            (!zoneInterval.HasStart || zoneInterval.Start <= guess - ResolveMargin) &&
            (!zoneInterval.HasEnd || zoneInterval.End > guess + ResolveMargin);
    }

    /// <summary>The non-empty resolved intervals of hours starting on a date.</summary>
    public List<Interval> ResolvedIntervals(LocalDate date, ImmutableArray<OpenHours> hours)
    {
        var result = new List<Interval>();
        ZoneInterval? hint = null;
        foreach (var h in hours)
        {
            var s = ResolveStart(date, h.Start, ref hint);
            var e = ResolveEnd(date, h, ref hint);
            if (e > s)
            {
                result.Add(new Interval(s, e));
            }
        }

        return result;
    }

    /// <summary>The first and the last (by start) non-empty intervals starting on a date, if any.</summary>
    public bool TryGetIntervals(LocalDate date, out Interval first, out Interval last)
    {
        ZoneInterval? hint = null;
        return TryGetIntervals(date, ref hint, out first, out last);
    }

    /// <summary>The first and the last (by start) non-empty intervals starting on a date, with a zone hint carried over a walk of dates.</summary>
    public bool TryGetIntervals(LocalDate date, ref ZoneInterval? hint, out Interval first, out Interval last)
    {
        first = last = default;
        if (date < BusinessCalendar.MinSupportedDate || date > BusinessCalendar.MaxSupportedDate)
        {
            return false;
        }

        var found = false;
        foreach (var h in HoursStartingOn(date))
        {
            var s = ResolveStart(date, h.Start, ref hint);
            var e = ResolveEnd(date, h, ref hint);
            if (e <= s)
            {
                continue;
            }

            if (!found)
            {
                first = new Interval(s, e);
                found = true;
            }

            last = new Interval(s, e);
        }

        return found;
    }

}
