using System.Collections.Frozen;
using System.Linq;
using System.Text.Json;

namespace SlaEngine.Ingestion;

/// <summary>One condition of a mapping's <c>accept</c>: the value at a pointer is one of the listed values.</summary>
internal sealed class AcceptCondition(JsonPointer pointer, FrozenSet<string> values)
{
    public JsonPointer Pointer { get; } = pointer;

    public FrozenSet<string> Values { get; } = values;

    public bool Holds(JsonElement payload, out string why)
    {
        if (!Pointer.TryResolve(payload, out var value))
        {
            why = $"the payload has nothing at {Pointer.Text}";
            return false;
        }

        if (JsonPointer.TryScalarText(value, out var text) && Values.Contains(text))
        {
            why = string.Empty;
            return true;
        }

        var shown = JsonPointer.TryScalarText(value, out text) ? $"'{(text.Length > 60 ? text[..60] + "…" : text)}'" : InstantFormat.Kind(value);
        why = $"{Pointer.Text} is {shown}, not one of {string.Join(", ", Values.Order())}";
        return false;
    }
}
