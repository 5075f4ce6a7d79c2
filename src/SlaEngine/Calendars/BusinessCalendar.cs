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
public sealed partial class BusinessCalendar
{
    /// <summary>The first local date on which intervals can start.</summary>
    public static readonly LocalDate MinSupportedDate = new(-9998, 1, 5);

    /// <summary>The last local date on which intervals can start.</summary>
    public static readonly LocalDate MaxSupportedDate = new(9999, 12, 26);

    private static readonly IsoDayOfWeek[] Days =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    ];

    private static readonly Lazy<BusinessCalendar> AlwaysOpenCalendar = new(CreateAlwaysOpen, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly CalendarIndex _index;

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
    /// a holiday is null, kept from a year after its until year, or an Easter holiday with an observance, or the
    /// calendar is never open.</exception>
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
        Holidays = holidayList;
        Exceptions = exceptionList;
        // Dates are looked up in the ISO calendar (as exception dates are): holidays give their dates in it.
        _index = new CalendarIndex(zone, weekly, exceptionList.ToDictionary(e => e.Date, e => e.Hours), new HolidayIndex(holidayList));
        WeeklyHours = Days.ToImmutableDictionary(d => d, d => (IReadOnlyList<OpenHours>)weekly[(int)d]);

        _alwaysOpen = holidayList.IsEmpty && exceptionList.IsEmpty &&
            Days.All(d => weekly[(int)d] is [{ Start: var s, End: var e }] && s == LocalTime.Midnight && e == LocalTime.Midnight);
        _openStartAlways = _index.ResolveStart(MinSupportedDate, LocalTime.Midnight);
        _openEndAlways = _index.ResolveStart(MaxSupportedDate.PlusDays(1), LocalTime.Midnight);

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
                .Select(e => (e.Date, Intervals: _index.ResolvedIntervals(e.Date, e.Hours)))
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

        var chunk = _index.GetChunk(CalendarIndex.ChunkIndex(instant));
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

        var index = CalendarIndex.ChunkIndex(instant);
        var chunk = _index.GetChunk(index);
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

        var index = CalendarIndex.ChunkIndex(start);
        var chunk = _index.GetChunk(index);
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

        var index = CalendarIndex.ChunkIndex(end);
        var chunk = _index.GetChunk(index);
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

        var startIndex = CalendarIndex.ChunkIndex(start);
        var endIndex = CalendarIndex.ChunkIndex(end);
        var first = _index.GetChunk(startIndex);
        var openBeforeStart = first.OpenBefore(first.Offset(start));
        if (startIndex == endIndex)
        {
            return Duration.FromNanoseconds(first.OpenBefore(first.Offset(end)) - openBeforeStart);
        }

        var total = Duration.FromNanoseconds(first.TotalNanos - openBeforeStart);
        for (var index = startIndex + 1; index < endIndex; index++)
        {
            total += _index.GetChunk(index).Total;
        }

        var last = _index.GetChunk(endIndex);
        return total + Duration.FromNanoseconds(last.OpenBefore(last.Offset(end)));
    }

    /// <summary>
    /// Adds business days (docs/calendars.md, "Business days"): with D0 the local date of <paramref name="start"/>, returns the end of the last
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

        var date = _index.LocalDateOf(start);
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
            if (_index.TryGetIntervals(date, ref hint, out _, out var last) && ++count == days)
            {
                return last.End;
            }
        }
    }

    /// <summary>
    /// Subtracts business days (docs/calendars.md, "Business days"; for notice periods): with D0 the local date of <paramref name="end"/>, returns
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

        var date = _index.LocalDateOf(end);
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
            if (_index.TryGetIntervals(date, ref hint, out var first, out _) && ++count == days)
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
            var lastIndex = CalendarIndex.ChunkIndex(to);
            for (var index = CalendarIndex.ChunkIndex(from); index <= lastIndex; index++)
            {
                var chunk = _index.GetChunk(index);
                var fromOffset = index == CalendarIndex.ChunkIndex(from) ? chunk.Offset(from) : long.MinValue;
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
    public bool IsOpenDate(LocalDate date) => _index.TryGetIntervals(date.WithCalendar(CalendarSystem.Iso), out _, out _);

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

            if (holiday.FromYear > holiday.UntilYear)
            {
                return $"Calendar '{id}': the holiday '{holiday.Name}' is kept from {holiday.FromYear} until {holiday.UntilYear}, an empty range of years.";
            }

            if (holiday is EasterHoliday && holiday.Observance != HolidayObservance.None)
            {
                return $"Calendar '{id}': the Easter holiday '{holiday.Name}' has an observance, but Easter holidays never move.";
            }

            if (holiday.Observance is < HolidayObservance.None or > HolidayObservance.NextWeekday)
            {
                return $"Calendar '{id}': the holiday '{holiday.Name}' has an unknown observance {holiday.Observance}.";
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
                return $"Calendar '{id}': the date {CalendarText.Date(date)} has more than one exception.";
            }

            var sorted = exception.Hours.OrderBy(h => h.Start).ToImmutableArray();
            var overlap = FindOverlap(sorted);
            if (overlap is not null)
            {
                return $"Calendar '{id}': the hours of the exception on {CalendarText.Date(date)} overlap: {overlap}.";
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

    private static ArgumentOutOfRangeException NegativeDuration(Duration duration) =>
        new(nameof(duration), duration, "The duration of open time must not be negative.");

    private CalendarRangeException OutOfRange(string what, Instant from) =>
        new($"Calendar '{Id}' never {what} counted from {from.ToString("g", CultureInfo.InvariantCulture)} " +
            $"within its supported range (local dates {CalendarText.Date(_firstOpenDate)} to {CalendarText.Date(_lastOpenDate)}).");

    private CalendarChunk NextChunk(ref long index, Instant from, string what)
    {
        index++;
        if (index > CalendarIndex.LastChunkIndex)
        {
            throw OutOfRange(what, from);
        }

        var chunk = _index.GetChunk(index);
        return chunk.Start >= _lastOpenEnd ? throw OutOfRange(what, from) : chunk;
    }

    private CalendarChunk PreviousChunk(ref long index, Instant from)
    {
        index--;
        if (index < CalendarIndex.FirstChunkIndex)
        {
            throw OutOfRange("has the open time", from);
        }

        var chunk = _index.GetChunk(index);
        return chunk.End <= _firstOpenStart ? throw OutOfRange("has the open time", from) : chunk;
    }

    /// <summary>
    /// Tells whether the weekly hours open on some date in every year, holidays notwithstanding; if not, the calendar
    /// is open only on its exception dates.
    /// </summary>
    private bool HasRecurringOpenTime()
    {
        var openDays = Days.Where(d => !_index.Weekly(d).IsEmpty).ToList();
        if (openDays.Count == 0)
        {
            return false;
        }

        // Holidays close at most this many dates a year, and every weekday occurs at least 52 times a year.
        if (_index.Holidays.MaxDatesPerYear < 52)
        {
            return true;
        }

        // Otherwise scan one 400-year Gregorian cycle (weekdays and dates repeat with it, Easter nearly) for an open weekday.
        var date = new LocalDate(2001, 1, 1);
        for (var i = 0; i < 146_097; i++, date = date.PlusDays(1))
        {
            if (!_index.Weekly(date.DayOfWeek).IsEmpty && !_index.Holidays.IsClosed(date))
            {
                return true;
            }
        }

        return false;
    }
}
