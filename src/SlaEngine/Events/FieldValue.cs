using System;
using System.Collections.Immutable;
using NodaTime;

namespace SlaEngine.Events;

/// <summary>What a <see cref="FieldValue"/> holds.</summary>
internal enum FieldValueKind : byte
{
    /// <summary>No value: an optional field that is not present (the language's <c>null</c>).</summary>
    Absent = 0,
    Bool,
    Int,
    String,
    Enum,
    Team,
    Instant,
    StringList,
}

/// <summary>
/// One field value of an event, stored by slot so that compiled predicates read it without boxing or lookups.
/// </summary>
/// <remarks>
/// <see cref="Number"/> holds bools (0/1), ints, enum ordinals (declaration order) and team ordinals
/// (declaration order in <c>teams:</c>); <see cref="Text"/> holds strings, the enum value's text and the team id;
/// <see cref="List"/> holds string lists. Values are immutable and never null-referenced for their kind.
/// </remarks>
internal readonly struct FieldValue : IEquatable<FieldValue>
{
    private readonly object? _ref;

    private FieldValue(FieldValueKind kind, long number, Instant instant, object? reference)
    {
        Kind = kind;
        Number = number;
        Instant = instant;
        _ref = reference;
    }

    public static FieldValue Absent => default;

    public FieldValueKind Kind { get; }

    public bool IsAbsent => Kind == FieldValueKind.Absent;

    public long Number { get; }

    public Instant Instant { get; }

    public bool Bool => Number != 0;

    /// <summary>The string, the enum value's text or the team id; null for other kinds.</summary>
    public string? Text => _ref as string;

    /// <summary>The list of a <c>list&lt;string&gt;</c> value; empty for other kinds.</summary>
    public ImmutableArray<string> List => _ref is ImmutableArray<string>[] box ? box[0] : ImmutableArray<string>.Empty;

    public static FieldValue FromBool(bool value) => new(FieldValueKind.Bool, value ? 1 : 0, default, null);

    public static FieldValue FromInt(long value) => new(FieldValueKind.Int, value, default, null);

    public static FieldValue FromString(string value) =>
        new(FieldValueKind.String, 0, default, value ?? throw new ArgumentNullException(nameof(value)));

    public static FieldValue FromEnum(int ordinal, string text) => new(FieldValueKind.Enum, ordinal, default, text);

    public static FieldValue FromTeam(int ordinal, string id) => new(FieldValueKind.Team, ordinal, default, id);

    public static FieldValue FromInstant(Instant value) => new(FieldValueKind.Instant, 0, value, null);

    public static FieldValue FromList(ImmutableArray<string> value) =>
        new(FieldValueKind.StringList, value.IsDefault ? 0 : value.Length, default, new[] { value.IsDefault ? [] : value });

    /// <summary>The value as a plain CLR object for callers: bool, long, string, Instant, IReadOnlyList&lt;string&gt; or null.</summary>
    public object? ToObject() => Kind switch
    {
        FieldValueKind.Bool => Bool,
        FieldValueKind.Int => Number,
        FieldValueKind.String or FieldValueKind.Enum or FieldValueKind.Team => Text,
        FieldValueKind.Instant => Instant,
        FieldValueKind.StringList => List,
        _ => null,
    };

    public bool Equals(FieldValue other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        return Kind switch
        {
            FieldValueKind.Absent => true,
            FieldValueKind.Bool or FieldValueKind.Int or FieldValueKind.Enum or FieldValueKind.Team => Number == other.Number,
            FieldValueKind.String => string.Equals(Text, other.Text, StringComparison.Ordinal),
            FieldValueKind.Instant => Instant == other.Instant,
            FieldValueKind.StringList => List.AsSpan().SequenceEqual(other.List.AsSpan()),
            _ => false,
        };
    }

    public override bool Equals(object? obj) => obj is FieldValue other && Equals(other);

    public override int GetHashCode() => Kind switch
    {
        FieldValueKind.String => HashCode.Combine(Kind, Text),
        FieldValueKind.Instant => HashCode.Combine(Kind, Instant),
        FieldValueKind.StringList => HashCode.Combine(Kind, List.Length),
        _ => HashCode.Combine(Kind, Number),
    };

    public override string ToString() => ToObject()?.ToString() ?? "null";
}
