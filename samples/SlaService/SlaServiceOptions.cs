using System;

namespace SlaEngine.Samples.SlaService;

/// <summary>The service's settings, from the <c>SlaService</c> section of <c>appsettings.json</c>.</summary>
public sealed class SlaServiceOptions
{
    /// <summary>The SQLite database file; created, with its folder, on first start.</summary>
    public string DatabasePath { get; set; } = "data/sla.db";

    /// <summary>The policy file, watched: an edit that loads takes effect, one that does not leaves the last good policy.</summary>
    public string PolicyPath { get; set; } = "policies/contact-center.yaml";

    /// <summary>The folder of <c>*.mapping.yaml</c> files; <c>POST /webhooks/{mapping}</c> names one by its id.</summary>
    public string MappingsFolder { get; set; } = "mappings";

    /// <summary>Where due escalations are POSTed, once each.</summary>
    public Uri NotificationUrl { get; set; } = new("http://127.0.0.1:5099/escalations");

    /// <summary>The wait before the first retry of a failed delivery; it doubles with each failure.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two tries of a delivery.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one delivery may take before it counts as failed.</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
