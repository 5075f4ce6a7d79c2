using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using FluentAssertions;
using NodaTime;
using SlaEngine.Diagnostics;
using Xunit;

namespace SlaEngine.Tests.Reliability;

/// <summary>
/// Policies far larger than any department writes: each loads (or is refused) on time, with memory that grows with the
/// file and not beyond, and the policy that loads still decides correctly.
/// </summary>
public sealed class LargePolicyTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private const string Header = """
        format: slaengine/v1
        policy: large
        calendars:
          office: { zone: Europe/Paris, hours: { mon-fri: "09:00-17:00" } }
        teams:
          ops: { name: Ops, calendar: office }
          other: { name: Other, calendar: office }
        fields:
          category: { type: string }
          priority: { type: enum, values: [P1, P2, P3] }
        clocks:
          resolve: {}

        """;

    private static (PolicyLoadResult Result, long Allocated, TimeSpan Took) Measure(string yaml) =>
        Hostile.WithinTime(Limit, () =>
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var result = PolicyLoader.Load(yaml, "large.yaml");
            return (result, GC.GetAllocatedBytesForCurrentThread() - before, watch.Elapsed);
        }, () => "a large policy");

    [Fact]
    public void Ten_thousand_rules_load_and_the_last_one_still_decides()
    {
        var sb = new StringBuilder(Header).Append("rules:\n");
        for (var i = 0; i < 10_000; i++)
        {
            sb.Append("  - id: r").Append(i).Append("\n    when: category == \"c").Append(i).Append("\" && priority <= \"P2\"\n    owner: ops\n    targets: { resolve: { within: ").Append(1 + (i % 50)).Append("h } }\n");
        }

        var yaml = sb.ToString();
        var (result, allocated, _) = Measure(yaml);

        result.Errors.Should().BeEmpty();
        allocated.Should().BeLessThan(400L * yaml.Length, "memory grows with the file ({0} bytes), not with rules squared", yaml.Length);
        var policy = result.Policy!;
        policy.Rules.Should().HaveCount(10_000);
        var e = policy.NewEvent(Instant.FromUtc(2026, 11, 24, 9, 0)).Set("category", "c9999").Set("priority", "P1").Build();
        var decision = policy.Evaluate(e);
        decision.Owner.Should().Be("ops");
        decision.Trace.Matched.Should().Equal("r9999");
        decision.Deadlines.Single().Target.Should().Be("50h");
    }

    [Fact]
    public void A_thousand_calendars_load_and_each_team_counts_on_its_own()
    {
        var zones = new[] { "Europe/Paris", "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Apia", "America/New_York", "UTC" };
        var sb = new StringBuilder("format: slaengine/v1\npolicy: many-calendars\ncalendars:\n");
        for (var i = 0; i < 1_000; i++)
        {
            sb.Append("  cal-").Append(i).Append(": { zone: ").Append(zones[i % zones.Length]).Append(", hours: { mon-fri: \"").Append(10 + (i % 6)).Append(":00-17:00\" }, holidays: [2026-12-25] }\n");
        }

        sb.Append("teams:\n");
        for (var i = 0; i < 1_000; i++)
        {
            sb.Append("  t-").Append(i).Append(": { name: T").Append(i).Append(", calendar: cal-").Append(i).Append(" }\n");
        }

        sb.Append("fields:\n  team: { type: team }\nclocks:\n  resolve: {}\nrules:\n  - id: by-team\n    when: team != \"t-0\"\n    owner: t-999\n    targets: { resolve: { within: 1h } }\n");
        var yaml = sb.ToString();

        var (result, allocated, _) = Measure(yaml);

        result.Errors.Should().BeEmpty();
        allocated.Should().BeLessThan(256L * 1024 * 1024, "a thousand calendars are built lazily, chunk by chunk");
        var policy = result.Policy!;
        policy.Calendars.Should().HaveCountGreaterThanOrEqualTo(1_000);
        var decision = policy.Evaluate(policy.NewEvent(Instant.FromUtc(2026, 11, 24, 12, 0)).Set("team", "t-5").Build());
        decision.Deadlines.Single().CalendarId.Should().Be("cal-999");
    }

    [Fact]
    public void A_holiday_list_of_a_hundred_thousand_dates_loads_and_is_honoured()
    {
        var sb = new StringBuilder("format: slaengine/v1\npolicy: holidays\ncalendars:\n  office:\n    zone: Europe/Paris\n    hours: { mon-fri: \"09:00-17:00\" }\n    holidays:\n");
        var first = new LocalDate(1800, 1, 1);
        for (var i = 0; i < 100_000; i++)
        {
            // Every date but Mondays and Tuesdays for 100,000 dates: the calendar is open two days a week.
            var date = first.PlusDays(i);
            if (date.DayOfWeek is not (IsoDayOfWeek.Monday or IsoDayOfWeek.Tuesday))
            {
                sb.Append("      - ").Append(date.ToString("uuuu-MM-dd", null)).Append('\n');
            }
        }

        sb.Append("teams:\n  ops: { name: Ops, calendar: office }\nfields: {}\nclocks:\n  resolve: {}\nrules:\n  - id: all\n    owner: ops\n    targets: { resolve: { within: 9h } }\n");
        var yaml = sb.ToString();

        var (result, allocated, _) = Measure(yaml);

        result.Errors.Should().BeEmpty();
        allocated.Should().BeLessThan(200L * yaml.Length, "memory grows with the file ({0} bytes)", yaml.Length);
        var policy = result.Policy!;

        // Wednesday 2026-11-25 09:00 Paris: Wednesday to Sunday are holidays, Monday gives 8h, Tuesday the last hour.
        var due = policy.Evaluate(policy.NewEvent(Instant.FromUtc(2026, 11, 25, 8, 0)).Build()).Deadlines.Single().Due;
        due.Should().Be(Instant.FromUtc(2026, 12, 1, 9, 0));
    }

    [Fact]
    public void A_one_mebibyte_description_loads_and_a_one_mebibyte_condition_is_refused_briefly()
    {
        var big = new string('x', 1024 * 1024);
        var description = Header.Replace("policy: large\n", $"policy: large\ndescription: \"{big}\"\n", StringComparison.Ordinal) + "rules:\n  - id: all\n    owner: ops\n";

        var (loaded, allocated, _) = Measure(description);

        loaded.Errors.Should().BeEmpty();
        loaded.Policy!.Description.Should().HaveLength(big.Length);
        allocated.Should().BeLessThan(64L * big.Length, "a big scalar is copied a bounded number of times");

        var condition = Header + $"rules:\n  - id: all\n    when: category == \"{big}\"\n    owner: ops\n";
        var (refused, _, _) = Measure(condition);

        Hostile.ShouldBeWellFormed(refused);
        refused.Errors.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.ExpressionTooLong);
        refused.Diagnostics.Should().OnlyContain(d => d.Message.Length < 1_000, "a message quotes a bounded part of the input");
    }

    [Theory]
    [InlineData("policy")]
    [InlineData("team-id")]
    [InlineData("zone")]
    [InlineData("hours")]
    [InlineData("duration")]
    [InlineData("enum")]
    public void A_one_mebibyte_scalar_where_a_short_one_belongs_gives_a_brief_positioned_diagnostic(string where)
    {
        var big = new string('a', 1024 * 1024);
        var yaml = where switch
        {
            "policy" => Header.Replace("policy: large", "policy: " + big, StringComparison.Ordinal),
            "team-id" => Header.Replace("  other: {", $"  {big}: {{", StringComparison.Ordinal),
            "zone" => Header.Replace("zone: Europe/Paris", "zone: " + big, StringComparison.Ordinal),
            "hours" => Header.Replace("\"09:00-17:00\"", big, StringComparison.Ordinal),
            "duration" => Header + $"rules:\n  - id: all\n    owner: ops\n    targets: {{ resolve: {{ within: {big} }} }}\n",
            _ => Header.Replace("values: [P1, P2, P3]", $"values: [P1, {big}]", StringComparison.Ordinal),
        } + (where == "duration" ? string.Empty : "rules:\n  - id: all\n    owner: ops\n    when: priority == \"P1\"\n");

        var (result, allocated, _) = Measure(yaml);

        Hostile.ShouldBeWellFormed(result, where);
        if (where is not ("enum" or "policy" or "team-id"))
        {
            // A long id is still an id ([a-z0-9][a-z0-9-]*): only the others are wrong.
            result.Errors.Should().NotBeEmpty();
        }

        result.Diagnostics.Should().OnlyContain(d => d.Message.Length < 1_000, "a message quotes a bounded part of the input");
        allocated.Should().BeLessThan(64L * big.Length);
    }
}
