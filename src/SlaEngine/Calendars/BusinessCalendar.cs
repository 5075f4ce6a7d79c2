using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using NodaTime;
using NodaTime.TimeZones;

namespace SlaEngine.Calendars;

/// <summary>
/// A business calendar: the times a team is open, as weekly hours in a time zone, less holidays, with exceptions for
/// particular dates. Deadlines ("4 business hours", "2 business days") are computed on it.
/// </summary>
/// <remarks>
/// <para>
/// Open time is defined per <b>local date</b> d: if d has an exception, the intervals that start on d are the
/// exception's; else if d is a holiday, no interval starts on d; else they are the weekly hours of d's weekday. The
/// open set is the union of all those intervals, so a holiday does not cut a night shift that started the evening
/// before, and a night shift running into the next morning's hours is counted once.
/// </para>
/// <para>
/// Local date-times are mapped to instants with NodaTime's lenient resolver: a time skipped by a DST jump moves
/// forward by the length of the gap, an ambiguous time takes the earlier instant. Open time is real elapsed time:
/// a <c>18:00-08:00</c> night shift is 13 hours long on the night clocks spring forward and 15 hours on the night they
/// fall back. An interval whose resolved end is not after its resolved start (possible only for an interval lying
/// inside a DST gap) is empty.
/// </para>
/// <para>
/// Open time is generated for local dates from -9998-01-05 to 9999-12-26; an operation whose result would lie
/// outside that range throws <see cref="CalendarRangeException"/>. Instants outside it are accepted as inputs (they
/// are simply closed).
/// </para>
/// <para>
/// Instances are immutable and thread-safe. Internally the open set is cached lazily in blocks of 256 days (as
/// instants with prefix sums of open time, so <see cref="Add"/> and <see cref="OpenTimeBetween"/> are binary searches
/// that skip whole blocks by their totals); the cache is per instance and bounded to 64 blocks.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var itHours = new BusinessCalendar("it-hours", DateTimeZoneProviders.Tzdb["America/New_York"],
///     new Dictionary&lt;IsoDayOfWeek, IReadOnlyList&lt;OpenHours&gt;&gt; { [IsoDayOfWeek.Friday] = [OpenHours.Create(8, 0, 18, 0)] });
/// // Friday 16:00 + 2h is Friday 18:00, exactly at closing.
/// </code>
/// </example>
public sealed class BusinessCalendar
{
    /// <summary>The first local date on which intervals can start.</summary>
    public static readonly LocalDate MinSupportedDate = new(-9998, 1, 5);

    /// <summary>The last local date on which intervals can start.</summary>
    public static readonly LocalDate MaxSupportedDate = new(9999, 12, 26);

    private const int ChunkDays = 256;
    private const long ChunkTicks = ChunkDays * NodaConstants.TicksPerDay;
    private const int CacheSize = 64; // a power of two: slots are index & (CacheSize - 1)

    private static readonly long FirstChunkIndex = FloorDiv(Instant.MinValue.ToUnixTimeTicks(), ChunkTicks);
    private static readonly long LastChunkIndex = FloorDiv(Instant.MaxValue.ToUnixTimeTicks(), ChunkTicks);
    private static readonly Instant DateProbeMin = Instant.FromUtc(-9998, 1, 2, 0, 0);
    private static readonly Instant DateProbeMax = Instant.FromUtc(9999, 12, 30, 0, 0);
    private static readonly IsoDayOfWeek[] Days =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    ];

    private static readonly Duration ResolveMargin = Duration.FromDays(2);
    private static readonly Lazy<BusinessCalendar> AlwaysOpenCalendar = new(CreateAlwaysOpen, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ImmutableArray<OpenHours>[] _weekly; // indexed by (int)IsoDayOfWeek, 1..7
    private readonly Dictionary<LocalDate, ImmutableArray<OpenHours>> _exceptionsByDate;
    private readonly HashSet<LocalDate> _fixedHolidayDates;
    private readonly HashSet<int> _yearlyHolidayDays; // month * 100 + day
    private readonly Holiday[] _otherHolidays; // neither fixed-date nor yearly: checked one by one
    private readonly int _recurringHolidayCount;
    private readonly CalendarChunk?[] _cache = new CalendarChunk?[CacheSize];

    // For a calendar open only on a few exception dates: the bounds of its open time; otherwise the instant range.
    private readonly Instant _firstOpenStart;
    private readonly Instant _lastOpenEnd;
    private readonly LocalDate _firstOpenDate;
    private readonly LocalDate _lastOpenDate;

    // Always open (every day 00:00-24:00, no holidays, no exceptions): the open set is one interval.
    private readonly bool _alwaysOpen;
    private readonly Instant _openStartAlways;
    private readonly Instant _openEndAlways;

    /// <summary>
    /// Initializes a calendar from its weekly hours, holidays and exceptions.
    /// </summary>
    /// <param name="id">The calendar's id in the policy, for example <c>it-hours</c>.</param>
    /// <param name="zone">The time zone the hours are read in.</param>
    /// <param name="weeklyHours">The intervals starting on each weekday; a missing weekday or an empty list is closed.</param>
    /// <param name="holidays">Dates on which no interval starts, or <see langword="null"/>.</param>
    /// <param name="exceptions">Dates with their own intervals, or <see langword="null"/>; at most one per date.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/>, <paramref name="zone"/> or <paramref name="weeklyHours"/> is null.</exception>
    /// <exception cref="ArgumentException">The id is blank, two intervals of one day overlap, a date has two exceptions,
    /// a holiday is null, or the calendar is never open.</exception>
    public BusinessCalendar(
        string id,
        DateTimeZone zone,
        IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpenHours>> weeklyHours,
        IEnumerable<Holiday>? holidays = null,
        IEnumerable<CalendarException>? exceptions = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(weeklyHours);
        var error = Prepare(id, weeklyHours, holidays, exceptions, out var weekly, out var holidayList, out var exceptionList, out var parameter);
        if (error is not null)
        {
            throw new ArgumentException(error, parameter);
        }

        Id = id;
        Zone = zone;
        _weekly = weekly;
        Holidays = holidayList;
        Exceptions = exceptionList;
        _exceptionsByDate = exceptionList.ToDictionary(e => e.Date, e => e.Hours);
        // Dates are looked up in the ISO calendar (as exception dates are): a date given in another calendar system
        // (even CalendarSystem.Gregorian) would otherwise never equal the ISO date it falls on.
        _fixedHolidayDates = holidayList.OfType<FixedDateHoliday>().Select(h => ToIso(h.Date)).OfType<LocalDate>().ToHashSet();
        _yearlyHolidayDays = holidayList.OfType<YearlyHoliday>().Select(h => h.Month * 100 + h.Day).ToHashSet();
        _otherHolidays = holidayList.Where(h => h is not FixedDateHoliday and not YearlyHoliday).ToArray();
        _recurringHolidayCount = _yearlyHolidayDays.Count + _otherHolidays.Length;
        WeeklyHours = Days.ToImmutableDictionary(d => d, d => (IReadOnlyList<OpenHours>)weekly[(int)d]);

        _alwaysOpen = holidayList.IsEmpty && exceptionList.IsEmpty &&
            Days.All(d => weekly[(int)d] is [{ Start: var s, End: var e }] && s == LocalTime.Midnight && e == LocalTime.Midnight);
        _openStartAlways = ResolveStart(MinSupportedDate, LocalTime.Midnight);
        _openEndAlways = ResolveStart(MaxSupportedDate.PlusDays(1), LocalTime.Midnight);

        if (HasRecurringOpenTime())
        {
            _firstOpenStart = Instant.MinValue;
            _lastOpenEnd = Instant.MaxValue;
            _firstOpenDate = MinSupportedDate;
            _lastOpenDate = MaxSupportedDate;
        }
        else
        {
            var openDates = exceptionList
                .Where(e => e.Date >= MinSupportedDate && e.Date <= MaxSupportedDate)
                .Select(e => (e.Date, Intervals: ResolvedIntervals(e.Date, e.Hours)))
                .Where(e => e.Intervals.Count > 0)
                .ToList();
            if (openDates.Count == 0)
            {
                throw new ArgumentException(
                    $"Calendar '{id}' is never open: no interval starts on any date (every weekday is closed or every date is a holiday).",
                    nameof(weeklyHours));
            }

            _firstOpenDate = openDates.Min(e => e.Date);
            _lastOpenDate = openDates.Max(e => e.Date);

            // Over every date, not only the first and the last: a night shift of an earlier date can outlast the hours
            // of the last open date (2026-01-26 20:00-12:00, then 01:00-02:00 on the 27th ends the open time at 12:00).
            _firstOpenStart = openDates.Min(e => e.Intervals.Min(i => i.Start));
            _lastOpenEnd = openDates.Max(e => e.Intervals.Max(i => i.End));
        }
    }

    /// <summary>
    /// Gets the built-in <c>24x7</c> calendar: UTC, open at every instant of the supported range. Its operations take
    /// fast paths (<see cref="Add"/> is <c>t + d</c>).
    /// </summary>
    public static BusinessCalendar AlwaysOpen => AlwaysOpenCalendar.Value;

    /// <summary>Gets the calendar's id, for example <c>it-hours</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the time zone the hours are read in.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>Gets the weekly hours: all seven weekdays, each with its intervals sorted by start (empty when closed).</summary>
    public IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpenHours>> WeeklyHours { get; }

    /// <summary>Gets the holidays, in the order given.</summary>
    public ImmutableArray<Holiday> Holidays { get; }

    /// <summary>Gets the exceptions, sorted by date, each with its intervals sorted by start.</summary>
    public ImmutableArray<CalendarException> Exceptions { get; }

    /// <summary>
    /// Creates a calendar like the constructor does, but reports a problem as text instead of throwing.
    /// </summary>
    /// <param name="id">The calendar's id.</param>
    /// <param name="zone">The time zone.</param>
    /// <param name="weeklyHours">The intervals starting on each weekday.</param>
    /// <param name="holidays">The holidays, or <see langword="null"/>.</param>
    /// <param name="exceptions">The exceptions, or <see langword="null"/>.</param>
    /// <param name="calendar">The calendar, or <see langword="null"/> on failure.</param>
    /// <param name="error">The reason for the failure, or <see langword="null"/> on success.</param>
    /// <returns><see langword="true"/> when the calendar was created.</returns>
    public static bool TryCreate(
        string id,
        DateTimeZone zone,
        IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpenHours>> weeklyHours,
        IEnumerable<Holiday>? holidays,
        IEnumerable<CalendarException>? exceptions,
        out BusinessCalendar? calendar,
        out string? error)
    {
        calendar = null;
        if (id is null || zone is null || weeklyHours is null)
        {
            error = id is null ? "A calendar needs an id." : zone is null ? $"Calendar '{id}' needs a time zone." : $"Calendar '{id}' needs weekly hours.";
            return false;
        }

        error = Prepare(id, weeklyHours, holidays, exceptions, out _, out _, out _, out _);
        if (error is not null)
        {
            return false;
        }

        try
        {
            calendar = new BusinessCalendar(id, zone, weeklyHours, holidays, exceptions);
            return true;
        }
        catch (ArgumentException e)
        {
            error = e.Message;
            return false;
        }
    }

    /// <summary>Tells whether the calendar is open at an instant. An opening instant is open, a closing instant is not.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns><see langword="true"/> when the instant lies in an open interval.</returns>
    public bool IsOpen(Instant instant)
    {
        if (_alwaysOpen)
        {
            return instant >= _openStartAlways && instant < _openEndAlways;
        }

        var chunk = GetChunk(ChunkIndex(instant));
        return chunk.Contains(chunk.Offset(instant));
    }

    /// <summary>Returns the earliest open instant at or after an instant: the instant itself when open.</summary>
    /// <param name="instant">The instant.</param>
    /// <returns>The earliest open instant at or after <paramref name="instant"/>.</returns>
    /// <exception cref="CalendarRangeException">The calendar does not open again within the supported range.</exception>
    public Instant NextOpen(Instant instant)
    {
        if (_alwaysOpen)
        {
            return instant < _openStartAlways ? _openStartAlways
                : instant < _openEndAlways ? instant
                : throw OutOfRange("opens", instant);
        }

        var index = ChunkIndex(instant);
        var chunk = GetChunk(index);
        var offset = chunk.Offset(instant);
        var i = chunk.FirstEndingAfter(offset);
        if (i < chunk.Count)
        {
            return chunk.At(Math.Max(offset, chunk.StartAt(i)));
        }

        while (true)
        {
            chunk = NextChunk(ref index, instant, "opens");
            if (chunk.Count > 0)
            {
                return chunk.At(chunk.StartAt(0));
            }
        }
    }

    /// <summary>
    /// Adds open time: returns the earliest instant u at or after <paramref name="start"/> such that the open time in
    /// [start, u] equals <paramref name="duration"/>. The result can be a closing instant (Friday 16:00 + 1h with
    /// closing at 17:00 is Friday 17:00, not Monday morning). Adding zero returns <paramref name="start"/> unchanged.
    /// </summary>
    /// <param name="start">The instant to count from; it need not be open.</param>
    /// <param name="duration">The open time to add; not negative.</param>
    /// <returns>The due instant.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    /// <exception cref="CalendarRangeException">The result would lie past the supported range.</exception>
    public Instant Add(Instant start, Duration duration)
    {
        if (duration <= Duration.Zero)
        {
            return duration == Duration.Zero ? start : throw NegativeDuration(duration);
        }

        if (_alwaysOpen)
        {
            var from = NextOpen(start);
            return duration <= _openEndAlways - from ? from + duration : throw OutOfRange("reaches the open time", start);
        }

        if (duration > Instant.MaxValue - start)
        {
            // More open time than there is time left: no need to look through the blocks up to year 9999.
            throw OutOfRange("reaches the open time", start);
        }

        var index = ChunkIndex(start);
        var chunk = GetChunk(index);
        var before = chunk.OpenBefore(chunk.Offset(start));
        var available = chunk.TotalNanos - before;
        if (duration <= Duration.FromNanoseconds(available))
        {
            return chunk.At(chunk.EarliestReaching(before + duration.ToInt64Nanoseconds()));
        }

        var remaining = duration - Duration.FromNanoseconds(available);
        while (true)
        {
            chunk = NextChunk(ref index, start, "reaches the open time");
            if (remaining <= chunk.Total)
            {
                return chunk.At(chunk.EarliestReaching(remaining.ToInt64Nanoseconds()));
            }

            remaining -= chunk.Total;
        }
    }

    /// <summary>
    /// Subtracts open time: returns the latest instant u at or before <paramref name="end"/> such that the open time in
    /// [u, end] equals <paramref name="duration"/> (for notice periods, counted backwards). The result can be an
    /// opening instant. Subtracting zero returns <paramref name="end"/> unchanged.
    /// </summary>
    /// <param name="end">The instant to count back from; it need not be open.</param>
    /// <param name="duration">The open time to subtract; not negative.</param>
    /// <returns>The instant that much open time earlier.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="duration"/> is negative.</exception>
    /// <exception cref="CalendarRangeException">The result would lie before the supported range.</exception>
    public Instant Subtract(Instant end, Duration duration)
    {
        if (duration <= Duration.Zero)
        {
            return duration == Duration.Zero ? end : throw NegativeDuration(duration);
        }

        if (_alwaysOpen)
        {
            var to = end > _openEndAlways ? _openEndAlways : end;
            return to > _openStartAlways && duration <= to - _openStartAlways ? to - duration : throw OutOfRange("has the open time", end);
        }

        if (duration > end - Instant.MinValue)
        {
            throw OutOfRange("has the open time", end);
        }

        var index = ChunkIndex(end);
        var chunk = GetChunk(index);
        var before = chunk.OpenBefore(chunk.Offset(end));
        if (duration <= Duration.FromNanoseconds(before))
        {
            return chunk.At(chunk.LatestAt(before - duration.ToInt64Nanoseconds()));
        }

        var remaining = duration - Duration.FromNanoseconds(before);
        while (true)
        {
            chunk = PreviousChunk(ref index, end);
            if (remaining <= chunk.Total)
            {
                return chunk.At(chunk.LatestAt(chunk.TotalNanos - remaining.ToInt64Nanoseconds()));
            }

            remaining -= chunk.Total;
        }
    }

    /// <summary>Returns the open time between two instants: zero when <paramref name="end"/> is not after <paramref name="start"/>.</summary>
    /// <param name="start">The start of the span.</param>
    /// <param name="end">The end of the span.</param>
    /// <returns>The real elapsed open time inside the span.</returns>
    public Duration OpenTimeBetween(Instant start, Instant end)
    {
        if (end <= start)
        {
            return Duration.Zero;
        }

        if (_alwaysOpen)
        {
            var a = start < _openStartAlways ? _openStartAlways : start;
            var b = end > _openEndAlways ? _openEndAlways : end;
            return b > a ? b - a : Duration.Zero;
        }

        var startIndex = ChunkIndex(start);
        var endIndex = ChunkIndex(end);
        var first = GetChunk(startIndex);
        var openBeforeStart = first.OpenBefore(first.Offset(start));
        if (startIndex == endIndex)
        {
            return Duration.FromNanoseconds(first.OpenBefore(first.Offset(end)) - openBeforeStart);
        }

        var total = Duration.FromNanoseconds(first.TotalNanos - openBeforeStart);
        for (var index = startIndex + 1; index < endIndex; index++)
        {
            total += GetChunk(index).Total;
        }

        var last = GetChunk(endIndex);
        return total + Duration.FromNanoseconds(last.OpenBefore(last.Offset(end)));
    }

    /// <summary>
    /// Adds business days (SPEC 4.3): with D0 the local date of <paramref name="start"/>, returns the end of the last
    /// open interval that starts on the N-th open date after D0. Tuesday 10:00 + 1 is Wednesday at closing; Saturday
    /// 10:00 + 1 is Monday at closing. Adding zero returns <paramref name="start"/>.
    /// </summary>
    /// <param name="start">The instant to count from.</param>
    /// <param name="days">The number of business days; not negative.</param>
    /// <returns>The due instant: a closing instant of an open date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    /// <exception cref="CalendarRangeException">The N-th open date lies past the supported range.</exception>
    public Instant AddBusinessDays(Instant start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return start;
        }

        var date = LocalDateOf(start);
        if (date >= _lastOpenDate || days > Period.Between(date, _lastOpenDate, PeriodUnits.Days).Days)
        {
            // More open dates asked for than there are dates left: no need to walk them up to year 9999.
            throw OutOfRange($"has {days.ToString(CultureInfo.InvariantCulture)} open dates", start);
        }

        var count = 0;
        ZoneInterval? hint = null;
        while (true)
        {
            if (date >= _lastOpenDate)
            {
                throw OutOfRange($"has {days.ToString(CultureInfo.InvariantCulture)} open dates", start);
            }

            date = date.PlusDays(1);
            if (TryGetIntervals(date, ref hint, out _, out var last) && ++count == days)
            {
                return last.End;
            }
        }
    }

    /// <summary>
    /// Subtracts business days (SPEC 4.3, for notice periods): with D0 the local date of <paramref name="end"/>, returns
    /// the start of the first open interval that starts on the N-th open date before D0. Three business days before a
    /// Tuesday 08:00 on a Monday-to-Friday calendar is the previous Thursday at opening. Subtracting zero returns
    /// <paramref name="end"/>.
    /// </summary>
    /// <param name="end">The instant to count back from.</param>
    /// <param name="days">The number of business days; not negative.</param>
    /// <returns>An opening instant of an open date.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="days"/> is negative.</exception>
    /// <exception cref="CalendarRangeException">The N-th open date lies before the supported range.</exception>
    public Instant SubtractBusinessDays(Instant end, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        if (days == 0)
        {
            return end;
        }

        var date = LocalDateOf(end);
        if (date <= _firstOpenDate || days > Period.Between(_firstOpenDate, date, PeriodUnits.Days).Days)
        {
            throw OutOfRange($"has {days.ToString(CultureInfo.InvariantCulture)} open dates before", end);
        }

        var count = 0;
        ZoneInterval? hint = null;
        while (true)
        {
            if (date <= _firstOpenDate)
            {
                throw OutOfRange($"has {days.ToString(CultureInfo.InvariantCulture)} open dates before", end);
            }

            date = date.PlusDays(-1);
            if (TryGetIntervals(date, ref hint, out var first, out _) && ++count == days)
            {
                return first.Start;
            }
        }
    }

    /// <summary>
    /// Enumerates the maximal open intervals that meet [<paramref name="from"/>, <paramref name="to"/>), clipped to it:
    /// overlapping or adjacent intervals (a night shift running into the morning hours) come out as one. The sequence
    /// is computed lazily, in order.
    /// </summary>
    /// <param name="from">The start of the window.</param>
    /// <param name="to">The end of the window (exclusive).</param>
    /// <returns>The open intervals in the window, sorted and disjoint.</returns>
    public IEnumerable<Interval> OpenIntervals(Instant from, Instant to)
    {
        return to <= from ? [] : Enumerate(from, to);

        IEnumerable<Interval> Enumerate(Instant from, Instant to)
        {
            Instant? pendingStart = null;
            var pendingEnd = from;
            var lastIndex = ChunkIndex(to);
            for (var index = ChunkIndex(from); index <= lastIndex; index++)
            {
                var chunk = GetChunk(index);
                var fromOffset = index == ChunkIndex(from) ? chunk.Offset(from) : long.MinValue;
                var toOffset = index == lastIndex ? chunk.Offset(to) : long.MaxValue;
                for (var i = chunk.FirstEndingAfter(fromOffset == long.MinValue ? -1 : fromOffset); i < chunk.Count && chunk.StartAt(i) < toOffset; i++)
                {
                    var s = chunk.At(Math.Max(chunk.StartAt(i), fromOffset == long.MinValue ? 0 : fromOffset));
                    var e = chunk.At(Math.Min(chunk.EndAt(i), toOffset));
                    if (pendingStart is { } ps && s == pendingEnd)
                    {
                        pendingEnd = e;
                        continue;
                    }

                    if (pendingStart is { } previous)
                    {
                        yield return new Interval(previous, pendingEnd);
                    }

                    pendingStart = s;
                    pendingEnd = e;
                }
            }

            if (pendingStart is { } last)
            {
                yield return new Interval(last, pendingEnd);
            }
        }
    }

    /// <summary>Tells whether at least one (non-empty) interval starts on a local date: such a date counts as a business day.</summary>
    /// <param name="date">The local date.</param>
    /// <returns><see langword="true"/> for an open date.</returns>
    public bool IsOpenDate(LocalDate date) => TryGetIntervals(date.WithCalendar(CalendarSystem.Iso), out _, out _);

    /// <summary>
    /// Lists the holidays in a range of dates, in date order (for example to warn that a calendar has no holiday in the
    /// next 12 months). Exceptions are not listed. A date matched by two holidays is listed once per holiday.
    /// </summary>
    /// <param name="start">The first date.</param>
    /// <param name="endInclusive">The last date.</param>
    /// <returns>The dates and names of the holidays.</returns>
    public IEnumerable<(LocalDate Date, string? Name)> HolidaysBetween(LocalDate start, LocalDate endInclusive)
    {
        var first = start.WithCalendar(CalendarSystem.Iso);
        var last = endInclusive.WithCalendar(CalendarSystem.Iso);
        return last < first || Holidays.IsEmpty ? [] : Enumerate(first, last);

        IEnumerable<(LocalDate Date, string? Name)> Enumerate(LocalDate first, LocalDate last)
        {
            for (var date = first; ; date = date.PlusDays(1))
            {
                foreach (var holiday in Holidays)
                {
                    if (holiday.FallsOn(date))
                    {
                        yield return (date, holiday.Name);
                    }
                }

                if (date == last)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>Returns the calendar's id.</summary>
    /// <returns>The id.</returns>
    public override string ToString() => Id;

    private static BusinessCalendar CreateAlwaysOpen()
    {
        IReadOnlyList<OpenHours> day = [new OpenHours(LocalTime.Midnight, LocalTime.Midnight)];
        return new BusinessCalendar("24x7", DateTimeZone.Utc, Days.ToDictionary(d => d, _ => day));
    }

    /// <summary>Checks and normalises the arguments; returns the problem and the name of the argument at fault, or null.</summary>
    private static string? Prepare(
        string id,
        IReadOnlyDictionary<IsoDayOfWeek, IReadOnlyList<OpenHours>> weeklyHours,
        IEnumerable<Holiday>? holidays,
        IEnumerable<CalendarException>? exceptions,
        out ImmutableArray<OpenHours>[] weekly,
        out ImmutableArray<Holiday> holidayList,
        out ImmutableArray<CalendarException> exceptionList,
        out string parameter)
    {
        weekly = new ImmutableArray<OpenHours>[8];
        holidayList = [];
        exceptionList = [];
        parameter = nameof(id);
        if (string.IsNullOrWhiteSpace(id))
        {
            return "A calendar's id must not be blank.";
        }

        for (var i = 0; i < weekly.Length; i++)
        {
            weekly[i] = [];
        }

        parameter = nameof(weeklyHours);
        foreach (var (day, hours) in weeklyHours)
        {
            if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
            {
                return $"Calendar '{id}': '{day}' is not a weekday.";
            }

            var sorted = (hours ?? []).OrderBy(h => h.Start).ToImmutableArray();
            var overlap = FindOverlap(sorted);
            if (overlap is not null)
            {
                return $"Calendar '{id}': the hours of {day} overlap: {overlap}.";
            }

            weekly[(int)day] = sorted;
        }

        parameter = nameof(holidays);
        var holidayBuilder = ImmutableArray.CreateBuilder<Holiday>();
        foreach (var holiday in holidays ?? [])
        {
            if (holiday is null)
            {
                return $"Calendar '{id}': a holiday is null.";
            }

            holidayBuilder.Add(holiday);
        }

        holidayList = holidayBuilder.ToImmutable();

        parameter = nameof(exceptions);
        var seen = new HashSet<LocalDate>();
        var exceptionBuilder = ImmutableArray.CreateBuilder<CalendarException>();
        foreach (var exception in exceptions ?? [])
        {
            if (exception is null)
            {
                return $"Calendar '{id}': an exception is null.";
            }

            var date = exception.Date.WithCalendar(CalendarSystem.Iso);
            if (!seen.Add(date))
            {
                return $"Calendar '{id}': the date {Format(date)} has more than one exception.";
            }

            var sorted = exception.Hours.OrderBy(h => h.Start).ToImmutableArray();
            var overlap = FindOverlap(sorted);
            if (overlap is not null)
            {
                return $"Calendar '{id}': the hours of the exception on {Format(date)} overlap: {overlap}.";
            }

            exceptionBuilder.Add(new CalendarException(date, sorted));
        }

        exceptionList = [.. exceptionBuilder.OrderBy(e => e.Date)];
        parameter = nameof(weeklyHours);
        var days = weekly;
        if (Days.All(d => days[(int)d].IsEmpty) && exceptionList.All(e => e.IsClosed))
        {
            return $"Calendar '{id}' is never open: it has no hours on any weekday and no exception with hours.";
        }

        return null;
    }

    private static string? FindOverlap(ImmutableArray<OpenHours> sortedByStart)
    {
        for (var i = 0; i < sortedByStart.Length; i++)
        {
            for (var j = i + 1; j < sortedByStart.Length; j++)
            {
                if (sortedByStart[i].Overlaps(sortedByStart[j]))
                {
                    return $"{sortedByStart[i]} and {sortedByStart[j]}";
                }
            }
        }

        return null;
    }

    /// <summary>The same day in the ISO calendar, or null for a day that the ISO calendar cannot hold (so no supported date).</summary>
    private static LocalDate? ToIso(LocalDate date)
    {
        if (date.Calendar == CalendarSystem.Iso)
        {
            return date;
        }

        try
        {
            return date.WithCalendar(CalendarSystem.Iso);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static string Format(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long ChunkIndex(Instant instant) => FloorDiv(instant.ToUnixTimeTicks(), ChunkTicks);

    private static ArgumentOutOfRangeException NegativeDuration(Duration duration) =>
        new(nameof(duration), duration, "The duration of open time must not be negative.");

    private CalendarRangeException OutOfRange(string what, Instant from) =>
        new($"Calendar '{Id}' never {what} counted from {from.ToString("g", CultureInfo.InvariantCulture)} " +
            $"within its supported range (local dates {Format(_firstOpenDate)} to {Format(_lastOpenDate)}).");

    private CalendarChunk NextChunk(ref long index, Instant from, string what)
    {
        index++;
        if (index > LastChunkIndex)
        {
            throw OutOfRange(what, from);
        }

        var chunk = GetChunk(index);
        return chunk.Start >= _lastOpenEnd ? throw OutOfRange(what, from) : chunk;
    }

    private CalendarChunk PreviousChunk(ref long index, Instant from)
    {
        index--;
        if (index < FirstChunkIndex)
        {
            throw OutOfRange("has the open time", from);
        }

        var chunk = GetChunk(index);
        return chunk.End <= _firstOpenStart ? throw OutOfRange("has the open time", from) : chunk;
    }

    private CalendarChunk GetChunk(long index)
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
        firstDate = firstDate <= MinSupportedDate.PlusDays(4) ? MinSupportedDate : firstDate.PlusDays(-4);
        var lastDate = LocalDateOf(end);
        lastDate = lastDate >= MaxSupportedDate.PlusDays(-2) ? MaxSupportedDate : lastDate.PlusDays(2);

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

    private LocalDate LocalDateOf(Instant instant)
    {
        var probe = instant < DateProbeMin ? DateProbeMin : instant > DateProbeMax ? DateProbeMax : instant;
        return probe.InZone(Zone).Date;
    }

    private ImmutableArray<OpenHours> HoursStartingOn(LocalDate date)
    {
        if (_exceptionsByDate.TryGetValue(date, out var exception))
        {
            return exception;
        }

        if (_fixedHolidayDates.Contains(date))
        {
            return [];
        }

        return IsRecurringHoliday(date) ? [] : _weekly[(int)date.DayOfWeek];
    }

    private bool IsRecurringHoliday(LocalDate date)
    {
        if (_yearlyHolidayDays.Count > 0 && _yearlyHolidayDays.Contains(date.Month * 100 + date.Day))
        {
            return true;
        }

        foreach (var holiday in _otherHolidays)
        {
            if (holiday.FallsOn(date))
            {
                return true;
            }
        }

        return false;
    }

    private Instant ResolveStart(LocalDate date, LocalTime time)
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

    private List<Interval> ResolvedIntervals(LocalDate date, ImmutableArray<OpenHours> hours)
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
    private bool TryGetIntervals(LocalDate date, out Interval first, out Interval last)
    {
        ZoneInterval? hint = null;
        return TryGetIntervals(date, ref hint, out first, out last);
    }

    private bool TryGetIntervals(LocalDate date, ref ZoneInterval? hint, out Interval first, out Interval last)
    {
        first = last = default;
        if (date < MinSupportedDate || date > MaxSupportedDate)
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

    /// <summary>
    /// Tells whether the weekly hours open on some date in every year, holidays notwithstanding; if not, the calendar
    /// is open only on its exception dates.
    /// </summary>
    private bool HasRecurringOpenTime()
    {
        var openDays = Days.Where(d => !_weekly[(int)d].IsEmpty).ToList();
        if (openDays.Count == 0)
        {
            return false;
        }

        // Each recurring holiday takes at most one date a year, and every weekday occurs at least 52 times a year.
        if (_recurringHolidayCount < 52)
        {
            return true;
        }

        // Otherwise scan one 400-year Gregorian cycle (weekdays and dates repeat with it) for an open weekday.
        var date = new LocalDate(2001, 1, 1);
        for (var i = 0; i < 146_097; i++, date = date.PlusDays(1))
        {
            if (!_weekly[(int)date.DayOfWeek].IsEmpty && !IsRecurringHoliday(date))
            {
                return true;
            }
        }

        return false;
    }
}
