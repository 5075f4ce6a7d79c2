namespace SlaEngine.Reporting;

/// <summary>The formats of a policy diff report.</summary>
public enum DiffReportFormat
{
    /// <summary>Plain text for a terminal.</summary>
    Text = 0,

    /// <summary>JSON for programs.</summary>
    Json = 1,

    /// <summary>Markdown for a pull-request comment.</summary>
    Markdown = 2,
}
