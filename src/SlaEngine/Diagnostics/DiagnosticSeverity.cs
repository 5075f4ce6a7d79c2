namespace SlaEngine.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Information only: nothing is wrong (for example, an event field the policy does not read).</summary>
    Info = 0,

    /// <summary>Something is probably wrong but the policy still loads (lint findings).</summary>
    Warning = 1,

    /// <summary>The policy, event or test file is not accepted.</summary>
    Error = 2,
}
