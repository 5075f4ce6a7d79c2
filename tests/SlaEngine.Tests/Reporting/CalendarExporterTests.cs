using System;
using System.Linq;
using System.Text;
using FluentAssertions;
using Ical.Net.CalendarComponents;
using NodaTime;
using SlaEngine.Reporting;
using Xunit;

namespace SlaEngine.Tests.Reporting;

public sealed class CalendarExporterTests
{
    private const string PolicyText = """
        format: slaengine/v1
        policy: export-example
        holidaySets:
          uk:
            - { yearly: "12-25", name: Christmas Day }
            - { yearly: "12-26", name: Boxing Day }
            - { easter: -2, name: Good Friday }
        calendars:
          london:
            zone: Europe/London
            hours: { mon-fri: "08:00-18:00" }
            holidays:
              - { set: uk, observed: next-weekday }
            exceptions:
              - { date: 2027-12-24, hours: "08:00-12:00" }
              - { date: 2027-12-31, hours: closed }
          new-york:
            zone: America/New_York
            hours: { mon-fri: "09:00-17:00" }
            holidays:
              - { yearly: "12-25", name: "Christmas Day; the office, closed", observed: nearest-weekday }
        teams:
          cc: { calendar: london }
          it: { calendar: new-york }
        fields:
          emergency: { type: bool, default: false }
        rules:
          - id: r
            owner: cc
            informed: [it]
        freezes:
          - id: year-end
            zone: America/New_York
            from: 2027-12-20T00:00
            to: 2028-01-04T00:00
            unless: emergency
        """;

    private static readonly Instant Stamp = Instant.FromUtc(2027, 11, 1, 0, 0);

    private static Policy Policy => PolicyLoader.Load(PolicyText, "export.yaml").Policy!;

    private static string Export(LocalDate from, LocalDate to) => CalendarExporter.Export(Policy, new CalendarExportOptions(from, to, Stamp));

    private static Ical.Net.Calendar ReadBack(string text) => Ical.Net.Calendar.Load(text)!;

    [Fact]
    public void Every_holiday_observed_day_exception_and_freeze_is_an_event_read_back_by_Ical_Net()
    {
        var calendar = ReadBack(Export(new LocalDate(2027, 12, 20), new LocalDate(2027, 12, 31)));

        var events = calendar.Events.Select(e => (e.Summary, Start: e.DtStart!.Date, e.IsAllDay)).ToList();
        events.Should().Equal(
            ("Hours 08:00-12:00 [london]", new DateOnly(2027, 12, 24), true),
            ("Christmas Day [london]", new DateOnly(2027, 12, 25), true),
            ("Boxing Day [london]", new DateOnly(2027, 12, 26), true),
            ("Christmas Day (observed) [london]", new DateOnly(2027, 12, 27), true),
            ("Boxing Day (observed) [london]", new DateOnly(2027, 12, 28), true),
            ("Closed [london]", new DateOnly(2027, 12, 31), true),
            ("Christmas Day; the office, closed (observed) [new-york]", new DateOnly(2027, 12, 24), true),
            ("Christmas Day; the office, closed [new-york]", new DateOnly(2027, 12, 25), true),
            ("Change freeze year-end", new DateOnly(2027, 12, 20), false));
        calendar.Events.Select(e => e.Uid).Should().OnlyHaveUniqueItems();
        calendar.Events.Where(e => e.IsAllDay).Should().OnlyContain(e => e.DtEnd!.Date == e.DtStart!.Date.AddDays(1));
        calendar.Events.Should().OnlyContain(e => e.DtStamp!.AsUtc == new DateTime(2027, 11, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void An_observed_day_names_its_actual_date_and_an_exception_its_hours()
    {
        var calendar = ReadBack(Export(new LocalDate(2027, 12, 20), new LocalDate(2027, 12, 31)));

        calendar.Events.Single(e => e.Summary == "Boxing Day (observed) [london]").Description
            .Should().Contain("falls on Sunday 2027-12-26 and is observed on Tuesday 2027-12-28");
        calendar.Events.Single(e => e.Summary == "Hours 08:00-12:00 [london]").Description.Should().Contain("open 08:00-12:00 local time");
        calendar.Events.Single(e => e.Summary == "Closed [london]").Description.Should().Contain("closed all day");
    }

    [Fact]
    public void A_freeze_is_a_timed_event_in_its_zone_with_its_exemption()
    {
        var text = Export(new LocalDate(2027, 12, 20), new LocalDate(2027, 12, 31));
        var freeze = ReadBack(text).Events.Single(e => e.Summary == "Change freeze year-end");

        freeze.DtStart!.TzId.Should().Be("America/New_York");
        (freeze.DtStart.Hour, freeze.DtEnd!.Date).Should().Be((0, new DateOnly(2028, 1, 4)));
        freeze.DtStart.AsUtc.Should().Be(new DateTime(2027, 12, 20, 5, 0, 0, DateTimeKind.Utc));
        freeze.Description.Should().Contain("Exempt when: emergency");
        text.Should().Contain("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n").And.Contain("TZOFFSETTO:-0500\r\n");
    }

    [Fact]
    public void The_file_has_CRLF_lines_of_at_most_75_octets_folded_without_splitting_a_character()
    {
        var policy = PolicyLoader.Load(PolicyText.Replace("name: Boxing Day", "name: " + string.Concat(Enumerable.Repeat("Sainte-Étienne é ", 12)), StringComparison.Ordinal), "export.yaml").Policy!;
        var text = CalendarExporter.Export(policy, new CalendarExportOptions(new LocalDate(2027, 12, 20), new LocalDate(2027, 12, 31), Stamp));
        var bytes = Encoding.UTF8.GetBytes(text);

        text.Should().EndWith("END:VCALENDAR\r\n");
        text.Replace("\r\n", string.Empty, StringComparison.Ordinal).Should().NotContain("\n").And.NotContain("\r");
        var lines = text.Split("\r\n");
        lines.Should().OnlyContain(l => Encoding.UTF8.GetByteCount(l) <= 75);
        lines.Should().Contain(l => l.StartsWith(' '), "the long summary is folded");
        Encoding.UTF8.GetString(bytes).Should().Be(text, "no line break falls inside a UTF-8 sequence");
        ReadBack(text).Events.Select(e => e.Summary).Should().Contain(s => s.StartsWith("Sainte-Étienne é Sainte-Étienne", StringComparison.Ordinal) && s.EndsWith("[london]", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_policy_and_stamp_give_the_same_bytes()
    {
        Export(new LocalDate(2027, 1, 1), new LocalDate(2028, 12, 31)).Should().Be(Export(new LocalDate(2027, 1, 1), new LocalDate(2028, 12, 31)));
    }

    [Fact]
    public void The_calendars_can_be_chosen_and_the_freezes_left_out()
    {
        var text = CalendarExporter.Export(Policy, new CalendarExportOptions(new LocalDate(2027, 12, 20), new LocalDate(2027, 12, 31), Stamp)
        {
            Calendars = ["new-york"],
            IncludeFreezes = false,
        });

        ReadBack(text).Events.Select(e => e.Summary).Should().Equal("Christmas Day; the office, closed (observed) [new-york]", "Christmas Day; the office, closed [new-york]");
        text.Should().NotContain("VTIMEZONE");
    }

    [Fact]
    public void An_unknown_calendar_or_a_reversed_range_is_refused()
    {
        var unknown = () => CalendarExporter.Export(Policy, new CalendarExportOptions(new LocalDate(2027, 1, 1), new LocalDate(2027, 12, 31), Stamp) { Calendars = ["paris"] });
        var reversed = () => CalendarExporter.Export(Policy, new CalendarExportOptions(new LocalDate(2027, 12, 31), new LocalDate(2027, 1, 1), Stamp));

        unknown.Should().Throw<ArgumentException>().WithMessage("*no calendar 'paris'*london, new-york*");
        reversed.Should().Throw<ArgumentException>().WithMessage("*ends (2027-01-01) before it starts (2027-12-31)*");
    }
}
