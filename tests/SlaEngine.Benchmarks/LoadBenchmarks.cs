using BenchmarkDotNet.Attributes;
using SlaEngine.Benchmarks.Synthetic;
using SlaEngine.Diagnostics;
using SlaEngine.Loading;
using SlaEngine.Yaml;
using SlaEngine.Model;

namespace SlaEngine.Benchmarks;

/// <summary>
/// Where a policy load's time goes, per phase, for the synthetic policy: YAML text to the positioned node tree, the
/// tree to the declared model (including parsing and checking every expression), the model to a compiled
/// <see cref="Policy"/> (closures, calendars, rule index), and the whole load with and without the linter.
/// The comparison with RulesEngine's compile is in <see cref="VersusRulesEngineBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private string _yaml = null!;
    private YamlNode _tree = null!;
    private PolicyDecl _declared = null!;

    /// <summary>The number of rules.</summary>
    [Params(100, 1000)]
    public int N { get; set; }

    /// <summary>Generates the text and the intermediate forms.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _yaml = SyntheticPolicy.Yaml(N);
        _tree = (YamlNode)Yaml_tree()!;
        _declared = (PolicyDecl)Read_model()!;
    }

    /// <summary>YAML text to the positioned node tree.</summary>
    [Benchmark]
    public object? Yaml_tree() => YamlTreeReader.Read(_yaml, "synthetic.yaml", new DiagnosticBag());

    /// <summary>Node tree to the declared model: keys, durations, calendars, and every expression parsed and checked.</summary>
    [Benchmark]
    public object? Read_model() => PolicyReader.Read(_tree, "synthetic.yaml", _yaml, new DiagnosticBag());

    /// <summary>Declared model to the compiled policy.</summary>
    [Benchmark]
    public Policy? Compile() => PolicyCompiler.Compile(_declared, new DiagnosticBag());

    /// <summary>The whole load, linter off.</summary>
    [Benchmark(Baseline = true)]
    public Policy Load_without_lint() => SyntheticPolicy.Load(_yaml);

    /// <summary>The whole load with the linter (the default of <see cref="PolicyLoader.Load(string, string)"/>).</summary>
    [Benchmark]
    public Policy? Load_with_lint() => PolicyLoader.Load(_yaml, "synthetic.yaml").Policy;
}
