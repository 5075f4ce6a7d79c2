using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace SlaEngine.Events;

/// <summary>
/// The shape of the change events a policy reads: its declared fields (in declaration order) and the team ids
/// a <see cref="FieldType.Team"/> field may hold. Immutable and thread-safe.
/// </summary>
public sealed class EventSchema
{
    /// <summary>The name of the built-in instant that every clock starts from.</summary>
    public const string SubmittedAtField = "submittedAt";

    /// <summary>The name of the built-in optional string echoed back in decisions.</summary>
    public const string IdField = "id";

    private readonly FrozenDictionary<string, FieldDefinition> _byName;
    private readonly FrozenDictionary<string, int> _teamOrdinals;

    internal EventSchema(IEnumerable<FieldDefinition> fields, IEnumerable<string> teamIds)
    {
        Fields = [.. fields.OrderBy(f => f.Slot)];
        TeamIds = [.. teamIds];
        _byName = Fields.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < TeamIds.Length; i++)
        {
            ordinals.TryAdd(TeamIds[i], i);
        }

        _teamOrdinals = ordinals.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The declared fields, in declaration order.</summary>
    public ImmutableArray<FieldDefinition> Fields { get; }

    /// <summary>The declared team ids, in declaration order.</summary>
    public ImmutableArray<string> TeamIds { get; }

    /// <summary>Finds a declared field by name.</summary>
    /// <param name="name">The field name (case-sensitive).</param>
    /// <returns>The field, or null when the policy does not declare it.</returns>
    public FieldDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The declaration-order ordinal of a team id, or -1 when no such team is declared.</summary>
    /// <param name="teamId">The team id.</param>
    /// <returns>The ordinal, or -1.</returns>
    public int TeamOrdinal(string teamId) => _teamOrdinals.TryGetValue(teamId, out var ordinal) ? ordinal : -1;
}
