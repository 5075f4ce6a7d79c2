using System;
using System.Collections.Generic;
using NodaTime;
using SlaEngine.Events;

namespace SlaEngine.Benchmarks.Synthetic;

/// <summary>A change event as a plain object: what RulesEngine and the hand-written delegates read.</summary>
public sealed class SyntheticEvent
{
    public required string Category { get; init; }

    /// <summary>The priority's rank: 1 for P1 .. 4 for P4 (P1 &lt; P2 as in the policy's enum order).</summary>
    public required int Priority { get; init; }

    public required bool Emergency { get; init; }

    public required string Summary { get; init; }

    public required string[] Tags { get; init; }

    public required Instant SubmittedAt { get; init; }

    private static readonly string[] Summaries =
    [
        "Update IVR prompt for the billing queue",
        "Add a skill to the returns queue",
        "Replace the agent headset driver",
        "Patch the SIP trunk firmware",
        "Change the IVR menu for holidays",
        "Rotate the CRM integration certificate",
    ];

    private static readonly string[] TagPool = ["ivr", "billing", "voice", "chat", "crm", "network"];

    /// <summary>The fixed set: the same seed always gives the same events.</summary>
    public static SyntheticEvent[] Generate(int count = 1000, int seed = 20261102)
    {
        var random = new Random(seed);
        var start = Instant.FromUtc(2026, 11, 2, 13, 0);
        var events = new SyntheticEvent[count];
        for (var i = 0; i < count; i++)
        {
            var tags = new string[random.Next(3)];
            for (var t = 0; t < tags.Length; t++)
            {
                tags[t] = TagPool[random.Next(TagPool.Length)];
            }

            events[i] = new SyntheticEvent
            {
                Category = "cat" + random.Next(SyntheticPolicy.Categories),
                Priority = 1 + random.Next(4),
                Emergency = random.Next(5) == 0,
                Summary = Summaries[random.Next(Summaries.Length)],
                Tags = tags,
                SubmittedAt = start + Duration.FromMinutes(random.Next(60 * 24 * 90)),
            };
        }

        return events;
    }

    /// <summary>The same event read against a policy's schema (slot-based, what SlaEngine evaluates).</summary>
    public ChangeEvent ToChangeEvent(Policy policy) =>
        policy.NewEvent(SubmittedAt)
            .Set("category", Category)
            .Set("priority", "P" + Priority)
            .Set("emergency", Emergency)
            .Set("summary", Summary)
            .Set("tags", (IReadOnlyList<string>)Tags)
            .Build();
}
