using System;
using Microsoft.Extensions.Time.Testing;

namespace SlaEngine.Tests.DependencyInjection;

/// <summary>
/// Lets a watched policy source settle on a fake clock. The file-system watcher is real: its notification of a write
/// can arrive, on its own thread, after the test advanced the clock past the poll, and then rightly restarts the
/// debounce. So a test that wants "once quiet, the newest version is in force" advances the clock by a poll and a
/// debounce at a time until it is, a bounded number of times, instead of assuming one round is always enough.
/// </summary>
internal static class FakeTimeSettling
{
    /// <summary>Advances by <paramref name="poll"/> then <paramref name="debounce"/> until <paramref name="settled"/> holds, at most <paramref name="rounds"/> times.</summary>
    /// <returns>Whether it held.</returns>
    public static bool AdvanceUntil(this FakeTimeProvider time, TimeSpan poll, TimeSpan debounce, Func<bool> settled, int rounds = 10)
    {
        for (var round = 0; round < rounds; round++)
        {
            time.Advance(poll);
            time.Advance(debounce);
            if (settled())
            {
                return true;
            }
        }

        return settled();
    }
}
