namespace SlaEngine.Tracking;

/// <summary>
/// Where one clock's cycles stand after a timeline entry: the number of the current (or last) cycle, the entry that
/// started it, whether it is active and paused, how the last one ended, and the ended cycles so far.
/// </summary>
internal readonly record struct ClockPhase(int Cycle, int StartEntry, bool Active, bool Paused, CycleEnd? LastEnd, EndedCycles? Ended)
{
    public static readonly ClockPhase Initial = new(0, 0, false, false, null, null);
}

/// <summary>An immutable list of ended cycles, newest first, shared by every later entry.</summary>
internal sealed class EndedCycles(ClockCycle cycle, EndedCycles? earlier)
{
    public ClockCycle Cycle { get; } = cycle;

    public EndedCycles? Earlier { get; } = earlier;

    public int Count { get; } = (earlier?.Count ?? 0) + 1;

    public static System.Collections.Immutable.ImmutableArray<ClockCycle> ToArray(EndedCycles? list)
    {
        if (list is null)
        {
            return [];
        }

        var array = new ClockCycle[list.Count];
        for (var node = list; node is not null; node = node.Earlier)
        {
            array[node.Count - 1] = node.Cycle;
        }

        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(array);
    }
}
