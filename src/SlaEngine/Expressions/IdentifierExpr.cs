using SlaEngine.Events;

namespace SlaEngine.Expressions;

/// <summary>
/// A reference to a field of the event or a built-in (<c>submittedAt</c>, <c>id</c>). After checking,
/// <see cref="Field"/> is the declared field, or null for a built-in.
/// </summary>
internal sealed record IdentifierExpr(int Start, int Length, string Name) : Expr(Start, Length)
{
    /// <summary>The declared field; null for a built-in or before checking.</summary>
    public FieldDefinition? Field { get; init; }

    /// <summary>Whether this is the built-in <c>submittedAt</c> (always present).</summary>
    public bool IsSubmittedAt => Field is null && Name == EventSchema.SubmittedAtField;

    /// <summary>Whether this is the built-in <c>id</c> (optional string).</summary>
    public bool IsId => Field is null && Name == EventSchema.IdField;
}
