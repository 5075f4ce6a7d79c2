using System.Collections.Immutable;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Yaml;

namespace SlaEngine.Testing;

/// <summary>
/// One named case of a <see cref="PolicyTestSuite"/>: an event (or a ticket timeline and an instant) and what the
/// policy is expected to decide about it, or the validation error it is expected to refuse it with. Immutable.
/// </summary>
/// <remarks>
/// Events are kept as written and read against the policy's schema only when the case runs, so a case can expect
/// an event to be refused (<c>expect: { error: priority }</c>).
/// </remarks>
public sealed class PolicyTestCase
{
    internal PolicyTestCase(
        string name,
        PolicyTestCaseKind kind,
        SourceLocation location,
        YamlMapping? eventFields,
        ImmutableArray<TimelineStep> timeline,
        Instant? at,
        string? expectedError,
        ImmutableArray<ExpectationCheck> checks,
        ImmutableArray<ExpectationReader.ClockReference> clockReferences)
    {
        ClockReferences = clockReferences;
        Name = name;
        Kind = kind;
        Location = location;
        EventFields = eventFields;
        Timeline = timeline;
        At = at;
        ExpectedError = expectedError;
        Checks = checks;
        var keys = ImmutableArray.CreateBuilder<string>(checks.Length);
        foreach (var check in checks)
        {
            keys.Add(check.Key);
        }

        ExpectedKeys = keys.MoveToImmutable();
    }

    /// <summary>The case's name, a sentence saying what it shows.</summary>
    public string Name { get; }

    /// <summary>Whether the case is an event or a timeline.</summary>
    public PolicyTestCaseKind Kind { get; }

    /// <summary>Where the case starts in the test file (its <c>- name:</c> entry).</summary>
    public SourceLocation Location { get; }

    /// <summary>For a timeline case, the instant its clocks are asked about; null for an event case.</summary>
    public Instant? At { get; }

    /// <summary>The text the refusal message must contain when the case expects the event to be refused; otherwise null.</summary>
    public string? ExpectedError { get; }

    /// <summary>Whether the case expects the event (or a timeline entry) to be refused.</summary>
    public bool ExpectsError => ExpectedError is not null;

    /// <summary>The compared keys in the order written, such as <c>owner</c>, <c>deadlines.resolve</c>, <c>clocks.resolve.state</c>.</summary>
    public ImmutableArray<string> ExpectedKeys { get; }

    /// <summary>Returns the case's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    internal YamlMapping? EventFields { get; }

    internal ImmutableArray<TimelineStep> Timeline { get; }

    internal ImmutableArray<ExpectationCheck> Checks { get; }

    /// <summary>The clock names the expectations refer to, checked against the policy when the case runs.</summary>
    internal ImmutableArray<ExpectationReader.ClockReference> ClockReferences { get; }
}

/// <summary>
/// One entry of a timeline case: when, and the fields it sets, as written. <see cref="At"/> is null when the text is
/// not an instant with an offset: like an event's invalid <c>submittedAt</c>, that is a refusal when the case runs
/// (so a case can expect it with <c>error</c>), not a fault of the test file.
/// </summary>
internal sealed record TimelineStep(Instant? At, string AtText, YamlMapping Set, SourceLocation Location, string? AtError)
{
    /// <summary>The entry's id (a repeated delivery of the same id is ignored), or null.</summary>
    public string? Id { get; init; }
}
