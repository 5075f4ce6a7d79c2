namespace SlaEngine.Events;

/// <summary>The type of a change-event field, as declared under <c>fields:</c> in a policy.</summary>
public enum FieldType
{
    /// <summary>Free text (<c>string</c>).</summary>
    String = 0,

    /// <summary>A whole number (<c>int</c>, 64-bit).</summary>
    Int = 1,

    /// <summary><c>true</c> or <c>false</c> (<c>bool</c>).</summary>
    Bool = 2,

    /// <summary>One of a declared list of values, ordered by declaration (<c>enum</c>: <c>"P1" &lt; "P2"</c>).</summary>
    Enum = 3,

    /// <summary>The id of a team declared in the policy (<c>team</c>).</summary>
    Team = 4,

    /// <summary>A point in time with an offset or <c>Z</c> (<c>instant</c>).</summary>
    Instant = 5,

    /// <summary>A list of strings (<c>list&lt;string&gt;</c>).</summary>
    StringList = 6,
}
