namespace SlaEngine.Testing;

/// <summary>What a <see cref="PolicyTestCase"/> feeds the policy.</summary>
public enum PolicyTestCaseKind
{
    /// <summary>One change event (<c>event:</c>), evaluated into a decision.</summary>
    Event = 0,

    /// <summary>A ticket's timeline (<c>timeline:</c>), tracked and asked where its clocks stand <c>at</c> an instant.</summary>
    Timeline = 1,
}
