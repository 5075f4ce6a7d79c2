using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;

namespace SlaEngine.DependencyInjection;

/// <summary>
/// A policy source that follows a policy file: when the file changes it is read again, and a policy that loads takes
/// effect atomically; one that does not (an error, a half-written file, a missing file) never does — the last good
/// policy stays in force and the failure is exposed through <see cref="LastFailure"/> and <see cref="ReloadFailed"/>.
/// </summary>
/// <remarks>
/// <para>
/// Changes are noticed two ways. A <see cref="FileSystemWatcher"/> on the file's directory reports changes to the
/// file (and to Kubernetes-style <c>..data</c> symbolic links beside it); the file is read once it has been quiet for the
/// debounce interval, so a file written in several steps is read whole. A poll, every poll interval, catches what
/// notifications miss (network shares, a full notification buffer, a watcher that could not be created). Each read
/// compares the file's last-write time and length before and after reading (a file still being written is read again
/// after the debounce interval) and its SHA-256 content hash with the content last read, so an unchanged file — or an
/// unchanged broken file — is neither reloaded nor reported twice, and an editor that saves by replacing the file is
/// handled like any other write.
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
    private static readonly TimeSpan MaxTimerInterval = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly object _gate = new();
    private readonly string _directory;
    private readonly string _fileName;
    private readonly TimeSpan _debounce;
    private readonly Timer _debounceTimer;
    private readonly Timer? _pollTimer;
    private readonly FileSystemWatcher? _watcher;

    private volatile PolicySnapshot _snapshot;
    private volatile PolicyLoadResult? _lastFailure;
    private int _pending;
    private int _disposed;

    // Guarded by _gate.
    private byte[] _appliedHash;
    private byte[]? _lastSeenHash;
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
    /// <param name="reloadDebounce">How long the file must stay quiet after a change before it is read; zero or more.</param>
    /// <param name="pollInterval">How often the file is checked without a notification; <see cref="Timeout.InfiniteTimeSpan"/> for never.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A timing is negative, zero (poll interval) or longer than about 49 days.</exception>
    /// <exception cref="PolicyLoadException">The file is missing, unreadable, or its policy has errors; the exception carries every diagnostic.</exception>
    public FilePolicySource(string path, TimeSpan reloadDebounce, TimeSpan pollInterval)
        : this(path, reloadDebounce, pollInterval, watch: true)
    {
    }

    /// <summary>Loads and follows a policy file; <paramref name="watch"/> false leaves only polling, as when a watcher cannot be created.</summary>
    internal FilePolicySource(string path, TimeSpan reloadDebounce, TimeSpan pollInterval, bool watch)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
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

        _debounceTimer = new Timer(static s => ((FilePolicySource)s!).RequestReload(), this, Timeout.Infinite, Timeout.Infinite);

        // Watch before the first read, so that a change made while reading is not lost (the hash makes a repeat
        // harmless). A notification arriving before the first policy is in force waits for the gate.
        _watcher = watch ? TryWatch() : null;
        lock (_gate)
        {
            var (initial, hash) = ReadInitial();
            if (!initial.Success)
            {
                _disposed = 1;
                _watcher?.Dispose();
                _debounceTimer.Dispose();
                throw new PolicyLoadException(initial.Diagnostics);
            }

            _snapshot = new PolicySnapshot(initial.Policy, 1);
            _appliedHash = hash!;
            _lastSeenHash = hash;
        }

        if (pollInterval != Timeout.InfiniteTimeSpan)
        {
            _pollTimer = new Timer(static s => ((FilePolicySource)s!).RequestReload(), this, pollInterval, pollInterval);
        }

        if (Volatile.Read(ref _pending) != 0)
        {
            ScheduleDebounced();
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
    /// Set when a changed file fails to load, is missing or cannot be read; cleared when a new policy loads, or when the
    /// file again holds the policy in force.
    /// </remarks>
    public PolicyLoadResult? LastFailure => _lastFailure;

    /// <inheritdoc />
    public event EventHandler<PolicyReloadedEventArgs>? Reloaded;

    /// <inheritdoc />
    public event EventHandler<PolicyReloadFailedEventArgs>? ReloadFailed;

    /// <summary>
    /// Reads the file now, as a change notification would once the debounce interval has passed, and returns once the
    /// outcome (and its event) is in force. Useful for a host's own reload signal and in tests.
    /// </summary>
    /// <returns>
    /// True when a new policy took effect; false when the file is unchanged, failed to load (see
    /// <see cref="LastFailure"/>), or was still being written (it is read again after the debounce interval).
    /// </returns>
    /// <exception cref="ObjectDisposedException">The source is disposed.</exception>
    public bool ReloadNow()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        lock (_gate)
        {
            return ReloadOnce();
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
        _pollTimer?.Dispose();
        _debounceTimer.Dispose();
    }

    private FileSystemWatcher? TryWatch()
    {
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(_directory)
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

    private void OnChanged(object sender, FileSystemEventArgs e)
    {
        if (Concerns(e.Name))
        {
            ScheduleDebounced();
        }
    }

    private void OnRenamed(object sender, RenamedEventArgs e)
    {
        if (Concerns(e.Name) || Concerns(e.OldName))
        {
            ScheduleDebounced();
        }
    }

    private void OnWatcherError(object sender, ErrorEventArgs e) => ScheduleDebounced();

    // The file itself, or the "..data" link a Kubernetes ConfigMap volume swaps to publish a new version.
    private bool Concerns(string? name) =>
        name is not null && (string.Equals(name, _fileName, StringComparison.Ordinal) || name.StartsWith("..", StringComparison.Ordinal));

    private void ScheduleDebounced()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        try
        {
            _debounceTimer.Change(_debounce, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: nothing to reload.
        }
    }

    private void RequestReload()
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
                    ReloadOnce();
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
        var read = TryRead(out var bytes);
        if (read is not null)
        {
            return (read, null);
        }

        return (PolicyLoader.Load(bytes!, FilePath), SHA256.HashData(bytes!));
    }

    // Called under _gate. Returns whether a new policy took effect.
    private bool ReloadOnce()
    {
        var before = Stamp();
        if (before is null)
        {
            _readRetries = 0;
            _lastSeenHash = null;
            if (!_missingReported)
            {
                _missingReported = true;
                Fail(PolicyBytes.Unreadable(FilePath, "the policy file does not exist (deleted or renamed?); the last good policy stays in force"));
            }

            return false;
        }

        _missingReported = false;
        var unreadable = TryRead(out var bytes);
        if (unreadable is not null)
        {
            // A writer may hold the file (Windows sharing violations): try again shortly, report only if it persists.
            if (++_readRetries < MaxReadRetries)
            {
                ScheduleDebounced();
                return false;
            }

            _readRetries = 0;
            _lastSeenHash = null;
            if (!_unreadableReported)
            {
                _unreadableReported = true;
                Fail(unreadable);
            }

            return false;
        }

        _readRetries = 0;
        _unreadableReported = false;
        if (Stamp() != before || bytes!.Length != Math.Min(before.Value.Length, PolicyLoader.MaxFileBytes + 1))
        {
            // Still being written: read it again once it is quiet, never half of it.
            ScheduleDebounced();
            return false;
        }

        var hash = SHA256.HashData(bytes);
        if (hash.AsSpan().SequenceEqual(_appliedHash))
        {
            // Back to (or still at) the policy in force: healthy again, nothing new to load.
            _lastSeenHash = hash;
            _lastFailure = null;
            return false;
        }

        if (_lastSeenHash is not null && hash.AsSpan().SequenceEqual(_lastSeenHash))
        {
            // The same broken content as last time: already reported.
            return false;
        }

        _lastSeenHash = hash;
        var result = PolicyLoader.Load(bytes, FilePath);
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

    private (long Length, DateTime LastWriteUtc)? Stamp()
    {
        try
        {
            var info = new FileInfo(FilePath);
            return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Returns null and the bytes when read, or the failure.
    private PolicyLoadResult? TryRead(out byte[]? bytes)
    {
        bytes = null;
        try
        {
            using var stream = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            bytes = PolicyBytes.ReadBounded(stream);
            return null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return PolicyBytes.Unreadable(FilePath, "the policy file does not exist");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return PolicyBytes.Unreadable(FilePath, $"the policy file cannot be read: {ex.Message}");
        }
    }
}
