using System.Collections.Generic;

namespace SlaEngine.Events;

internal enum RawKind
{
    Null,

    /// <summary>A JSON string or a quoted YAML scalar: text only.</summary>
    String,

    /// <summary>A plain YAML scalar: text that may also read as a number or a boolean.</summary>
    Plain,
    Integer,
    Bool,
    List,

    /// <summary>A CLR object given from C# (Instant, DateTimeOffset, …).</summary>
    Clr,

    /// <summary>Something no field type takes (a JSON object, a fraction, a number too large).</summary>
    Other,
}

/// <summary>An event value before validation, from JSON, YAML or C#, with what it was.</summary>
internal readonly record struct RawValue(RawKind Kind, string? Text, long Number, IReadOnlyList<RawValue>? Items, object? Clr, string Describe)
{
    public static RawValue Null => new(RawKind.Null, null, 0, null, null, "null");

    public static RawValue String(string text) => new(RawKind.String, text, 0, null, null, "a string");

    public static RawValue Plain(string text) => new(RawKind.Plain, text, 0, null, null, "a value");

    public static RawValue Integer(long number) => new(RawKind.Integer, null, number, null, null, "a number");

    public static RawValue Boolean(bool value) => new(RawKind.Bool, value ? "true" : "false", value ? 1 : 0, null, null, "a boolean");

    public static RawValue List(IReadOnlyList<RawValue> items) => new(RawKind.List, null, 0, items, null, "a list");

    public static RawValue Object(object value) => new(RawKind.Clr, null, 0, null, value, value.GetType().Name);

    public static RawValue Unsupported(string what) => new(RawKind.Other, null, 0, null, null, what);
}
