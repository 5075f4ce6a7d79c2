using System;
using System.Collections.Generic;
using System.Linq;
using FluentAssertions;
using Xunit;

namespace SlaEngine.Tests.Conventions;

/// <summary>
/// Pins the library's layers: each namespace may use only itself and the namespaces above it in <see cref="Layers"/>,
/// so that the data flow (text, YAML, calendars, events, expressions, model, policies, evaluation, tracking, analysis,
/// loading, …, reporting) is also the dependency order. The compiled <c>Policy</c> facade and the loader at the root
/// namespace forward to every layer and are the one exception.
/// </summary>
public sealed class LayeringTests
{
    /// <summary>The library's namespaces, top to bottom.</summary>
    internal static readonly string[] Layers =
    [
        "SlaEngine.Diagnostics",
        "SlaEngine.Text",
        "SlaEngine.Yaml",
        "SlaEngine.Calendars",
        "SlaEngine.Events",
        "SlaEngine.Expressions",
        "SlaEngine.Expressions.Logic",
        "SlaEngine.Model",
        "SlaEngine.Policies",
        "SlaEngine.Evaluation",
        "SlaEngine.Tracking",
        "SlaEngine.Analysis",
        "SlaEngine.Loading",
        "SlaEngine.Ingestion",
        "SlaEngine.Testing",
        "SlaEngine.Replay",
        "SlaEngine.Reporting",
        "SlaEngine.DependencyInjection",
    ];

    private const string Root = "SlaEngine";

    [Fact]
    public void Every_namespace_of_the_library_is_a_layer_or_the_root()
    {
        var namespaces = LayerScanner.Edges(typeof(Policy).Assembly.Location)
            .SelectMany(e => new[] { e.FromNamespace, e.ToNamespace })
            .Distinct()
            .Where(ns => ns != Root && !Layers.Contains(ns));

        namespaces.Should().BeEmpty("every folder of the library is a layer listed in order");
    }

    [Fact]
    public void No_type_uses_a_layer_below_its_own()
    {
        var violations = Violations(LayerScanner.Edges(typeof(Policy).Assembly.Location), Layers, Root);

        violations.Should().BeEmpty("each layer may use only itself and the layers above it");
    }

    [Fact]
    public void The_declared_model_holds_no_yaml_nodes()
    {
        // Model sits below Yaml and may use it by the layer order; it does not, so that a policy's declared shape does
        // not depend on how it was read (the reader keeps positions as locations and position maps).
        var edges = LayerScanner.Edges(typeof(Policy).Assembly.Location)
            .Where(e => e.FromNamespace == "SlaEngine.Model" && e.ToNamespace == "SlaEngine.Yaml");

        edges.Should().BeEmpty();
    }

    [Fact]
    public void The_check_reports_a_reference_to_a_layer_below()
    {
        string[] layers = [typeof(Fixture.Upper.UsesLower).Namespace!, typeof(Fixture.Lower.Used).Namespace!];

        var violations = Violations(LayerScanner.Edges(typeof(LayeringTests).Assembly.Location), layers, root: null);

        violations.Should().ContainSingle().Which.Should().Be($"{typeof(Fixture.Upper.UsesLower).FullName} -> {typeof(Fixture.Lower.Used).FullName}");
    }

    [Fact]
    public void The_check_allows_a_reference_to_a_layer_above()
    {
        string[] layers = [typeof(Fixture.Lower.Used).Namespace!, typeof(Fixture.Upper.UsesLower).Namespace!];

        var violations = Violations(LayerScanner.Edges(typeof(LayeringTests).Assembly.Location), layers, root: null);

        violations.Should().BeEmpty();
    }

    /// <summary>The edges that go from a layer to one below it, as "From -> To" type names.</summary>
    internal static List<string> Violations(IEnumerable<TypeEdge> edges, IReadOnlyList<string> layers, string? root)
    {
        var rank = layers.Select((ns, i) => (ns, i)).ToDictionary(p => p.ns, p => p.i, StringComparer.Ordinal);
        return edges
            .Where(e => e.FromNamespace != root && e.ToNamespace != root)
            .Where(e => rank.TryGetValue(e.FromNamespace, out var from) && rank.TryGetValue(e.ToNamespace, out var to) && to > from)
            .Select(e => $"{e.FromType} -> {e.ToType}")
            .ToList();
    }
}
