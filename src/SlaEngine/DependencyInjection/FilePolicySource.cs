using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using SlaEngine.Diagnostics;

namespace SlaEngine.DependencyInjection;

/// <summary>
/// A policy source that follows a policy file: when the file changes it is read again, and a policy that loads takes
/// effect atomically; one that does not (an error, a missing file, a fault) never does — the last good policy stays in
/// force and the failure is exposed through <see cref="LastFailure"/> and <see cref="ReloadFailed"/>.
/// </summary>
/// <remarks>
/// <para>
/// Changes are noticed two ways. A <see cref="FileSystemWatcher"/> on the file's directory reports changes to the
/// file and to Kubernetes-style <c>..data</c> symbolic links beside it; when the path is a symbolic link, a second
/// watcher follows the directory of the file it resolves to, so an edit of the target is noticed too. A poll, every
/// poll interval, catches what notifications miss (network shares, a full notification buffer, a watcher that could not
/// be created).
/// </para>
/// <para>
/// A changed file is loaded only once two reads, separated by at least the debounce interval, give the same bytes: a
/// writer that pauses for less than the debounce interval is never read half-way, whether the change was noticed by the
/// watcher or by the poll. A file whose length changes while it is read is read again. Content is compared by its
/// SHA-256 hash with the policy in force and with the last refused content, so an unchanged file — or an unchanged
/// broken file — is neither reloaded nor reported twice. Replacing the file by a rename (or swapping a link) is atomic
/// and always safe; an in-place write that pauses for longer than the debounce interval can still be read at the pause.
/// </para>
/// <para>
/// No exception escapes a timer or a notification: a fault while reading or loading is reported through
/// <see cref="ReloadFailed"/> as a <see cref="DiagnosticCodes.LoadFault"/> error, and the last good policy stays.
/// </para>
/// <para>
/// Thread safety: <see cref="Snapshot"/>, <see cref="Current"/>, <see cref="Generation"/> and
/// <see cref="LastFailure"/> are lock-free reads of one volatile reference each. Reloads run one at a time on a timer
/// thread (or on the thread calling <see cref="ReloadNow"/>), and raise <see cref="Reloaded"/> or
/// <see cref="ReloadFailed"/> on that thread after the new state is in force. An exception thrown by an event
/// handler is caught and ignored, so a faulty subscriber can neither stop later reloads nor crash the process.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// using var source = new FilePolicySource("policies/contact-center.yaml");
/// source.ReloadFailed += (_, e) => logger.LogError("Policy not reloaded: {Errors}", string.Join("; ", e.Diagnostics));
/// var decision = source.Current.Evaluate(evt);
/// </code>
/// </example>
public sealed class FilePolicySource : IPolicySource, IDisposable
{
    private const int MaxReadRetries = 5;
    private const string MissingFileMessage = "the policy file does not exist";
    private static readonly TimeSpan MaxTimerInterval = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly object _gate = new();
    private readonly string _directory;
    private readonly string _fileName;
    private readonly TimeSpan _debounce;
    private readonly TimeProvider _time;
    private readonly Func<byte[], string, PolicyLoadResult> _load;
    private readonly ITimer _checkTimer;
    private readonly ITimer? _pollTimer;
    private readonly FileSystemWatcher? _watcher;
    private FileSystemWatcher? _targetWatcher;

    private volatile PolicySnapshot _snapshot;
    private volatile PolicyLoadResult? _lastFailure;
    private int _pending;
    private int _disposed;

    // Guarded by _gate.
    private byte[] _appliedHash;
    private byte[]? _lastSeenHash;
    private byte[]? _candidateHash;
    private long _candidateAt;
    private string? _targetDirectory;
    private string? _targetFileName;
    private bool _missingReported;
    private bool _unreadableReported;
    private int _readRetries;

    /// <summary>
    /// Loads a policy file and starts following it, with the default debounce (200 ms) and poll interval (5 s).
    /// </summary>
    /// <param name="path">The policy file's path; a relative path is resolved against the current directory now.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="PolicyLoadException">The file is missing, unreadable, or its policy has errors; the exception carries every diagnostic.</exception>
    public FilePolicySource(string path)
        : this(path, SlaEngineOptions.DefaultReloadDebounce, SlaEngineOptions.DefaultPollInterval)
    {
    }

    /// <summary>Loads a policy file and starts following it.</summary>
    /// <param name="path">The policy file's path; a relative path is resolved against the current directory now.</param>
    /// <param name="reloadDebounce">
    /// How long the file must stay quiet after a change before it is read, and how far apart the two reads that must
    /// agree are; zero or more.
    /// </param>
    /// <param name="pollInterval">How often the file is checked without a notification; <see cref="Timeout.InfiniteTimeSpan"/> for never.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A timing is negative, zero (poll interval) or longer than about 49 days.</exception>
    /// <exception cref="PolicyLoadException">The file is missing, unreadable, or its policy has errors; the exception carries every diagnostic.</exception>
    public FilePolicySource(string path, TimeSpan reloadDebounce, TimeSpan pollInterval)
        : this(path, reloadDebounce, pollInterval, TimeProvider.System)
    {
    }

    /// <summary>Loads a policy file and starts following it, with timers from <paramref name="timeProvider"/>.</summary>
    /// <param name="path">The policy file's path; a relative path is resolved against the current directory now.</param>
    /// <param name="reloadDebounce">
    /// How long the file must stay quiet after a change before it is read, and how far apart the two reads that must
    /// agree are; zero or more.
    /// </param>
    /// <param name="pollInterval">How often the file is checked without a notification; <see cref="Timeout.InfiniteTimeSpan"/> for never.</param>
    /// <param name="timeProvider">The source of the debounce and poll timers (a fake one in tests).</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="timeProvider"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A timing is negative, zero (poll interval) or longer than about 49 days.</exception>
    /// <exception cref="PolicyLoadException">The file is missing, unreadable, or its policy has errors; the exception carries every diagnostic.</exception>
    public FilePolicySource(string path, TimeSpan reloadDebounce, TimeSpan pollInterval, TimeProvider timeProvider)
        : this(path, reloadDebounce, pollInterval, timeProvider, watch: true, load: null)
    {
    }

    /// <summary>
    /// Loads and follows a policy file; <paramref name="watch"/> false leaves only polling, as when a watcher cannot be
    /// created; <paramref name="load"/> replaces the loader (tests use it to inject faults).
    /// </summary>
    internal FilePolicySource(string path, TimeSpan reloadDebounce, TimeSpan pollInterval, TimeProvider timeProvider, bool watch, Func<byte[], string, PolicyLoadResult>? load)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (reloadDebounce < TimeSpan.Zero || reloadDebounce > MaxTimerInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(reloadDebounce), reloadDebounce, "The debounce interval must be zero or positive, and at most about 49 days.");
        }

        if (pollInterval != Timeout.InfiniteTimeSpan && (pollInterval <= TimeSpan.Zero || pollInterval > MaxTimerInterval))
        {
            throw new ArgumentOutOfRangeException(nameof(pollInterval), pollInterval, "The poll interval must be positive and at most about 49 days, or Timeout.InfiniteTimeSpan to turn polling off.");
        }

        FilePath = System.IO.Path.GetFullPath(path);
        _directory = System.IO.Path.GetDirectoryName(FilePath) ?? FilePath;
        _fileName = System.IO.Path.GetFileName(FilePath);
        _debounce = reloadDebounce;
        _time = timeProvider;
        _load = load ?? (static (bytes, name) => PolicyLoader.Load(bytes, name));

        _checkTimer = _time.CreateTimer(static s => ((FilePolicySource)s!).RequestCheck(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        // Watch before the first read, so that a change made while reading is not lost (the hash makes a repeat
        // harmless). A notification arriving before the first policy is in force waits for the gate.
        _watcher = watch ? TryWatch(_directory) : null;
        lock (_gate)
        {
            var (initial, hash) = ReadInitial();
            if (!initial.Success)
            {
                _disposed = 1;
                _watcher?.Dispose();
                _checkTimer.Dispose();
                throw new PolicyLoadException(initial.Diagnostics);
            }

            _snapshot = new PolicySnapshot(initial.Policy, 1);
            _appliedHash = hash!;
            _lastSeenHash = hash;
            if (watch)
            {
                FollowTarget();
            }
        }

        if (pollInterval != Timeout.InfiniteTimeSpan)
        {
            _pollTimer = _time.CreateTimer(static s => ((FilePolicySource)s!).RequestCheck(), this, pollInterval, pollInterval);
        }

        if (Volatile.Read(ref _pending) != 0)
        {
            ScheduleCheck(_debounce);
        }
    }

    /// <summary>The full path of the policy file followed.</summary>
    public string FilePath { get; }

    /// <summary>
    /// Whether change notifications are active. False when the watcher could not be created (a missing directory, no
    /// notification support, the system's watch limit reached): then only polling notices changes.
    /// </summary>
    public bool IsWatching => _watcher is not null;

    /// <inheritdoc />
    public PolicySnapshot Snapshot => _snapshot;

    /// <inheritdoc />
    public Policy Current => _snapshot.Policy;

    /// <inheritdoc />
    public long Generation => _snapshot.Generation;

    /// <inheritdoc />
    /// <remarks>
    /// Set when a changed file fails to load, is missing, cannot be read, or meets a fault; cleared when a new policy
    /// loads, or when the file again holds the policy in force.
    /// </remarks>
    public PolicyLoadResult? LastFailure => _lastFailure;

    /// <inheritdoc />
    public event EventHandler<PolicyReloadedEventArgs>? Reloaded;

    /// <inheritdoc />
    public event EventHandler<PolicyReloadFailedEventArgs>? ReloadFailed;

    /// <summary>
    /// Reads the file now and loads what it holds, without waiting for a second read to agree: call it when you know
    /// the file is complete (a host's own reload signal, after a deployment step, in tests). Returns once the outcome
    /// (and its event) is in force.
    /// </summary>
    /// <returns>
    /// True when a new policy took effect; false when the file is unchanged, failed to load (see
    /// <see cref="LastFailure"/>), or changed length while being read (it is read again after the debounce interval).
    /// </returns>
    /// <exception cref="ObjectDisposedException">The source is disposed.</exception>
    public bool ReloadNow()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        lock (_gate)
        {
            return GuardedCheck(confirmed: true);
        }
    }

    /// <summary>Stops following the file. The policy in force stays readable.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _watcher?.Dispose();
        Interlocked.Exchange(ref _targetWatcher, null)?.Dispose();
        _pollTimer?.Dispose();
        _checkTimer.Dispose();
    }

    private FileSystemWatcher? TryWatch(string directory)
    {
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(directory)
            {
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                IncludeSubdirectories = false,
            };
            watcher.Changed += OnChanged;
            watcher.Created += OnChanged;
            watcher.Deleted += OnChanged;
            watcher.Renamed += OnRenamed;
            watcher.Error += OnWatcherError;
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or ArgumentException or PlatformNotSupportedException or UnauthorizedAccessException)
        {
            // Polling still notices changes.
            watcher?.Dispose();
            return null;
        }
    }

    // Called under _gate. When the path is a link, watch the directory of the file it leads to as well, so that an
    // edit of the target (which changes nothing in the link's directory) is noticed; re-aimed when the link moves.
    private void FollowTarget()
    {
        var (directory, fileName) = ResolveTarget();
        if (string.Equals(directory, _targetDirectory, StringComparison.Ordinal) && _targetWatcher is not null)
        {
            _targetFileName = fileName;
            return;
        }

        Interlocked.Exchange(ref _targetWatcher, null)?.Dispose();
        _targetDirectory = directory;
        _targetFileName = fileName;
        if (string.Equals(directory, _directory, StringComparison.Ordinal) || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        var watcher = TryWatch(directory);
        Volatile.Write(ref _targetWatcher, watcher);
        if (Volatile.Read(ref _disposed) != 0)
        {
            Interlocked.Exchange(ref _targetWatcher, null)?.Dispose();
        }
    }

    // The directory and name of the file the path finally leads to: the last link of the path's chain followed, then
    // that file's directory if it is a link itself (the ConfigMap layout: policy.yaml -> ..data/policy.yaml, ..data -> ..2026_11_24).
    private (string Directory, string FileName) ResolveTarget()
    {
        try
        {
            var target = File.ResolveLinkTarget(FilePath, returnFinalTarget: true)?.FullName ?? FilePath;
            var directory = System.IO.Path.GetDirectoryName(target) ?? _directory;
            directory = Directory.ResolveLinkTarget(directory, returnFinalTarget: true)?.FullName ?? directory;
            return (directory, System.IO.Path.GetFileName(target));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // A dangling or looping link: the read will say so.
            return (_directory, _fileName);
        }
    }

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (sender == _watcher ? Concerns(e.Name) : ConcernsTarget(e.Name))
        {
            ScheduleCheck(_debounce);
        }
    }

    private void OnRenamed(object sender, RenamedEventArgs e)
    {
        if (sender == _watcher ? Concerns(e.Name) || Concerns(e.OldName) : ConcernsTarget(e.Name) || ConcernsTarget(e.OldName))
        {
            ScheduleCheck(_debounce);
        }
    }

    private void OnWatcherError(object sender, ErrorEventArgs e) => OnNotification();

    /// <summary>What every change notification does: check the file once it has been quiet for the debounce interval.</summary>
    internal void OnNotification() => ScheduleCheck(_debounce);

    // The file itself, or the "..data" link a Kubernetes ConfigMap volume swaps to publish a new version.
    private bool Concerns(string? name) =>
        name is not null && (string.Equals(name, _fileName, StringComparison.Ordinal) || name.StartsWith("..", StringComparison.Ordinal));

    private bool ConcernsTarget(string? name) => name is not null && string.Equals(name, Volatile.Read(ref _targetFileName), StringComparison.Ordinal);

    private void ScheduleCheck(TimeSpan delay)
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        try
        {
            _checkTimer.Change(delay, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: nothing to reload.
        }
    }

    // The timers' callback: a check now (the poll, or a debounce that ran out).
    private void RequestCheck()
    {
        Volatile.Write(ref _pending, 1);

        // Whoever holds the gate drains the request; re-check after leaving, in case it arrived as the holder left.
        while (Volatile.Read(ref _pending) != 0 && Volatile.Read(ref _disposed) == 0)
        {
            if (!Monitor.TryEnter(_gate))
            {
                return;
            }

            try
            {
                while (Interlocked.Exchange(ref _pending, 0) != 0 && Volatile.Read(ref _disposed) == 0)
                {
                    GuardedCheck(confirmed: false);
                }
            }
            finally
            {
                Monitor.Exit(_gate);
            }
        }
    }

    private (PolicyLoadResult Result, byte[]? Hash) ReadInitial()
    {
        for (var attempt = 1; ; attempt++)
        {
            var outcome = TryRead(out var bytes, out var failure);
            switch (outcome)
            {
                case ReadOutcome.Read:
                    return (_load(bytes, FilePath), SHA256.HashData(bytes));
                case ReadOutcome.Changing when attempt < MaxReadRetries:
                    continue;
                case ReadOutcome.Changing:
                    return (PolicyBytes.Unreadable(FilePath, "the policy file kept changing while it was read; write it elsewhere and rename it into place"), null);
                default:
                    return (failure!, null);
            }
        }
    }

    // Called under _gate. Nothing escapes: a timer thread that throws ends the process.
    private bool GuardedCheck(bool confirmed)
    {
        try
        {
            return CheckOnce(confirmed);
        }
#pragma warning disable CA1031 // Documented on the type: every fault becomes a reported failure, never an escape.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            _candidateHash = null;
            Fail(PolicyBytes.Failure(
                DiagnosticCodes.LoadFault,
                FilePath,
                $"the policy file could not be reloaded because of a fault ({ex.GetType().Name}: {ex.Message.Split('\n')[0]}); the last good policy stays in force"));
            return false;
        }
    }

    // Called under _gate. Returns whether a new policy took effect. Unless confirmed, new content is loaded only when it
    // is what a read at least one debounce interval earlier gave.
    private bool CheckOnce(bool confirmed)
    {
        if (_watcher is not null)
        {
            FollowTarget();
        }

        var outcome = TryRead(out var bytes, out var failure);
        if (outcome is ReadOutcome.Missing or ReadOutcome.Unreadable)
        {
            _candidateHash = null;
            return Unreadable(outcome, failure!);
        }

        _missingReported = false;
        _readRetries = 0;
        _unreadableReported = false;
        if (outcome == ReadOutcome.Changing)
        {
            // Still being written: read it again once it is quiet, never half of it.
            _candidateHash = null;
            ScheduleCheck(_debounce);
            return false;
        }

        var hash = SHA256.HashData(bytes);
        if (hash.AsSpan().SequenceEqual(_appliedHash))
        {
            // Back to (or still at) the policy in force: healthy again, nothing new to load.
            _candidateHash = null;
            _lastSeenHash = hash;
            _lastFailure = null;
            return false;
        }

        if (_lastSeenHash is not null && hash.AsSpan().SequenceEqual(_lastSeenHash))
        {
            // The same broken content as last time: already reported.
            _candidateHash = null;
            return false;
        }

        if (!confirmed)
        {
            var now = _time.GetTimestamp();
            if (_candidateHash is null || !hash.AsSpan().SequenceEqual(_candidateHash))
            {
                // New content: read it again once the debounce interval has passed, and load it only if it is the same.
                _candidateHash = hash;
                _candidateAt = now;
                ScheduleCheck(_debounce);
                return false;
            }

            var waited = _time.GetElapsedTime(_candidateAt, now);
            if (waited < _debounce)
            {
                ScheduleCheck(_debounce - waited);
                return false;
            }
        }

        _candidateHash = null;
        _lastSeenHash = hash;
        var result = _load(bytes, FilePath);
        if (!result.Success)
        {
            Fail(result);
            return false;
        }

        var previous = _snapshot;
        var current = new PolicySnapshot(result.Policy, previous.Generation + 1);
        _appliedHash = hash;
        _snapshot = current;
        _lastFailure = null;
        Raise(Reloaded, new PolicyReloadedEventArgs(previous, current, result.Diagnostics));
        return true;
    }

    // Called under _gate with a read that failed: a missing file is reported once; another failure is retried a few
    // times first, since a writer may hold the file (Windows sharing violations).
    private bool Unreadable(ReadOutcome outcome, PolicyLoadResult failure)
    {
        _lastSeenHash = null;
        if (outcome == ReadOutcome.Missing)
        {
            _readRetries = 0;
            if (!_missingReported)
            {
                _missingReported = true;
                Fail(PolicyBytes.Unreadable(FilePath, "the policy file does not exist (deleted, renamed, or a link to nothing?); the last good policy stays in force"));
            }

            return false;
        }

        _missingReported = false;
        if (++_readRetries < MaxReadRetries)
        {
            ScheduleCheck(_debounce);
            return false;
        }

        _readRetries = 0;
        if (!_unreadableReported)
        {
            _unreadableReported = true;
            Fail(failure);
        }

        return false;
    }

    private void Fail(PolicyLoadResult failure)
    {
        _lastFailure = failure;
        Raise(ReloadFailed, new PolicyReloadFailedEventArgs(failure, _snapshot));
    }

    private void Raise<TArgs>(EventHandler<TArgs>? handlers, TArgs args)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList())
        {
            try
            {
                ((EventHandler<TArgs>)handler)(this, args);
            }
#pragma warning disable CA1031 // A subscriber's bug must not stop reloads or crash the timer thread; documented on the type.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }

    private enum ReadOutcome
    {
        Read,
        Changing,
        Missing,
        Unreadable,
    }

    // Reads the whole file, or says why not. The length compared is the opened file's, so a symbolic link is measured
    // at its target; a length that changes during the read means a writer is still at work.
    private ReadOutcome TryRead(out byte[] bytes, out PolicyLoadResult? failure)
    {
        bytes = [];
        failure = null;
        try
        {
            using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var before = stream.CanSeek ? stream.Length : -1;
            bytes = PolicyBytes.ReadBounded(stream);
            var after = stream.CanSeek ? stream.Length : -1;
            return before != after || (before >= 0 && bytes.Length != Math.Min(before, PolicyLoader.MaxFileBytes + 1L))
                ? ReadOutcome.Changing
                : ReadOutcome.Read;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            failure = PolicyBytes.Unreadable(FilePath, MissingFileMessage);
            return ReadOutcome.Missing;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            failure = PolicyBytes.Unreadable(FilePath, $"the policy file cannot be read: {ex.Message}");
            return ReadOutcome.Unreadable;
        }
    }
}
