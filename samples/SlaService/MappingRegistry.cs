using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using SlaEngine.DependencyInjection;
using SlaEngine.Diagnostics;
using SlaEngine.Ingestion;

namespace SlaEngine.Samples.SlaService;

/// <summary>
/// The mappings of the mappings folder (<c>*.mapping.yaml</c>), by id, loaded against the policy in force and loaded
/// again when the policy changes. A mapping that does not load against a new policy keeps its previous version, and
/// its diagnostics are reported by <c>/health</c>. Thread-safe.
/// </summary>
public sealed class MappingRegistry
{
    private readonly IPolicySource _policies;
    private readonly string _folder;
    private readonly object _reload = new();
    private State _state;

    /// <summary>Loads every mapping of the folder against the policy in force.</summary>
    /// <param name="policies">The policy source.</param>
    /// <param name="folder">The mappings folder.</param>
    /// <exception cref="InvalidOperationException">The folder holds no mapping, or a mapping does not load: the service must not start on it.</exception>
    public MappingRegistry(IPolicySource policies, string folder)
    {
        _policies = policies;
        _folder = folder;
        var snapshot = policies.Snapshot;
        var (mappings, failures) = Load(snapshot.Policy, ImmutableDictionary<string, PayloadMapping>.Empty);
        if (!failures.IsEmpty)
        {
            throw new InvalidOperationException($"A mapping does not load against the policy:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
        }

        if (mappings.IsEmpty)
        {
            throw new InvalidOperationException($"No *.mapping.yaml file in '{folder}'.");
        }

        _state = new State(snapshot.Generation, mappings, failures);
    }

    /// <summary>The ids of the mappings served.</summary>
    public IEnumerable<string> Names => Current.Mappings.Keys.Order(StringComparer.Ordinal);

    /// <summary>Diagnostics of mappings that did not load against the policy in force (they keep their previous version).</summary>
    public ImmutableArray<Diagnostic> Failures => Current.Failures;

    /// <summary>The mapping with an id, loaded against the policy in force, or null.</summary>
    /// <param name="name">The mapping's id.</param>
    /// <returns>The mapping, or null.</returns>
    public PayloadMapping? Find(string name) => Current.Mappings.GetValueOrDefault(name);

    private State Current
    {
        get
        {
            var state = _state;
            if (state.Generation == _policies.Generation)
            {
                return state;
            }

            lock (_reload)
            {
                var snapshot = _policies.Snapshot;
                if (_state.Generation != snapshot.Generation)
                {
                    var (mappings, failures) = Load(snapshot.Policy, _state.Mappings);
                    _state = new State(snapshot.Generation, mappings, failures);
                }

                return _state;
            }
        }
    }

    private (ImmutableDictionary<string, PayloadMapping> Mappings, ImmutableArray<Diagnostic> Failures) Load(Policy policy, ImmutableDictionary<string, PayloadMapping> previous)
    {
        var mappings = ImmutableDictionary.CreateBuilder<string, PayloadMapping>(StringComparer.Ordinal);
        var failures = ImmutableArray.CreateBuilder<Diagnostic>();
        var files = Directory.Exists(_folder) ? Directory.GetFiles(_folder, "*.mapping.yaml").Order(StringComparer.Ordinal).ToArray() : [];
        foreach (var file in files)
        {
            var loaded = MappingLoader.LoadFile(file, policy);
            if (loaded.Success)
            {
                mappings[loaded.Mapping.Name] = loaded.Mapping;
                continue;
            }

            failures.AddRange(loaded.Errors);
            var name = Path.GetFileName(file)[..^".mapping.yaml".Length];
            if (previous.TryGetValue(name, out var kept))
            {
                mappings[name] = kept;
            }
        }

        return (mappings.ToImmutable(), failures.ToImmutable());
    }

    private sealed record State(long Generation, ImmutableDictionary<string, PayloadMapping> Mappings, ImmutableArray<Diagnostic> Failures);
}
