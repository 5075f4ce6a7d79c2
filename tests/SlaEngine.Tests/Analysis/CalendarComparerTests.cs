using System.Collections.Generic;
using System.IO;
using System.Linq;
using FluentAssertions;
using NodaTime;
using SlaEngine.Analysis;
using SlaEngine.Calendars;
using Xunit;

namespace SlaEngine.Tests.Analysis;

/// <summary>
/// The calendar part of the diff reports exactly the local dates whose open intervals differ, each date asked of
/// the calendars one by one here: edits of weekly hours, overnight hours, zones, exceptions and holidays.
/// </summary>
public sealed class CalendarComparerTests
{
    private static readonly LocalDate From = new(2026, 12, 1);

    private static readonly PolicyDiffOptions Options = new() { From = From, CalendarMonths = 14 };

    public static TheoryData<string, string> Edits => new()
    {
        { "      mon-fri: \"08:00-18:00\"", "      mon-fri: \"08:00-17:00\"" },
        { "      mon-sun: \"18:00-08:00\"", "      mon-sun: \"19:00-07:00\"" },
        { "      mon-sun: \"18:00-08:00\"", "      mon-fri: \"18:00-08:00\"" },
        { "    zone: America/New_York\n    hours:\n      mon-fri: \"07:00-22:00\"", "    zone: America/Chicago\n    hours:\n      mon-fri: \"07:00-22:00\"" },
        { "    zone: America/New_York\n    hours:\n      mon-sun", "    zone: Europe/London\n    hours:\n      mon-sun" },
        { "      - { date: 2026-12-24, hours: \"08:00-12:00\" }", "      - { date: 2026-12-24, hours: \"08:00-13:00\" }\n      - { date: 2027-12-24, hours: \"08:00-12:00\" }" },
        { "      - { yearly: \"12-25\", name: Christmas Day }\n      - { yearly: \"01-01\", name: New Year's Day }\n  oncall", "      - { yearly: \"12-26\", name: Boxing Day }\n      - { yearly: \"01-01\", name: New Year's Day }\n  oncall" },
        { "      - { set: us-federal }", "      - { set: us-federal }\n      - { easter: -2, name: Good Friday }" },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Every_date_whose_open_intervals_differ_is_reported_and_no_other(string from, string to)
    {
        var reference = File.ReadAllText(TestFiles.ReferencePolicyPath);
        var old = PolicyDiffTests.Load(reference, "old.yaml");
        var @new = PolicyDiffTests.Load(PolicyDiffTests.Edit(reference, from, to), "new.yaml");

        var result = PolicyDiff.Compare(old, @new, Options);

        foreach (var calendar in old.Calendars)
        {
            var other = @new.Calendars.Single(c => c.Id == calendar.Id);
            var expected = new List<LocalDate>();
            var closedBefore = new HashSet<LocalDate>();
            var closedAfter = new HashSet<LocalDate>();
            for (var date = From; date < From.PlusMonths(14); date = date.PlusDays(1))
            {
                var before = DayIntervals(calendar, date);
                var after = DayIntervals(other, date);
                if (!before.SequenceEqual(after))
                {
                    expected.Add(date);
                    if (before.Length == 0)
                    {
                        closedBefore.Add(date);
                    }

                    if (after.Length == 0)
                    {
                        closedAfter.Add(date);
                    }
                }
            }

            var reported = result.CalendarDifferences.Where(d => d.CalendarId == calendar.Id).ToList();
            reported.SelectMany(d => d.Dates).Order().Should().Equal(expected, $"calendar {calendar.Id}");
            foreach (var d in reported)
            {
                d.Dates.All(closedBefore.Contains).Should().Be(d.OldHours == "closed", $"'{d.OldHours}' on {calendar.Id}");
                d.Dates.All(closedAfter.Contains).Should().Be(d.NewHours == "closed", $"'{d.NewHours}' on {calendar.Id}");
            }
        }

        result.CalendarDifferences.Should().NotBeEmpty("each edit changes some date's open hours");
    }

    [Fact]
    public void Calendars_compared_over_no_months_report_no_dates()
    {
        var reference = File.ReadAllText(TestFiles.ReferencePolicyPath);
        var old = PolicyDiffTests.Load(reference, "old.yaml");
        var @new = PolicyDiffTests.Load(PolicyDiffTests.Edit(reference, "      mon-fri: \"08:00-18:00\"", "      mon-fri: \"08:00-17:00\""), "new.yaml");

        PolicyDiff.Compare(old, @new, Options with { CalendarMonths = 0 }).CalendarDifferences.Should().BeEmpty();
    }

    private static Interval[] DayIntervals(BusinessCalendar calendar, LocalDate date) =>
        [.. calendar.OpenIntervals(date.AtStartOfDayInZone(calendar.Zone).ToInstant(), date.PlusDays(1).AtStartOfDayInZone(calendar.Zone).ToInstant())];
}
