using System.Collections.Generic;
using SlaEngine.Events;

namespace SlaEngine.Events;

/// <summary>Turns a read event back into field values, to read it against another version of the policy.</summary>
internal static class ChangeEventValues
{
    /// <summary>The event's <c>submittedAt</c>, <c>id</c> and present field values, as the dictionary reader takes them.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> Of(ChangeEvent changeEvent)
    {
        yield return new(EventSchema.SubmittedAtField, changeEvent.SubmittedAt);
        if (changeEvent.Id is not null)
        {
            yield return new(EventSchema.IdField, changeEvent.Id);
        }

        foreach (var field in changeEvent.Schema.Fields)
        {
            // An absent value is left out, so the other version's default (or requirement) applies.
            if (changeEvent.Has(field.Name))
            {
                yield return new(field.Name, changeEvent.GetValue(field.Name));
            }
        }
    }

    /// <summary>An accepted read result for an event already read against the right schema.</summary>
    public static EventReadResult AsReadResult(ChangeEvent changeEvent) => new(changeEvent, [], changeEvent.Notes);
}
