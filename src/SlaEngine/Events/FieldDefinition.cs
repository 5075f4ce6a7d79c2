using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using SlaEngine.Diagnostics;

namespace SlaEngine.Events;

/// <summary>
/// A field of the change-event schema, as declared under <c>fields:</c>: its name, type, allowed values
/// and whether an event must carry it.
/// </summary>
public sealed class FieldDefinition
{
    private readonly Dictionary<string, int> _ordinals;

    internal FieldDefinition(
        string name,
        FieldType type,
        int slot,
        ImmutableArray<string> enumValues,
        bool isRequired,
        FieldValue defaultValue,
        SourceLocation location)
    {
        Name = name;
        Type = type;
        Slot = slot;
        EnumValues = enumValues.IsDefault ? [] : enumValues;
        IsRequired = isRequired;
        Default = defaultValue;
        Location = location;
        _ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < EnumValues.Length; i++)
        {
            _ordinals.TryAdd(EnumValues[i], i);
        }
    }

    /// <summary>The field's name, as events and rules spell it.</summary>
    public string Name { get; }

    /// <summary>The field's declared type.</summary>
    public FieldType Type { get; }

    /// <summary>For <see cref="FieldType.Enum"/>, the allowed values in declaration order (which is their order for comparisons); otherwise empty.</summary>
    public ImmutableArray<string> EnumValues { get; }

    /// <summary>Whether an event must carry this field (it has no <c>default</c> and is not <c>required: false</c>).</summary>
    public bool IsRequired { get; }

    /// <summary>Whether the field has a declared default, used when an event does not carry it.</summary>
    public bool HasDefault => !Default.IsAbsent;

    /// <summary>Where the field is declared in the policy file.</summary>
    public SourceLocation Location { get; }

    /// <summary>The index of the field's value in an event's value array.</summary>
    internal int Slot { get; }

    /// <summary>The declared default, or <see cref="FieldValue.Absent"/>.</summary>
    internal FieldValue Default { get; }

    /// <summary>The declaration-order ordinal of an enum value, or -1 when it is not one of the values.</summary>
    /// <param name="value">The enum value's text.</param>
    /// <returns>The ordinal, or -1.</returns>
    public int EnumOrdinal(string value) => _ordinals.TryGetValue(value, out var ordinal) ? ordinal : -1;
}
