using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using FluentAssertions;
using NodaTime;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests;

public sealed class PolicyLoadOptionsTests
{
    private const string Yaml = """
        format: slaengine/v1
        policy: zones
        version: "1"
        calendars:
          office:
            zone: Office/Pinned
            hours:
              mon-sun: "09:00-17:00"
        teams:
          ops: { name: Operations, calendar: office }
        fields:
          category: { type: enum, values: [a] }
        clocks:
          fix: {}
        rules:
          - id: all
            when: category == "a"
            owner: ops
            targets:
              fix: { within: 1h }
        """;

    [Fact]
    public void A_zone_id_is_resolved_in_the_provider_the_options_give()
    {
        var options = new PolicyLoadOptions { ZoneProvider = new PinnedZones("Office/Pinned", Offset.FromHours(3)) };

        var policy = PolicyLoader.Load(Yaml, "zones.yaml", options).Policy!;
        var decision = policy.Evaluate(policy.NewEvent(Instant.FromUtc(2026, 11, 24, 5, 0)).Set("category", "a").Build());

        // 05:00 UTC is 08:00 at +03:00: the office opens at 09:00 local (06:00 UTC), so one open hour ends at 07:00 UTC.
        decision.DeadlineFor("fix")!.Due.Should().Be(Instant.FromUtc(2026, 11, 24, 7, 0));
    }

    [Fact]
    public void A_zone_id_unknown_to_the_provider_is_a_positioned_error_with_the_providers_ids_as_suggestions()
    {
        var options = new PolicyLoadOptions { ZoneProvider = new PinnedZones("Office/Pinned", Offset.FromHours(3)) };

        var result = PolicyLoader.Load(Yaml.Replace("Office/Pinned", "Office/Pined", StringComparison.Ordinal), "zones.yaml", options);

        result.Success.Should().BeFalse();
        var error = result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.UnknownZone).Subject;
        error.Location.Should().Be(new SourceLocation("zones.yaml", 6, 11));
        error.Message.Should().Contain("Office/Pinned");
    }

    [Fact]
    public void By_default_zone_ids_are_resolved_in_the_bundled_tz_database()
    {
        var result = PolicyLoader.Load(Yaml, "zones.yaml");

        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.UnknownZone && d.Message.Contains("Office/Pinned", StringComparison.Ordinal));
        PolicyLoadOptions.Default.ZoneProvider.Should().BeSameAs(DateTimeZoneProviders.Tzdb);
    }

    /// <summary>A provider with one fixed-offset zone under a made-up id, as a pinned tz database would be.</summary>
    private sealed class PinnedZones(string id, Offset offset) : IDateTimeZoneProvider
    {
        private readonly DateTimeZone _zone = DateTimeZone.ForOffset(offset);

        public string VersionId => "pinned-1";

        public ReadOnlyCollection<string> Ids => new List<string> { id }.AsReadOnly();

        public DateTimeZone this[string id1] => GetZoneOrNull(id1) ?? throw new NodaTime.TimeZones.DateTimeZoneNotFoundException(id1);

        public DateTimeZone GetSystemDefault() => _zone;

        public DateTimeZone? GetZoneOrNull(string id1) => id1 == id ? _zone : null;
    }
}
