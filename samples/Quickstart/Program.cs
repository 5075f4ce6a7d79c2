// Quickstart: load the reference policy, decide a handful of realistic change events and print who owns each,
// who approves, when it is due (in New York time), the next escalation and what is wrong with it.
//
//   dotnet run --project samples/Quickstart                      the reference policy
//   dotnet run --project samples/Quickstart -- my-policy.yaml    another policy with the same fields
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using SlaEngine;
using SlaEngine.Evaluation;
using SlaEngine.Events;
using SlaEngine.Samples.Quickstart;

var policyPath = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "policies", "contact-center.yaml");

// <snippet:evaluate>
Policy policy = PolicyLoader.LoadFileOrThrow(policyPath);

ChangeEvent change = policy.NewEvent(Instant.FromUtc(2026, 11, 24, 15, 0)) // Tue 24 Nov, 10:00 in New York
    .Set("id", "CHG-1001")
    .Set("category", "routing")
    .Set("summary", "Add the holiday queue to the IVR")
    .Build();

Decision decision = policy.Evaluate(change);
Console.WriteLine($"{decision.Owner} owns {decision.EventId}; resolve by {decision.DeadlineFor("resolve")?.Due}");
// cc-ops owns CHG-1001; resolve by 2026-11-27T03:00:00Z
// </snippet:evaluate>

var emergency = policy.NewEvent(At("2026-11-28T02:10:00-05:00")) // Saturday night
    .Set("id", "INC-2002")
    .Set("category", "telephony-platform")
    .Set("priority", "P1")
    .Set("emergency", true)
    .Set("summary", "Agents cannot log in to the phones")
    .Build();

// Events usually arrive as JSON from a ticketing system; unknown fields are ignored.
var desktopRead = policy.ReadEvent(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "events", "desktop-without-notice.json")));
var desktop = desktopRead.GetEventOrThrow();

var backbone = policy.NewEvent(At("2026-11-27T16:00:00-05:00")) // Friday afternoon, two hours before IT closes
    .Set("id", "CHG-1003")
    .Set("category", "network-backbone")
    .Set("priority", "P2")
    .Set("summary", "Replace the core switch in the New York data center")
    .Build();

var rows = new List<(string Title, ChangeEvent Event)>
{
    ("routing change", change),
    ("telephony emergency", emergency),
    ("desktop, no notice", desktop),
    ("backbone, Fri 16:00", backbone),
};

var zone = policy.Calendars[0].Zone;
Console.WriteLine();
Console.WriteLine($"Policy {policy.Id} {policy.Version}: {rows.Count} change events, times in {zone.Id}");
Console.WriteLine();

var table = new TextTable("Event", "Owner", "Approvers", "Deadlines", "Next escalation", "Violations");
foreach (var (title, evt) in rows)
{
    var d = policy.Evaluate(evt);
    table.Add(
        [d.EventId ?? "-", title, "submitted " + Local(d.SubmittedAt)],
        [d.Owner ?? "NOBODY"],
        d.ApproverTeams.IsEmpty ? ["-"] : [.. d.ApproverTeams.Select(t => t.Id), d.ApproverTeams.Length > 1 ? $"({d.Approval.ToString().ToLowerInvariant()})" : string.Empty],
        d.Deadlines.IsEmpty ? ["-"] : [.. d.Deadlines.Select(x => $"{x.Clock,-11} {Local(x.Due)} ({x.Target})")],
        d.Escalations.IsEmpty ? ["-"] : [$"{Local(d.Escalations[0].At)} {d.Escalations[0].Clock} {d.Escalations[0].Point}", "notify " + string.Join(", ", d.Escalations[0].Notify)],
        d.Violations.IsEmpty ? ["none"] : [.. d.Violations.Select(v => v.Code)]);
}

table.Write(Console.Out);
Console.WriteLine();
Console.WriteLine("Why? Ask the CLI, which explains every facet with the rule behind it:");
Console.WriteLine("  dotnet run --project src/SlaEngine.Cli -- explain samples/policies/contact-center.yaml --event samples/events/desktop-without-notice.json");
return 0;

Instant At(string text) => OffsetDateTimePattern.ExtendedIso.Parse(text).Value.ToInstant();

string Local(Instant instant) => LocalPattern.Format(instant.InZone(zone));

/// <summary>The short local form used in the table: <c>Tue 24 Nov 11:00</c>.</summary>
internal static partial class Program
{
    private static readonly ZonedDateTimePattern LocalPattern = ZonedDateTimePattern.CreateWithInvariantCulture("ddd d MMM HH':'mm", null);
}
