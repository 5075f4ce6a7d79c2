namespace SlaEngine.Diagnostics;

/// <content>The codes of clock lifecycles.</content>
public static partial class DiagnosticCodes
{
    /// <summary><c>changed(field)</c> is used outside a clock's conditions (it is true at a timeline entry, and a rule's <c>when</c> judges one event).</summary>
    public const string ChangedOutsideClock = "SLA2031";
}
