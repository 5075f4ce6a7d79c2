using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using SlaEngine.Diagnostics;
using SlaEngine.Yaml;

namespace SlaEngine.Events;

/// <summary>Applies a timeline entry's field changes to a ticket's current fields, validating each value like an event's.</summary>
internal static class EventChanges
{
    public static EventReadResult Apply(ChangeEvent current, IEnumerable<KeyValuePair<string, RawValue>> changes)
    {
        var schema = current.Schema;
        var slots = current.Values.ToArray();
        var errors = ImmutableArray.CreateBuilder<Diagnostic>();
        var notes = ImmutableArray.CreateBuilder<Diagnostic>();
        var id = current.Id;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, raw) in changes)
        {
            if (!seen.Add(name))
            {
                errors.Add(EventDiagnostics.Error(DiagnosticCodes.InvalidEventValue, name, $"{YamlTreeReader.Shorten(name)}: the field is set twice in one entry"));
                continue;
            }

            if (name == EventSchema.SubmittedAtField)
            {
                errors.Add(EventDiagnostics.Error(DiagnosticCodes.InvalidEventValue, name, "submittedAt: only the first entry (the submission) sets it; every clock counts from it"));
                continue;
            }

            if (name == EventSchema.IdField)
            {
                id = raw.Kind is RawKind.String or RawKind.Plain ? raw.Text : id;
                continue;
            }

            var field = schema.Find(name);
            if (field is null)
            {
                notes.Add(new Diagnostic(DiagnosticCodes.UnknownEventField, DiagnosticSeverity.Info, $"field '{YamlTreeReader.Shorten(name)}' is not declared by the policy and is ignored", new SourceLocation("<timeline>", 1, 1)));
                continue;
            }

            if (raw.Kind == RawKind.Null)
            {
                if (field.IsRequired)
                {
                    errors.Add(EventDiagnostics.Error(DiagnosticCodes.MissingEventField, name, $"{name}: the field is required and may not be cleared"));
                }
                else
                {
                    slots[field.Slot] = field.Default;
                }

                continue;
            }

            var message = EventReader.Convert(field, schema, raw, out var value);
            if (message is null)
            {
                slots[field.Slot] = value;
            }
            else
            {
                errors.Add(EventDiagnostics.Error(DiagnosticCodes.InvalidEventValue, name, $"{name}: {message}"));
            }
        }

        var noteArray = notes.ToImmutable();
        return errors.Count > 0
            ? new EventReadResult(null, errors.ToImmutable(), noteArray)
            : new EventReadResult(new ChangeEvent(schema, current.SubmittedAt, id, slots, noteArray) { Previous = current }, [], noteArray);
    }
}
