using System.Collections.Immutable;

namespace SlaEngine.Replay;

/// <summary>The figures of one policy over a replayed history.</summary>
public sealed class PolicyAttainment
{
    internal PolicyAttainment(string policyId, string? policyVersion, ImmutableArray<ClockAttainment> clocks, ImmutableArray<EscalationCount> escalations)
    {
        PolicyId = policyId;
        PolicyVersion = policyVersion;
        Clocks = clocks;
        Escalations = escalations;
    }

    /// <summary>The policy's id.</summary>
    public string PolicyId { get; }

    /// <summary>The policy's version, if it declares one.</summary>
    public string? PolicyVersion { get; }

    /// <summary>One entry per clock of the policy, in its declaration order (with zero figures when no ticket had a target for it).</summary>
    public ImmutableArray<ClockAttainment> Clocks { get; }

    /// <summary>Escalation steps fired, per notified team and clock (ordinal order).</summary>
    public ImmutableArray<EscalationCount> Escalations { get; }

    /// <summary>The figures of a clock, or null when the policy has no such clock.</summary>
    /// <param name="clock">The clock's name.</param>
    /// <returns>The figures, or null.</returns>
    public ClockAttainment? ClockFor(string clock)
    {
        foreach (var c in Clocks)
        {
            if (c.Clock == clock)
            {
                return c;
            }
        }

        return null;
    }
}
