// A ticketing integration in miniature. A webhook would deliver ticket changes one at a time; here they come from a
// list, and a NodaTime FakeClock stands in for the wall clock, so the run takes a second and prints the same every time.
//
//   dotnet run --project samples/TicketingIntegration
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;
using NodaTime.Text;
using SlaEngine;
using SlaEngine.DependencyInjection;
using SlaEngine.Tracking;

// The service follows its own copy of the reference policy, which it edits later on to show a reload.
var workDir = Directory.CreateTempSubdirectory("slaengine-sample-").FullName;
var policyPath = Path.Combine(workDir, "contact-center.yaml");
File.Copy(Path.Combine(AppContext.BaseDirectory, "policies", "contact-center.yaml"), policyPath);
var clock = new FakeClock(At("2026-11-24T10:00:00-05:00"));

const string ticketJson = """
    { "id": "INC-3001", "submittedAt": "2026-11-24T10:00:00-05:00",
      "category": "routing", "priority": "P3", "summary": "Holiday greeting plays on the wrong queue" }
    """;

// What the ticketing system reports, in time order; null changes are status checks (a timer in a real service).
var stream = new (Instant At, string What, Dictionary<string, object?>? Changes)[]
{
    (At("2026-11-24T10:00:00-05:00"), "submitted", null),
    (At("2026-11-24T10:40:00-05:00"), "an agent picks it up", new() { ["status"] = "in-progress" }),
    (At("2026-11-24T11:00:00-05:00"), "asks the requester which queue", new() { ["status"] = "waiting-on-requester" }),
    (At("2026-11-24T17:00:00-05:00"), "status check", null),
    (At("2026-11-25T09:00:00-05:00"), "the requester answers", new() { ["status"] = "in-progress" }),
    (At("2026-11-26T14:00:00-05:00"), "status check", null),
    (At("2026-11-26T15:30:00-05:00"), "raised: callers hear silence", new() { ["priority"] = "P1", ["emergency"] = true }),
    (At("2026-11-26T16:00:00-05:00"), "fixed", new() { ["status"] = "done" }),
};

var announced = new HashSet<string>();
try
{
    // <snippet:di>
    var services = new ServiceCollection();
    services.AddSingleton<IClock>(clock); // a FakeClock here; SystemClock.Instance when none is registered
    services.AddSlaEngine(o =>
    {
        o.PolicyPath = policyPath; // watched: a change that loads takes effect, one that fails is reported
        o.PollInterval = Timeout.InfiniteTimeSpan;
    });
    using var provider = services.BuildServiceProvider();
    var sla = provider.GetRequiredService<ISlaEvaluator>(); // throws PolicyLoadException if the policy is broken
    // </snippet:di>

    var source = (FilePolicySource)provider.GetRequiredService<IPolicySource>();
    source.Reloaded += (_, e) => Console.WriteLine($"  policy reloaded: {e.Previous} -> {e.Current}");
    source.ReloadFailed += (_, e) =>
    {
        Console.WriteLine($"  policy NOT reloaded, still using {e.InForce}:");
        foreach (var d in e.Diagnostics.Where(d => d.IsError))
        {
            Console.WriteLine($"    {Path.GetFileName(d.Location.File)}:{d.Location.Line}:{d.Location.Column}: {d.Code}: {d.Message}");
        }
    };

    Console.WriteLine($"Policy in force: {sla.Snapshot}. Times in New York.");
    Console.WriteLine();
    Console.WriteLine("== INC-3001: a routing change that waits on the requester, then turns out to be an emergency");

    // <snippet:track>
    var policy = sla.Policy; // one version of the policy for the whole ticket
    Ticket ticket = policy.Track(policy.ReadEvent(ticketJson).GetEventOrThrow());
    foreach (var (at, what, changes) in stream)
    {
        clock.Reset(at); // time passes (a FakeClock jumps; nothing waits)
        if (changes is not null)
        {
            ticket = ticket.Append(sla.Now, changes); // a new ticket (late entries are placed in time order)
        }

        TicketStatus status = ticket.StatusAt(sla.Now);
        Print(status, what); // each clock's cycle; escalations by their stable key; when to look next
    }
    // </snippet:track>

    Console.WriteLine();
    Console.WriteLine("== The contact center agrees a longer resolve target for day-to-day changes");
    var agreed = File.ReadAllText(policyPath)
        .Replace("version: \"2026.11\"", "version: \"2026.12\"", StringComparison.Ordinal)
        .Replace("      resolve: { within: 2bd }", "      resolve: { within: 3bd }", StringComparison.Ordinal);
    ReplaceFile(policyPath, agreed);
    source.ReloadNow(); // what the watcher does once the file is quiet; called here so the output is deterministic

    Console.WriteLine();
    Console.WriteLine("== Someone saves a typo: the last good policy stays in force");
    ReplaceFile(policyPath, agreed.Replace("    owner: cc-ops", "    ownr: cc-ops", StringComparison.Ordinal));
    source.ReloadNow();

    Console.WriteLine();
    clock.Reset(At("2026-11-30T10:00:00-05:00"));
    var next = sla.ReadEvent(new Dictionary<string, object?>
    {
        ["id"] = "INC-3002",
        ["submittedAt"] = sla.Now,
        ["category"] = "routing",
    }).GetEventOrThrow();
    var decision = sla.Evaluate(next);
    Console.WriteLine($"{Local(sla.Now)}  INC-3002 is decided by {decision.PolicyId} {decision.PolicyVersion}: resolve due {Local(decision.DeadlineFor("resolve")!.Due)} ({decision.DeadlineFor("resolve")!.Target})");
}
finally
{
    Directory.Delete(workDir, recursive: true);
}

return 0;

void Print(TicketStatus status, string what)
{
    Console.WriteLine($"{Local(status.At)}  {what}");
    foreach (var c in status.Clocks)
    {
        var state = c.State switch
        {
            ClockState.Stopped => c.Breached ? "stopped, BREACHED" : "stopped, met",
            ClockState.Cancelled => "cancelled",
            ClockState.NotStarted => "not started",
            ClockState.Paused => "paused",
            _ => c.Breached ? "running, BREACHED" : "running",
        };
        var due = c.Due is { } d && !c.Breached ? $", due {Local(d)}" : string.Empty;
        Console.WriteLine($"    {c.Clock,-11} {state,-17} {Short(c.Elapsed),7} of {c.TargetText,-4} on {c.CalendarId}{due}");
        foreach (var e in c.Escalations.Where(e => announced.Add(e.Key))) // clock/cycle/index: each step once
        {
            Console.WriteLine($"    -> escalation {c.Clock} {e.Point} fired {Local(e.At)}: notify {string.Join(", ", e.Notify)}");
        }
    }

    if (status.NextChangeAt is { } next)
    {
        Console.WriteLine($"    next change {Local(next)}"); // a scheduler sleeps until then, or until the next entry
    }
}

static Instant At(string text) => OffsetDateTimePattern.ExtendedIso.Parse(text).Value.ToInstant();

static void ReplaceFile(string path, string text)
{
    // Write beside, then rename over: the watcher only ever sees whole files.
    var temp = path + ".tmp";
    File.WriteAllText(temp, text);
    File.Move(temp, path, overwrite: true);
}

static string Local(Instant instant) =>
    ZonedDateTimePattern.CreateWithInvariantCulture("ddd d MMM HH':'mm", null).Format(instant.InZone(DateTimeZoneProviders.Tzdb["America/New_York"]));

static string Short(Duration d)
{
    var hours = (long)d.TotalHours;
    return d.Minutes == 0 ? $"{hours}h" : hours == 0 ? $"{d.Minutes}m" : $"{hours}h{d.Minutes:00}m";
}
