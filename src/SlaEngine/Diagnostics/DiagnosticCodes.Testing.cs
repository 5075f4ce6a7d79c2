namespace SlaEngine.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>
    /// A test case has the wrong shape: neither or both of <c>event</c> and <c>timeline</c>, a timeline without
    /// <c>at</c>, <c>clocks</c> expected of an event case, or <c>error</c> combined with other expectations.
    /// </summary>
    public const string InvalidTestCase = "SLA5001";

    /// <summary>An expected value in a test case's <c>expect</c> is malformed (an instant, duration, state, boolean or approval mode).</summary>
    public const string InvalidExpectation = "SLA5002";

    /// <summary>Two cases of one test file have the same name; names identify cases in output, filters and test explorers.</summary>
    public const string DuplicateTestName = "SLA5003";

    /// <summary>A timeline entry is malformed: no <c>at</c>, or a <c>set</c> that sets <c>submittedAt</c>.</summary>
    public const string InvalidTimelineEntry = "SLA5004";

    /// <summary>
    /// A case's event, or its timeline's first entry, is refused by the policy's event schema although the case does
    /// not expect an error (reported by <c>slaengine check</c> on a test suite, before any case runs).
    /// </summary>
    public const string TestEventRefused = "SLA5005";

    /// <summary>The policy a test suite names does not load: none of its cases can run.</summary>
    public const string TestedPolicyFailsToLoad = "SLA5006";
}
