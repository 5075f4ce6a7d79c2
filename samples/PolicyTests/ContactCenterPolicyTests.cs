using System;
using System.Collections.Generic;
using System.IO;
using SlaEngine.Testing;
using Xunit;

namespace SlaEngine.Samples.PolicyTests;

/// <summary>
/// Each case of <c>samples/policies/contact-center.tests.yaml</c> as its own xunit test: a failing case fails with
/// the expected value next to the actual one, and the test explorer shows the case's name.
/// </summary>
public sealed class ContactCenterPolicyTests
{
    // <snippet:xunit>
    public static IEnumerable<object[]> Cases =>
        PolicyTestCases.FromSuite(Path.Combine(AppContext.BaseDirectory, "policies", "contact-center.tests.yaml"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Policy_case_passes(string suite, string name) => PolicyTestCases.Run(suite, name);
    // </snippet:xunit>
}
