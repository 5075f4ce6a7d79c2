using SlaEngine.Events;

namespace SlaEngine.Expressions;

/// <summary>
/// The static type of an expression: a kind, for enums the field whose values it ranges over, for lists the item type.
/// </summary>
/// <param name="Kind">The kind.</param>
/// <param name="EnumField">For <see cref="TypeKind.Enum"/>, the field that declares the values.</param>
/// <param name="Item">For <see cref="TypeKind.List"/>, the item type (<see cref="Error"/> for an empty list literal).</param>
internal sealed record ExprType(TypeKind Kind, FieldDefinition? EnumField = null, ExprType? Item = null)
{
    public static readonly ExprType Error = new(TypeKind.Error);
    public static readonly ExprType Null = new(TypeKind.Null);
    public static readonly ExprType Bool = new(TypeKind.Bool);
    public static readonly ExprType Int = new(TypeKind.Int);
    public static readonly ExprType String = new(TypeKind.String);
    public static readonly ExprType Team = new(TypeKind.Team);
    public static readonly ExprType Instant = new(TypeKind.Instant);
    public static readonly ExprType StringList = new(TypeKind.List, null, String);

    public bool IsError => Kind == TypeKind.Error;

    public static ExprType EnumOf(FieldDefinition field) => new(TypeKind.Enum, field);

    public static ExprType ListOf(ExprType item) => new(TypeKind.List, null, item);

    /// <summary>Whether two types are the same (enums: of the same field; lists: of the same item type).</summary>
    public bool SameAs(ExprType other) =>
        Kind == other.Kind
        && ReferenceEquals(EnumField, other.EnumField)
        && (Item is null ? other.Item is null : other.Item is not null && Item.SameAs(other.Item));

    /// <summary>The name used in messages: <c>bool</c>, <c>enum 'priority'</c>, <c>list&lt;string&gt;</c>.</summary>
    public override string ToString() => Kind switch
    {
        TypeKind.Null => "null",
        TypeKind.Bool => "bool",
        TypeKind.Int => "int",
        TypeKind.String => "string",
        TypeKind.Enum => $"enum '{EnumField?.Name}'",
        TypeKind.Team => "team",
        TypeKind.Instant => "instant",
        TypeKind.List => Item is null || Item.IsError ? "list" : $"list<{Item}>",
        _ => "unknown",
    };

    public static ExprType FromField(FieldDefinition field) => field.Type switch
    {
        FieldType.String => String,
        FieldType.Int => Int,
        FieldType.Bool => Bool,
        FieldType.Enum => EnumOf(field),
        FieldType.Team => Team,
        FieldType.Instant => Instant,
        FieldType.StringList => StringList,
        _ => Error,
    };
}
