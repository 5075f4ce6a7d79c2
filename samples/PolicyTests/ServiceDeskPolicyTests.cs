using System;
using System.Collections.Generic;
using System.IO;
using SlaEngine.Testing;
using Xunit;

namespace SlaEngine.Samples.PolicyTests;

/// <summary>Each case of <c>samples/policies/service-desk.tests.yaml</c> as its own xunit test.</summary>
public sealed class ServiceDeskPolicyTests
{
    public static IEnumerable<object[]> Cases =>
        PolicyTestCases.FromSuite(Path.Combine(AppContext.BaseDirectory, "policies", "service-desk.tests.yaml"));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Policy_case_passes(string suite, string name) => PolicyTestCases.Run(suite, name);
}
