using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SlaEngine.Benchmarks.Synthetic;
using SlaEngine.Evaluation;
using SlaEngine.Events;

namespace SlaEngine.Benchmarks;

/// <summary>
/// The comparisons the performance targets are stated against, in one run so that the ratios hold on a noisy
/// machine: the synthetic policy of N rules in SlaEngine, in Microsoft RulesEngine (one workflow,
/// <c>ExecuteAllRulesAsync</c>), as an array of hand-written delegates scanned in order, and as the same delegates
/// keyed by category (the floor, the baseline of each category). Every matching and decision benchmark goes through
/// the same fixed 1,000 events and reports the time per event. The "vs RulesEngine" column is RulesEngine's time
/// divided by the row's (how many times faster the row is).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(VersusConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class VersusRulesEngineBenchmarks
{
    private const int EventCount = 1000;

    private Policy _policy = null!;
    private string _yaml = null!;
    private SyntheticRule[] _rules = null!;
    private SyntheticEvent[] _events = null!;
    private ChangeEvent[] _changeEvents = null!;
    private RulesEngine.RulesEngine _rulesEngine = null!;
    private Baselines _baselines = null!;

    /// <summary>The number of rules.</summary>
    [Params(10, 100, 1000)]
    public int N { get; set; }

    /// <summary>Generates the policy, loads it into both engines, builds the baselines and reads the events.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _rules = SyntheticPolicy.Rules(N);
        _yaml = SyntheticPolicy.Yaml(N);
        _policy = SyntheticPolicy.Load(_yaml);
        _events = SyntheticEvent.Generate(EventCount);
        _changeEvents = [.. _events.Select(e => e.ToChangeEvent(_policy))];
        _rulesEngine = RulesEngineWorkflow.Compile(_rules, _events[0]);
        _baselines = new Baselines(_rules);
        Check();
    }

    // All four must agree on every event, or the comparison means nothing.
    private void Check()
    {
        for (var i = 0; i < EventCount; i++)
        {
            var expected = _baselines.CountLinear(_events[i]);
            var sla = RuleWalk.CountMatches(_policy, _changeEvents[i]);
            var indexed = _baselines.CountIndexed(_events[i]);
            var re = RulesEngineWorkflow.CountMatches(_rulesEngine, _events[i]);
            var first = RuleWalk.FirstMatch(_policy, _changeEvents[i])?.Index ?? -1;
            if (sla != expected || indexed != expected || re != expected || first != _baselines.FirstLinear(_events[i]))
            {
                throw new System.InvalidOperationException($"event {i}: SlaEngine {sla}, RulesEngine {re}, linear {expected}, indexed {indexed} matches");
            }
        }
    }

    // ---- Matching: all matches ----

    /// <summary>SlaEngine: all matching rules (candidates from the enum index, compiled closures).</summary>
    [Benchmark(OperationsPerInvoke = EventCount), BenchmarkCategory("Match all")]
    public int SlaEngine_match_all()
    {
        var total = 0;
        foreach (var e in _changeEvents)
        {
            total += RuleWalk.CountMatches(_policy, e);
        }

        return total;
    }

    /// <summary>RulesEngine: <c>ExecuteAllRulesAsync</c> of the workflow, counting the successes.</summary>
    [Benchmark(OperationsPerInvoke = EventCount), BenchmarkCategory("Match all")]
    public int RulesEngine_match_all()
    {
        var total = 0;
        foreach (var e in _events)
        {
            total += RulesEngineWorkflow.CountMatches(_rulesEngine, e);
        }

        return total;
    }

    /// <summary>Hand-written delegates scanned in order.</summary>
    [Benchmark(OperationsPerInvoke = EventCount), BenchmarkCategory("Match all")]
    public int Linear_delegates_match_all()
    {
        var total = 0;
        foreach (var e in _events)
        {
            total += _baselines.CountLinear(e);
        }

        return total;
    }

    /// <summary>The floor: hand-written delegates keyed by category.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = EventCount), BenchmarkCategory("Match all")]
    public int Indexed_delegates_match_all()
    {
        var total = 0;
        foreach (var e in _events)
        {
            total += _baselines.CountIndexed(e);
        }

        return total;
    }

    // ---- Matching: first match ----

    /// <summary>SlaEngine: the first matching rule.</summary>
    [Benchmark(OperationsPerInvoke = EventCount), BenchmarkCategory("First match")]
    public int SlaEngine_first_match()
    {
        var total = 0;
        foreach (var e in _changeEvents)
        {
            total += RuleWalk.FirstMatch(_policy, e)?.Index ?? -1;
        }

        return total;
    }

    /// <summary>Hand-written delegates scanned in order, stopping at the first match.</summary>
    [Benchmark(OperationsPerInvoke = EventCount), BenchmarkCategory("First match")]
    public int Linear_delegates_first_match()
    {
        var total = 0;
        foreach (var e in _events)
        {
            total += _baselines.FirstLinear(e);
        }

        return total;
    }

    /// <summary>The floor: the event's category bucket, stopping at the first match.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = EventCount), BenchmarkCategory("First match")]
    public int Indexed_delegates_first_match()
    {
        var total = 0;
        foreach (var e in _events)
        {
            total += _baselines.FirstIndexed(e);
        }

        return total;
    }

    // ---- Full decision ----

    /// <summary>SlaEngine: the full decision (owner, RACI, deadlines on the calendars, escalation schedule, trace).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = EventCount), BenchmarkCategory("Decision")]
    public int SlaEngine_decision()
    {
        var total = 0;
        foreach (var e in _changeEvents)
        {
            total += _policy.Evaluate(e).Deadlines.Length;
        }

        return total;
    }

    /// <summary>RulesEngine's share of the same question: which rules match (it computes no deadlines).</summary>
    [Benchmark(OperationsPerInvoke = EventCount), BenchmarkCategory("Decision")]
    public int RulesEngine_decision_matching_only() => RulesEngine_match_all();

    // ---- Load ----

    /// <summary>SlaEngine: parse + check + compile the policy from YAML text (lint off, as the service loads it).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Load")]
    public Policy SlaEngine_load() => SyntheticPolicy.Load(_yaml);

    /// <summary>RulesEngine: build the engine and compile the workflow (it compiles on the first execution).</summary>
    [Benchmark, BenchmarkCategory("Load")]
    public RulesEngine.RulesEngine RulesEngine_compile() => RulesEngineWorkflow.Compile(_rules, _events[0]);
}
