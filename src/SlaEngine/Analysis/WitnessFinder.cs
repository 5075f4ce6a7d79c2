using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SlaEngine.Events;
using SlaEngine.Expressions.Logic;
using SlaEngine.Expressions;

namespace SlaEngine.Analysis;

/// <summary>
/// Builds a concrete event for a class and checks it with <see cref="Policy.Evaluate"/> under both versions. Field
/// variables take their class's value; unknowns (string functions, <c>open()</c>, comparisons of two fields) are
/// made true or false by trying a bounded set of values for the fields they read and for <c>submittedAt</c>: the
/// texts the conditions mention, instants around the submission; the first event whose decisions differ in the
/// expected facets is the witness.
/// </summary>
internal sealed class WitnessFinder
{
    /// <summary>At most this many events are tried per class.</summary>
    public const int MaxTries = 256;

    private readonly DiffSpace _space;
    private readonly Instant _submittedAt;
    private readonly List<(string Field, object?[] Candidates)> _free = [];
    private readonly Instant[] _submissions;
    private readonly HashSet<string> _noticeFields = new(StringComparer.Ordinal);

    public WitnessFinder(DiffSpace space, Instant submittedAt)
    {
        _space = space;
        _submittedAt = submittedAt;
        var variables = space.Variables.Where(v => !v.IsOpaque).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var conditions = space.Policies.SelectMany(p => p.Rules.Where(r => r.HasWhen).Select(r => r.When.Syntax)).ToList();
        var nodes = conditions.SelectMany(ConditionLogic.Nodes).ToList();
        var texts = nodes.OfType<LiteralExpr>().Where(l => l.Value is string && l.Type.Kind == TypeKind.String).Select(l => (string)l.Value!)
            .Distinct(StringComparer.Ordinal).Take(6).ToList();
        var usesTime = nodes.Any(n => n is CallExpr { Function: BuiltinFunction.Open } || n is IdentifierExpr { IsSubmittedAt: true });
        foreach (var id in nodes.OfType<IdentifierExpr>().Where(i => i.Field is not null).Select(i => i.Field!).DistinctBy(f => f.Name))
        {
            if (variables.Contains(id.Name))
            {
                continue;
            }

            object?[]? candidates = id.Type switch
            {
                FieldType.String => [null, "", .. texts, .. texts.Select(t => t.ToLowerInvariant()), string.Join(" ", texts)],
                FieldType.StringList => [null, Array.Empty<string>(), .. texts.Select(t => new[] { t }), texts.ToArray()],
                FieldType.Instant => [null, submittedAt.Plus(Duration.FromDays(7)), submittedAt.Minus(Duration.FromDays(7)), submittedAt.Plus(Duration.FromHours(1))],
                FieldType.Int => [null, 0L, 1L, 100L, -1L],
                _ => null,
            };
            if (candidates is not null)
            {
                _free.Add((id.Name, candidates.DistinctBy(Key).ToArray()));
            }
        }

        _submissions = usesTime
            ? [submittedAt, submittedAt.Plus(Duration.FromHours(10)), submittedAt.Plus(Duration.FromDays(4)), submittedAt.Minus(Duration.FromHours(8)), submittedAt.Plus(Duration.FromHours(3))]
            : [submittedAt];
        foreach (var p in space.Policies)
        {
            foreach (var rule in p.Rules)
            {
                if (rule.Notice is { } notice)
                {
                    _noticeFields.Add(notice.Before.Name);
                }
            }
        }
    }

    /// <summary>A witness for one of the classes, whose decisions differ in every facet of <paramref name="facets"/>; null when none is found.</summary>
    public DiffWitness? Find(IEnumerable<int[]> classes, IReadOnlyCollection<string> facets)
    {
        foreach (var assignment in classes.Take(8))
        {
            if (Find(assignment, facets) is { } witness)
            {
                return witness;
            }
        }

        return null;
    }

    private DiffWitness? Find(int[] assignment, IReadOnlyCollection<string> facets)
    {
        var opaque = _space.Variables.Where((v, i) => v.IsOpaque && assignment[i] >= 0).Any();
        var dimensions = opaque ? _free.Select(f => f.Candidates.Length).Append(_submissions.Length).ToArray() : [];
        var counters = new int[dimensions.Length];
        for (var attempt = 0; attempt < MaxTries; attempt++)
        {
            var submittedAt = opaque ? _submissions[counters[^1]] : _submittedAt;
            var values = new Dictionary<string, object?>(StringComparer.Ordinal) { [EventSchema.SubmittedAtField] = submittedAt };
            for (var i = 0; i < _space.Variables.Length; i++)
            {
                var v = _space.Variables[i];
                if (v.IsOpaque)
                {
                    continue;
                }

                var value = v.Values[Math.Max(0, assignment[i])];
                if (value.Given)
                {
                    values[v.Name] = DiffSpace.ToEventObject(v, value, submittedAt);
                }
            }

            if (opaque)
            {
                for (var k = 0; k < _free.Count; k++)
                {
                    if (_free[k].Candidates[counters[k]] is { } candidate)
                    {
                        values[_free[k].Field] = candidate;
                    }
                }
            }

            Fill(values, submittedAt);
            if (Check(values, facets) is { } witness)
            {
                return witness;
            }

            if (!Next(counters, dimensions))
            {
                break;
            }
        }

        return null;
    }

    private static bool Next(int[] counters, int[] dimensions)
    {
        for (var k = 0; k < counters.Length; k++)
        {
            if (++counters[k] < dimensions[k])
            {
                return true;
            }

            counters[k] = 0;
        }

        return false;
    }

    /// <summary>Gives every field a version requires, and every notice's instant field, a value both versions accept.</summary>
    private void Fill(Dictionary<string, object?> values, Instant submittedAt)
    {
        for (var side = 0; side < 2; side++)
        {
            var schema = _space.Policies[side].Schema;
            var other = _space.Policies[1 - side].Schema;
            foreach (var field in schema.Fields)
            {
                if (values.ContainsKey(field.Name) || !(field.IsRequired || (_noticeFields.Contains(field.Name) && field.Type == FieldType.Instant)))
                {
                    continue;
                }

                var peer = other.Find(field.Name);
                object? value = field.Type switch
                {
                    FieldType.Enum => field.EnumValues.FirstOrDefault(v => peer is null || peer.EnumOrdinal(v) >= 0),
                    FieldType.Team => schema.TeamIds.FirstOrDefault(t => other.TeamOrdinal(t) >= 0 || peer is null),
                    FieldType.Bool => false,
                    FieldType.Int => 0L,
                    FieldType.String => "",
                    FieldType.Instant => submittedAt.Plus(Duration.FromDays(30)),
                    _ => Array.Empty<string>(),
                };
                if (value is not null)
                {
                    values[field.Name] = value;
                }
            }
        }
    }

    private DiffWitness? Check(Dictionary<string, object?> values, IReadOnlyCollection<string> facets)
    {
        var oldRead = _space.Policies[0].ReadEvent(values);
        var newRead = _space.Policies[1].ReadEvent(values);
        if (!oldRead.Success || !newRead.Success)
        {
            return null;
        }

        var oldDecision = _space.Policies[0].Evaluate(oldRead.Event);
        var newDecision = _space.Policies[1].Evaluate(newRead.Event);
        var observed = DecisionFacets.Differences(oldDecision, newDecision).Select(c => c.Facet).ToHashSet(StringComparer.Ordinal);
        return facets.All(observed.Contains) ? new DiffWitness(Json(values), oldDecision, newDecision) : null;
    }

    /// <summary>The event as one JSON object, <c>submittedAt</c> first, then the fields in name order.</summary>
    internal static string Json(IReadOnlyDictionary<string, object?> values)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            foreach (var (name, value) in values.OrderBy(kv => kv.Key == EventSchema.SubmittedAtField ? 0 : 1).ThenBy(kv => kv.Key, StringComparer.Ordinal))
            {
                w.WritePropertyName(name);
                switch (value)
                {
                    case Instant i:
                        w.WriteStringValue(InstantPattern.ExtendedIso.Format(i));
                        break;
                    case bool b:
                        w.WriteBooleanValue(b);
                        break;
                    case long n:
                        w.WriteNumberValue(n);
                        break;
                    case string s:
                        w.WriteStringValue(s);
                        break;
                    case IEnumerable<string> list:
                        w.WriteStartArray();
                        foreach (var item in list)
                        {
                            w.WriteStringValue(item);
                        }

                        w.WriteEndArray();
                        break;
                    default:
                        w.WriteNullValue();
                        break;
                }
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Key(object? value) => value switch
    {
        null => "null",
        string s => "s:" + s,
        string[] list => "l:" + string.Join("\u0001", list),
        _ => value.ToString() ?? "",
    };
}
