using System;
using System.Threading;
using Microsoft.Extensions.Time.Testing;

namespace SlaEngine.Tests.DependencyInjection;

/// <summary>
/// Lets a watched policy source settle on a fake clock. The file-system watcher is real: its notifications of a write
/// arrive on its own thread, possibly after the test advanced the clock past the poll (a chunked write or a rename
/// gives several), and each one rightly restarts the debounce. So a test that wants "once quiet, the newest version is
/// in force" advances the clock by a poll and a debounce at a time until it is. What it waits for is the watcher
/// thread's delivery, so the bound is in real time, generous for a loaded machine; the fake clock decides everything
/// else.
/// </summary>
internal static class FakeTimeSettling
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>Advances by <paramref name="poll"/> then <paramref name="debounce"/> until <paramref name="settled"/> holds.</summary>
    /// <returns>Whether it held within the bound.</returns>
    public static bool AdvanceUntil(this FakeTimeProvider time, TimeSpan poll, TimeSpan debounce, Func<bool> settled) =>
        SpinWait.SpinUntil(
            () =>
            {
                time.Advance(poll);
                time.Advance(debounce);
                return settled();
            },
            Bound);
}
