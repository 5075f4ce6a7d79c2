using System;
using System.Globalization;
using System.Text;

namespace SlaEngine.Replay;

/// <summary>
/// One shard of a history: the tickets whose stable hash modulo <see cref="Count"/> is <see cref="Index"/>. The hash
/// is 64-bit FNV-1a over the UTF-8 bytes of the ticket value, so every machine and every run agrees on it.
/// </summary>
public readonly record struct SimulationShard
{
    /// <summary>Creates a shard.</summary>
    /// <param name="index">The shard's index, 0 to <paramref name="count"/> − 1.</param>
    /// <param name="count">How many shards the history is split into (at least 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is not in [0, count) or count is below 1.</exception>
    public SimulationShard(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        Index = index;
        Count = count;
    }

    /// <summary>The shard's index.</summary>
    public int Index { get; }

    /// <summary>How many shards there are.</summary>
    public int Count { get; }

    /// <summary>Parses <c>i/n</c>.</summary>
    /// <param name="text">The text, such as <c>3/8</c>.</param>
    /// <param name="shard">The shard.</param>
    /// <returns>Whether the text is a shard with 0 ≤ i &lt; n.</returns>
    public static bool TryParse(string? text, out SimulationShard shard)
    {
        shard = default;
        var slash = text?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (slash < 0
            || !int.TryParse(text.AsSpan(0, slash), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(text.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            || count < 1 || index >= count)
        {
            return false;
        }

        shard = new SimulationShard(index, count);
        return true;
    }

    /// <summary>Whether a ticket belongs to this shard.</summary>
    /// <param name="ticket">The ticket value.</param>
    /// <returns>True when its hash modulo <see cref="Count"/> is <see cref="Index"/>.</returns>
    public bool Holds(string ticket) => Count <= 1 || (int)(Hash(ticket) % (ulong)Count) == Index;

    /// <summary>The stable 64-bit FNV-1a hash of a ticket value's UTF-8 bytes.</summary>
    /// <param name="ticket">The ticket value.</param>
    /// <returns>The hash.</returns>
    public static ulong Hash(string ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        Span<byte> small = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(ticket) <= small.Length ? small[..Encoding.UTF8.GetBytes(ticket, small)] : Encoding.UTF8.GetBytes(ticket);
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>The shard as <c>i/n</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
