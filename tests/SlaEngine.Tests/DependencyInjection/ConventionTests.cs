using System.Linq;
using FluentAssertions;
using SlaEngine.DependencyInjection;
using Xunit;

namespace SlaEngine.Tests.DependencyInjection;

public sealed class ConventionTests
{
    [Fact]
    public void Every_public_class_of_the_embedding_namespace_is_sealed_or_static()
    {
        var classes = typeof(ISlaEvaluator).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(ISlaEvaluator).Namespace && t.IsClass);

        classes.Should().NotBeEmpty().And.OnlyContain(t => t.IsSealed);
    }

    [Fact]
    public void Only_the_documented_types_are_public()
    {
        var names = typeof(ISlaEvaluator).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(ISlaEvaluator).Namespace)
            .Select(t => t.Name);

        names.Should().BeEquivalentTo(
            "SlaEngineOptions", "ServiceCollectionExtensions", "IPolicySource", "PolicySnapshot", "PolicyReloadedEventArgs",
            "PolicyReloadFailedEventArgs", "FilePolicySource", "StaticPolicySource", "ISlaEvaluator", "SlaEvaluator", "SlaEngineHealthCheck");
    }
}
