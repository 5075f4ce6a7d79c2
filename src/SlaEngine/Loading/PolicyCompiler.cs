using System.Collections.Immutable;
using System.Linq;
using SlaEngine.Diagnostics;
using SlaEngine.Events;
using SlaEngine.Model;

namespace SlaEngine.Loading;

/// <summary>Turns the declared model into a compiled <see cref="Policy"/>: calendars built, expressions compiled, references resolved.</summary>
internal static class PolicyCompiler
{
    public static Policy? Compile(PolicyDecl declared, DiagnosticBag diagnostics)
    {
        var teamIds = declared.Teams.Select(t => t.Id.Value).ToList();
        var fields = declared.Fields.Select((f, slot) =>
        {
            var values = f.Values.Select(v => v.Value).ToImmutableArray();
            var defaultValue = FieldValue.Absent;
            if (f.Default is not null)
            {
                FieldValueReader.ReadDefault(f.Default, f.Type, values, teamIds, out defaultValue);
            }

            return new FieldDefinition(f.Name.Value, f.Type, slot, values, f.Required, defaultValue, f.Name.Location);
        }).ToList();
        var schema = new EventSchema(fields, teamIds);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        return new Policy
        {
            Id = declared.Id.Value,
            Version = declared.Version,
            Description = declared.Description,
            SourceFile = declared.File,
            Schema = schema,
        };
    }
}
