using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Expressions;

namespace SlaEngine.Tests.Expressions;

/// <summary>Builds schemas, events and environments for the expression tests.</summary>
internal static class TestSchema
{
    public static readonly Instant Submitted = Instant.FromUtc(2026, 11, 2, 14, 0); // a Monday, 14:00 UTC

    public static readonly string[] Teams = ["cc-ops", "it-infra", "it-desktop", "it-liaison"];

    /// <summary>The sample schema: the fields of SPEC 2 plus a few of every type.</summary>
    public static EventSchema Sample { get; } = Build(
        ("category", FieldType.Enum, ["routing", "queue", "agent-desktop", "network-backbone"], true),
        ("priority", FieldType.Enum, ["P1", "P2", "P3", "P4"], true),
        ("emergency", FieldType.Bool, null, true),
        ("summary", FieldType.String, null, true),
        ("requestedBy", FieldType.Team, null, true),
        ("status", FieldType.Enum, ["new", "in-progress", "waiting-on-requester", "done"], true),
        ("affectedAgents", FieldType.Int, null, false),
        ("scheduledStart", FieldType.Instant, null, false),
        ("tags", FieldType.StringList, null, false),
        ("notes", FieldType.String, null, false),
        ("vip", FieldType.Bool, null, false),
        ("severity", FieldType.Enum, ["low", "high"], false),
        ("approver", FieldType.Team, null, false));

    public static EventSchema Build(params (string Name, FieldType Type, string[]? Values, bool Required)[] fields) =>
        new(
            fields.Select((f, i) => new FieldDefinition(
                f.Name, f.Type, i, f.Values is null ? [] : [.. f.Values], f.Required, FieldValue.Absent, new SourceLocation("test.yaml", 1, 1))),
            Teams);

    /// <summary>Calendars: "24x7" always open, "it-hours" open 08:00-18:00 UTC, "closed" never open.</summary>
    public static ExpressionEnvironment Environment(EventSchema? schema = null) =>
        new(schema ?? Sample, ["24x7", "it-hours", "closed"], id => id switch
        {
            "24x7" => static _ => true,
            "it-hours" => static at => at.InUtc().Hour is >= 8 and < 18,
            _ => static _ => false,
        });

    /// <summary>An event of <see cref="Sample"/>; values are plain objects by field name (absent when not given).</summary>
    public static ChangeEvent Event(IReadOnlyDictionary<string, object?> values, EventSchema? schema = null, string? id = null)
    {
        schema ??= Sample;
        var slots = new FieldValue[schema.Fields.Length];
        foreach (var field in schema.Fields)
        {
            if (!values.TryGetValue(field.Name, out var value) || value is null)
            {
                continue;
            }

            slots[field.Slot] = field.Type switch
            {
                FieldType.String => FieldValue.FromString((string)value),
                FieldType.Int => FieldValue.FromInt(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
                FieldType.Bool => FieldValue.FromBool((bool)value),
                FieldType.Enum => FieldValue.FromEnum(field.EnumOrdinal((string)value), (string)value),
                FieldType.Team => FieldValue.FromTeam(schema.TeamOrdinal((string)value), (string)value),
                FieldType.Instant => FieldValue.FromInstant((Instant)value),
                _ => FieldValue.FromList([.. (string[])value]),
            };
        }

        return new ChangeEvent(schema, Submitted, id, slots, []);
    }

    /// <summary>The default sample event: every required field set, the optional ones absent.</summary>
    public static Dictionary<string, object?> Defaults() => new()
    {
        ["category"] = "routing",
        ["priority"] = "P2",
        ["emergency"] = false,
        ["summary"] = "Update IVR prompt",
        ["requestedBy"] = "cc-ops",
        ["status"] = "new",
    };

    public static ChangeEvent Sample0 { get; } = Event(Defaults());

    /// <summary>Every optional field present.</summary>
    public static ChangeEvent Full { get; } = Event(new Dictionary<string, object?>(Defaults())
    {
        ["affectedAgents"] = 150L,
        ["scheduledStart"] = Instant.FromUtc(2026, 11, 5, 9, 0),
        ["tags"] = new[] { "ivr", "prompt" },
        ["notes"] = "Call Ana",
        ["vip"] = true,
        ["severity"] = "high",
        ["approver"] = "it-liaison",
    }, id: "CHG-42");

    public static (Condition? Condition, ImmutableArray<Diagnostic> Diagnostics) Compile(string text, EventSchema? schema = null)
    {
        var bag = new DiagnosticBag();
        var condition = ConditionCompiler.Compile(text, new LinearPositionMap(new SourceLocation("t", 1, 1)), Environment(schema), bag);
        return (condition, bag.ToImmutable());
    }
}
